// swift-tools-version:6.0
import PackageDescription

/// The numeric modules are compiled for Haswell-level x86-64 (AVX2 + FMA) so that the gate loops vectorize 8 wide;
/// SSE-only code generation measured about twice as slow in the recurrent kernels.
let numericSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"], .when(platforms: [.linux]))]

/// Every target is compiled in the Swift 6 language mode (complete concurrency checking) except these, which do not
/// compile in it yet (ARCHITECTURE.md, "Language mode"): the runner hands non-`Sendable` state to generic thread
/// helpers, the NN tests keep a cache in a static variable.
let swift5Mode: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
    name: "Unroll",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "unroll", targets: ["UnrollCLI"]),
        .library(name: "UnrollNN", targets: ["UnrollNN"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // System library: the CommonMark parser.
        .systemLibrary(name: "CCmark", path: "Sources/CCmark"),

        // Source locations and diagnostics, shared by the notebook, language and runner modules.
        .target(name: "UnrollDiagnostics"),

        // Atomic file replacement, file sets written together (staging folder, then renames) and JSON string
        // literals, shared by the model library, the run record, the reports and the baselines.
        .target(name: "UnrollFileIO", dependencies: ["UnrollDiagnostics"]),
        .testTarget(name: "UnrollFileIOTests", dependencies: ["UnrollFileIO", "UnrollDiagnostics", "UnrollTestSupport"]),

        // What a notebook declares and its run record keeps: parameter values and check modes.
        .target(name: "UnrollSettings", dependencies: ["UnrollFileIO"]),
        .testTarget(name: "UnrollSettingsTests", dependencies: ["UnrollSettings"]),

        // The numeric kernels (recurrent time loops, matrix multiply, row-wise softmax, element-wise math, thread
        // team), AVX-512/AVX2/portable chosen at run time, all giving the same bits (ARCHITECTURE.md).
        // Always optimised, also in debug builds: the unit tests run them over many paths and shapes.
        .target(name: "CRecurrentKernels", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),

        // The model library: tensors, autodiff, layers. Knows nothing of notebooks.
        .target(name: "CAllocator"),
        .target(name: "UnrollTensor", dependencies: ["CAllocator", "CRecurrentKernels"], swiftSettings: numericSettings),
        .target(name: "UnrollAutograd", dependencies: ["UnrollTensor", "CRecurrentKernels"], swiftSettings: numericSettings),
        .target(name: "UnrollNN", dependencies: ["UnrollTensor", "UnrollAutograd", "CRecurrentKernels", "UnrollFileIO"],
                swiftSettings: numericSettings),

        // The runner: prepares notebooks (parse, check), runs their cells, writes reports.
        .target(
            name: "UnrollRunner",
            dependencies: ["UnrollNotebook", "UnrollLanguage", "UnrollInterpreter", "UnrollRecord", "UnrollReport",
                           "UnrollDiagnostics", "UnrollTensor", "UnrollSettings", "UnrollFileIO"],
            swiftSettings: swift5Mode
        ),

        // `unroll check` for one notebook: runs it, then compares with its baseline or rewrites it.
        .target(
            name: "UnrollCheckRunner",
            dependencies: ["UnrollCheck", "UnrollRunner", "UnrollNotebook", "UnrollRecord", "UnrollReport", "UnrollFileIO"]
        ),

        // The command-line tool.
        .executableTarget(
            name: "UnrollCLI",
            dependencies: [
                "UnrollNN",
                "UnrollTensor",
                "UnrollAutograd",
                "UnrollRunner",
                "UnrollReport",
                "UnrollCheck",
                "UnrollCheckRunner",
                "UnrollDiff",
                "UnrollNotebook",
                "UnrollRecord",
                "UnrollDiagnostics",
                "UnrollFileIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Notebooks: CommonMark through libcmark, YAML front matter, rnn cells and their options.
        .target(
            name: "UnrollNotebook",
            dependencies: ["CCmark", "UnrollDiagnostics", "UnrollSettings", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "UnrollNotebookTests",
            dependencies: ["UnrollNotebook", "UnrollDiagnostics", .product(name: "Yams", package: "Yams")]
        ),

        // Training: objectives pairing models with data, the fit loop, evaluation, sampling.
        .target(
            name: "UnrollTraining",
            dependencies: ["UnrollNN", "UnrollData", "UnrollAutograd", "UnrollTensor"],
            swiftSettings: numericSettings
        ),
        .testTarget(name: "UnrollTrainingTests", dependencies: ["UnrollTraining", "UnrollNN", "UnrollData", "UnrollAutograd", "UnrollTensor"],
                    resources: [.copy("Fixtures")]),

        // End-to-end tests: run the built `unroll` binary on notebooks and check what it writes.
        .testTarget(name: "UnrollCLITests", dependencies: ["UnrollCLI", "UnrollRunner", "UnrollReport", "UnrollRecord", "UnrollTestSupport"],
                    resources: [.copy("Fixtures")]),

        // Test helpers shared by the test targets (finite-difference gradient checks, kernel settings, temporary folders,
        // run-record fixtures).
        .target(name: "UnrollTestSupport", dependencies: ["UnrollAutograd", "UnrollTensor", "UnrollRecord", "UnrollDiagnostics"],
                path: "Tests/UnrollTestSupport"),
        // Run records (the JSON baseline) and the HTML/Markdown reports; no notebook, language or model code.
        .target(name: "UnrollRecord", dependencies: ["UnrollDiagnostics", "UnrollSettings", "UnrollFileIO"]),
        .target(name: "UnrollReport", dependencies: ["UnrollRecord", "UnrollDiagnostics", "UnrollFileIO"]),
        .testTarget(name: "UnrollRecordTests", dependencies: ["UnrollRecord", "UnrollDiagnostics", "UnrollTestSupport"]),
        .testTarget(name: "UnrollReportTests", dependencies: ["UnrollReport", "UnrollRecord", "UnrollFileIO", "UnrollDiagnostics", "UnrollTestSupport"]),

        .testTarget(name: "UnrollTensorTests", dependencies: ["UnrollTensor", "UnrollTestSupport", "CRecurrentKernels"]),
        .testTarget(name: "UnrollAutogradTests", dependencies: ["UnrollAutograd", "UnrollTensor", "UnrollTestSupport"]),
        .testTarget(
            name: "UnrollNNTests",
            dependencies: ["UnrollNN", "UnrollAutograd", "UnrollTensor", "UnrollFileIO", "UnrollTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swift5Mode
        ),

        // The notebook language: lexer, parser, syntax tree, builtin catalog and static checker.
        .target(name: "UnrollLanguage", dependencies: ["UnrollDiagnostics"]),
        .testTarget(
            name: "UnrollLanguageTests",
            dependencies: ["UnrollLanguage", "UnrollDiagnostics", "UnrollInterpreter", "UnrollTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        // Data sets for recurrent-net experiments: corpora, CSV/TSV/tagged loaders, synthetic tasks, batching.
        .target(name: "UnrollData", dependencies: ["UnrollTensor", "UnrollDiagnostics", "UnrollFileIO"]),
        .testTarget(name: "UnrollDataTests", dependencies: ["UnrollDiagnostics", "UnrollData", "UnrollTensor", "UnrollTestSupport"]),
        // The interpreter: runs checked programs against the model library and records typed cell outputs.
        .target(
            name: "UnrollInterpreter",
            dependencies: ["UnrollLanguage", "UnrollRecord", "UnrollTraining", "UnrollData", "UnrollNN",
                           "UnrollAutograd", "UnrollTensor", "UnrollDiagnostics", "UnrollFileIO"],
            swiftSettings: numericSettings
        ),
        .testTarget(
            name: "UnrollInterpreterTests",
            dependencies: ["UnrollInterpreter", "UnrollLanguage", "UnrollRecord", "UnrollReport", "UnrollTraining",
                           "UnrollData", "UnrollNN", "UnrollTensor", "UnrollDiagnostics", "UnrollFileIO", "UnrollTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: numericSettings
        ),
        // `unroll diff`: two run records (files, or a notebook's at git revisions) compared as a Markdown or HTML report.
        .target(name: "UnrollDiff", dependencies: ["UnrollCheck", "UnrollReport", "UnrollRecord", "UnrollDiagnostics", "UnrollFileIO"]),
        .testTarget(name: "UnrollDiffTests", dependencies: ["UnrollDiff", "UnrollRecord", "UnrollReport", "UnrollTestSupport"]),
        // Regression checks: compares a run record with its baseline within tolerances (`unroll check`).
        .target(name: "UnrollCheck", dependencies: ["UnrollRecord", "UnrollSettings"]),
        .testTarget(
            name: "UnrollCheckTests",
            dependencies: ["UnrollCheck", "UnrollCheckRunner", "UnrollRunner", "UnrollReport", "UnrollRecord", "UnrollTestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// The libFuzzer targets (`Fuzz/`, ARCHITECTURE.md "Fuzzing") exist only when `UNROLL_FUZZ=1`: they must be built with
/// `-sanitize=fuzzer` for every module (`scripts/fuzz` does it in `.build/fuzz`), which plain `swift build` and
/// `swift test` do not pass, so there they are not declared at all.
if Context.environment["UNROLL_FUZZ"] == "1" {
    /// Each fuzz target: its name (`Fuzz/NAME`, the executable) and the modules whose readers it feeds.
    let fuzzTargets: [(name: String, modules: [Target.Dependency])] = [
        ("FuzzLexerParser", ["UnrollLanguage"]),
        ("FuzzChecker", ["UnrollLanguage", "UnrollInterpreter"]),
        ("FuzzFrontMatter", ["UnrollNotebook"]),
        ("FuzzNotebook", ["UnrollNotebook"]),
        ("FuzzSafetensors", ["UnrollNN"]),
        ("FuzzRunRecord", ["UnrollRecord"]),
        ("FuzzCSV", ["UnrollData"]),
        ("FuzzTSV", ["UnrollData"]),
        ("FuzzTagged", ["UnrollData"]),
    ]
    package.targets += [
        // libFuzzer's driver called from a Swift `main` (SwiftPM gives every executable its own `main`).
        .target(name: "CFuzzerDriver", path: "Fuzz/CFuzzerDriver"),
        .target(name: "UnrollFuzzSupport", dependencies: ["CFuzzerDriver"], path: "Fuzz/UnrollFuzzSupport"),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(name: target.name, dependencies: ["UnrollFuzzSupport"] + target.modules,
                                                 path: "Fuzz/\(target.name)"))
    }
}
