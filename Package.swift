// swift-tools-version:6.0
import PackageDescription

/// Release-grade code generation for the numeric modules even in debug builds would hide bugs, so
/// only the hot numeric code asks for unchecked arithmetic where it is measured to matter.
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
        // System libraries: the matrix-multiply backend and the CommonMark parser.
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CCmark", path: "Sources/CCmark"),

        // Source locations and diagnostics, shared by the notebook, language and runner modules.
        .target(name: "UnrollDiagnostics"),

        // The model library: tensors, autodiff, layers. Knows nothing of notebooks.
        .target(name: "UnrollTensor", dependencies: ["CBLAS"]),
        .target(name: "UnrollAutograd", dependencies: ["UnrollTensor"]),
        .target(name: "UnrollNN", dependencies: ["UnrollTensor", "UnrollAutograd"]),

        // The command-line tool.
        .executableTarget(
            name: "UnrollCLI",
            dependencies: [
                "UnrollNN",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "UnrollTensorTests", dependencies: ["UnrollTensor"]),
        .testTarget(name: "UnrollAutogradTests", dependencies: ["UnrollAutograd", "UnrollTensor"]),
        .testTarget(
            name: "UnrollNNTests",
            dependencies: ["UnrollNN", "UnrollAutograd", "UnrollTensor"],
            resources: [.copy("Fixtures")]
        ),

        // The notebook language: lexer, parser, syntax tree, builtin catalog and static checker.
        .target(name: "UnrollLanguage", dependencies: ["UnrollDiagnostics"]),
        .testTarget(
            name: "UnrollLanguageTests",
            dependencies: ["UnrollLanguage", "UnrollDiagnostics"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
