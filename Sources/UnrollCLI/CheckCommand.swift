import ArgumentParser
import Foundation
import UnrollCheck
import UnrollCheckRunner
import UnrollRunner

/// `unroll check`: re-runs notebooks and compares every recorded value with the baseline run record.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run notebooks and compare their results with the baseline run records.",
        discussion: """
        Each notebook NAME.md is run (nothing is written) and its run record compared with its baseline \
        baselines/NAME.json beside the notebook (or DIR/NAME.json with --baseline DIR). Only `check --update` \
        writes baselines (creating the folder and missing ones); `unroll run` never does. Cells are matched by id, \
        outputs by name; numbers match when |actual - expected| <= atol + rtol*|expected| (NaN matches NaN). \
        Defaults: check=exact rtol 1e-6 atol 1e-9; check=loose rtol 1e-2 atol 1e-4 and whitespace-insensitive \
        text; check=ignore compares only the cell's status. A cell's rtol=/atol= win over its check=loose \
        defaults, which win over the front matter's check: tolerances. Each difference is printed as \
        path:line: cell 'id': value: expected X, got Y (abs diff D, rel diff R), after lines saying what differs in \
        the notebook, params, seed, data files and version; a series line gives its first differing point and a \
        count of the later ones, and an output repeating another's differences is named once as '(also in \
        cell/output)'. The last line is \
        'N passed, N failed' (cells; every cell of a notebook without a baseline counts as failed, and the line \
        names such notebooks; a notebook that cannot be run counts as one failure).

        --seeds K (K >= 3) checks statistically instead of exactly, for changes that may move the bits but not \
        the results (a reordered sum, a new kernel): the notebook runs K times, run 1 as written and run i >= 2 with \
        every seed s (the front matter's and each `seed N` statement's) replaced by SplitMix64's (i-1)-th output \
        from s, mix(s + (i-1) * 0x9E3779B97F4A7C15). Each scalar and each series line's final point is compared \
        with the baseline's K-seed sample: a value regresses when Welch's two-sided t-test rejects equal means at \
        --alpha (default 0.01) after the Holm-Bonferroni correction across the notebook's values, or, when both \
        spreads are zero, when the means differ beyond the cell's rtol/atol. Each value's line gives both means, \
        both standard deviations and the p-value. `check --update --seeds K` writes the baseline with these \
        statistics (the means, standard deviations and K values of every value) beside run 1's exact record, so \
        the same baseline serves both checks. A value whose samples repeat an earlier value's (a plot of a \
        recorded history) is tested and reported once, '(also in …)'. A cell that fails with any seed exits 1; an \
        exact baseline without seed statistics is an error that says to run `check --update --seeds K`.

        --shard I/N keeps the notebooks whose position k (from 0) in byte-sorted path order has k mod N = I-1.

        The run records' environment objects (CPU, kernel path, threads, version) are never compared; a \
        notebook that does not match also gets the line 'path: baseline: KERNELS, N threads, CPU; this run: …' \
        ('baseline: unknown environment' for an older baseline), which the JUnit failure text repeats.

        \(KernelSetup.helpText)

        Exit status: 0 everything matched, 1 a cell failed (or a baseline is missing), 2 a regression, \
        64 bad usage, 65 a notebook does not parse or check.
        """)

    @OptionGroup var notebooks: NotebookArguments

    @Option(help: ArgumentHelp("Check statistically over K seeds (at least 3) instead of exactly; with --update, record the K-seed statistics.",
                               valueName: "K"))
    var seeds: Int?

    @Option(help: ArgumentHelp("The family-wise significance level of --seeds (Holm-Bonferroni-corrected; default 0.01).",
                               valueName: "level"))
    var alpha: Double?

    @Option(help: ArgumentHelp("Folder holding the baseline run records NAME.json (default: baselines/ beside each notebook).",
                               valueName: "dir"))
    var baseline: String?

    @Flag(help: "Rewrite the baselines from this run instead of comparing.")
    var update = false

    @Option(help: ArgumentHelp("Also write the results as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(help: "Check up to this many notebooks at once (default: one per core, at most one per notebook; the results are the same as one at a time).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Check only shard I of N (1-based), for example 2/4.", valueName: "I/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Default time limit per cell, in seconds.", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Let notebooks read files under this folder too (repeatable).", valueName: "dir"))
    var allowRead: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be positive, got \(timeout)") }
        if let seeds, seeds < 3 {
            throw ValidationError("--seeds must be at least 3 (a spread needs several runs), got \(seeds)")
        }
        if let alpha {
            guard seeds != nil else { throw ValidationError("--alpha applies only to a statistical check; add --seeds K") }
            guard alpha > 0, alpha < 1 else { throw ValidationError("--alpha must be between 0 and 1, got \(alpha)") }
        }
        if baseline == "" { throw ValidationError("--baseline needs a folder, got an empty string") }
        if allowRead.contains("") { throw ValidationError("--allow-read needs a folder, got an empty string") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be I/N with 1 <= I <= N, such as '1/2'; got '\(shard)'")
        }
    }

    func run() throws {
        var paths = try notebooks.notebookFiles()
        if let baseline, let collision = NotebookDiscovery.collision(in: paths, writing: "\(baseline)/NAME.json") {
            FileHandle.standardError.write(Data("\(collision)\n".utf8))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        if let shard, let selection = Shard(parsing: shard) { paths = selection.select(paths) }
        let jobs = KernelSetup.jobs(requested: self.jobs, notebooks: paths.count)
        try KernelSetup.configure(jobs: jobs)
        var settings = RunSettings()
        settings.overrides = notebooks.params
        settings.timeout = timeout
        settings.allowedRoots = allowRead
        settings.unrollVersion = UnrollVersion.string
        let checker = NotebookChecker(settings: settings, baselineDirectory: baseline, update: update, seeds: seeds,
                                      alpha: alpha ?? 0.01)
        let outcomes: [NotebookChecker.Outcome]
        if jobs == 1 {
            outcomes = paths.map { path in
                let outcome = checker.check(path)
                emit(outcome)
                return outcome
            }
        } else {
            outcomes = NotebookBatch.parallelMap(paths, jobs: jobs) { checker.check($0) }
            outcomes.forEach(emit)
        }
        let checks = outcomes.map(\.check)
        var status = outcomes.map(\.status).reduce(ExitStatus.success) { CheckCommand.worse($0, $1) }
        if let junit {
            do {
                let url = URL(fileURLWithPath: junit)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Data(JUnitReport.render(checks).utf8).write(to: url, options: .atomic)
            } catch {
                let reason = error.localizedDescription.lowercased()
                FileHandle.standardError.write(Data("error: cannot write the JUnit report '\(junit)': \(reason)\n".utf8))
                status = CheckCommand.worse(status, .cellFailed)
            }
        }
        let passed = checks.map(\.passedCount).reduce(0, +), failed = checks.map(\.failedCount).reduce(0, +)
        let missing = checks.filter(\.lacksBaseline).map(\.path)
        let named = missing.isEmpty ? "" : " (no baseline for \(missing.joined(separator: ", ")))"
        FileHandle.standardOutput.write(Data("\(passed) passed, \(failed) failed\(named)\n".utf8))
        if status != .success { throw ExitCode(status.rawValue) }
    }

    private func emit(_ outcome: NotebookChecker.Outcome) {
        if !outcome.stderr.isEmpty { FileHandle.standardError.write(Data(outcome.stderr.utf8)) }
        if !outcome.stdout.isEmpty { FileHandle.standardOutput.write(Data(outcome.stdout.utf8)) }
    }

    /// Combines two statuses for `check`: usage and invalid notebooks first, then a failed cell (1) over a
    /// regression (2), then success.
    static func worse(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus {
        let order: [ExitStatus] = [.success, .regression, .cellFailed, .invalidNotebook, .usage]
        return order.firstIndex(of: a)! >= order.firstIndex(of: b)! ? a : b
    }
}
