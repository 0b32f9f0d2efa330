import ArgumentParser
import Foundation
import UnrollReport
import UnrollRunner

/// `unroll run`: runs notebooks and writes their reports.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run notebooks and write HTML, Markdown and JSON reports.",
        discussion: """
        Each notebook NAME.md is parsed and checked, then its rnn cells run in order in one environment. \
        Reports go to OUT/NAME.html, OUT/NAME.md (figures in OUT/NAME/) and OUT/NAME.json (the run record \
        that `unroll check` compares against); with HTML, OUT/index.html then lists every notebook whose run \
        record is in OUT (not only this run's) with its status, a one-line summary and key numbers. A failed cell is shown in the reports with its location; the \
        cells after it are skipped unless --keep-going. A run's files replace the previous ones together or \
        not at all (they are staged in OUT/.unroll-staging-*, then renamed into place); an --out that would \
        overwrite the notebook or a file it reads, or put figures into a folder Unroll did not write (such as \
        the notebook's data/), is refused.

        \(KernelSetup.helpText)

        Exit status: 0 all cells passed, 1 a cell failed, 64 bad usage, 65 a notebook does not parse or check.
        """)

    @OptionGroup var notebooks: NotebookArguments

    @Option(name: .long, help: ArgumentHelp("Folder for the reports.", valueName: "dir"))
    var out: String = "output"

    @Option(help: "Run up to this many notebooks at once (default: one per core, at most one per notebook).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Default time limit per cell, in seconds.", valueName: "seconds"))
    var timeout: Double?

    @Flag(help: "Keep running the cells after a failed one.")
    var keepGoing = false

    @Option(help: ArgumentHelp("Report formats to write: html, md, json (comma-separated).", valueName: "list"))
    var format: String = "html,md,json"

    @Flag(help: "Record wall-clock times in the reports, and give `history.seconds` its measured values (reports are then no longer byte-identical across runs).")
    var timings = false

    @Option(help: ArgumentHelp("Let notebooks read files under this folder too (repeatable).", valueName: "dir"))
    var allowRead: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be positive, got \(timeout)") }
        do { _ = try ReportFormat.list(from: format) } catch { throw ValidationError("\(error)") }
        if out.isEmpty { throw ValidationError("--out needs a folder, got an empty string") }
        if allowRead.contains("") { throw ValidationError("--allow-read needs a folder, got an empty string") }
    }

    func run() throws {
        let paths = try notebooks.notebookFiles()
        if let collision = NotebookDiscovery.collision(in: paths, writing: "\(out)/NAME.*") {
            FileHandle.standardError.write(Data("\(collision)\n".utf8))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let formats = try ReportFormat.list(from: format)
        if let refusal = OutputConflicts.refusal(for: paths, directory: out, formats: formats) {
            FileHandle.standardError.write(Data("\(refusal)\n".utf8))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let jobs = KernelSetup.jobs(requested: self.jobs, notebooks: paths.count)
        try KernelSetup.configure(jobs: jobs)
        var settings = RunSettings()
        settings.outputDirectory = out
        settings.overrides = notebooks.params
        settings.timeout = timeout
        settings.keepGoing = keepGoing
        settings.formats = formats
        settings.timings = timings
        settings.timedValues = timings
        settings.allowedRoots = allowRead
        settings.unrollVersion = UnrollVersion.string
        let status = NotebookBatch.run(paths, settings: settings, jobs: jobs)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
