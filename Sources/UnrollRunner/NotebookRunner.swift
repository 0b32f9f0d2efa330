import Foundation
import UnrollDiagnostics
import UnrollInterpreter
import UnrollLanguage
import UnrollNotebook
import UnrollRecord
import UnrollReport
import UnrollTensor

/// What running one notebook produced.
public struct NotebookRunResult {
    /// The run record (also the baseline `check` compares with).
    public var record: RunRecord
    /// The document the HTML and Markdown reports render.
    public var document: ReportDocument
    /// `success`, or `cellFailed` when any cell failed.
    public var status: ExitStatus
    /// The formatted diagnostics of failed cells, for stderr.
    public var errors: [String]
    /// The files the notebook saved (`save_weights`, `save_tensors`), to write into its report folder.
    public var savedFiles: [SavedFile] = []
}

/// Runs the cells of a prepared notebook in order in one interpreter and collects records and reports.
public enum NotebookRunner {
    /// Runs every cell: `eval=false` cells are not run, cells after a failure are skipped unless
    /// `keepGoing`, and each cell stops at its time limit (its `timeout=` option, else `settings.timeout`).
    public static func run(_ prepared: PreparedNotebook, settings: RunSettings,
                           progress: ProgressDisplay = ProgressDisplay(enabled: false)) -> NotebookRunResult {
        let notebook = prepared.notebook
        let clock = CellClock()
        var constants: [String: ConstantValue] = [:]
        for p in prepared.params { constants[p.name] = ConstantValue(p.value) }
        let directory = (prepared.path as NSString).deletingLastPathComponent
        let seed = SeedDerivation.seed(UInt64(max(0, notebook.frontMatter.seed ?? 0)), run: settings.seedRun)
        var interpreterSettings = InterpreterSettings(
            notebookDirectory: directory.isEmpty ? "." : directory, allowedRoots: settings.allowedRoots,
            params: constants, seed: seed)
        interpreterSettings.seedRun = settings.seedRun
        interpreterSettings.timings = settings.timedValues
        interpreterSettings.checkpoint = { try clock.check() }
        if progress.isEnabled {
            interpreterSettings.events = { event in ProgressDisplay.show(event, on: progress) }
        }
        let interpreter = Interpreter(settings: interpreterSettings)
        let formatter = DiagnosticFormatter(source: prepared.source)

        var records: [CellRecord] = []
        var errors: [String] = []
        var failed = false
        let started = Date()
        for cell in notebook.cells {
            let check = CheckSettings(mode: cell.options.check,
                                      relativeTolerance: cell.options.rtol, absoluteTolerance: cell.options.atol)
            let sourceHash = SHA256.hexDigest(of: cell.source)
            guard cell.options.eval, let program = prepared.programs[cell.index] else {
                records.append(CellRecord(id: cell.id, index: cell.index, sourceLine: cell.sourceLine,
                                          status: .notRun, check: check, sourceHash: sourceHash))
                continue
            }
            if failed && !settings.keepGoing {
                records.append(CellRecord(id: cell.id, index: cell.index, sourceLine: cell.sourceLine,
                                          status: .skipped, check: check, sourceHash: sourceHash))
                continue
            }
            progress.line("▸ \(cell.id) (\(prepared.path):\(cell.sourceLine))")
            let cellStart = Date()
            clock.start(limit: cell.options.timeout ?? settings.timeout)
            var record = CellRecord(id: cell.id, index: cell.index, sourceLine: cell.sourceLine,
                                    status: .passed, check: check, sourceHash: sourceHash)
            do {
                record.outputs = try interpreter.run(program, cellID: cell.id)
            } catch let error as RuntimeError {
                record.status = .failed
                record.error = CellError(error.diagnostic)
                record.outputs = error.outputs
                errors.append(formatter.format(error.diagnostic))
            } catch let timeout as CellTimeout {
                let diagnostic = Diagnostic(
                    .error, "cell '\(cell.id)' ran past its time limit of \(NumberText.seconds(timeout.seconds)); "
                        + "raise it with the cell option timeout= or --timeout",
                    at: SourceLocation(file: prepared.path, line: cell.fenceLine, column: 1))
                record.status = .failed
                record.error = CellError(diagnostic)
                errors.append(formatter.format(diagnostic))
            } catch {
                let diagnostic = Diagnostic(.error, "\(error)",
                                            at: SourceLocation(file: prepared.path, line: cell.sourceLine, column: 1))
                record.status = .failed
                record.error = CellError(diagnostic)
                errors.append(formatter.format(diagnostic))
            }
            clock.stop()
            if record.status == .failed { failed = true }
            if settings.timings { record.seconds = Date().timeIntervalSince(cellStart) }
            records.append(record)
        }

        // Images are read before the record is made, so that they are among the files it records.
        let images = ProseImageResolver.embeddings(of: notebook.blocks.compactMap { block in
            if case .prose(let prose) = block { return prose }
            return nil
        }, reading: interpreter)
        let params = prepared.params.map { Parameter(name: $0.name, value: $0.value) }
        let name = NotebookDiscovery.reportName(of: prepared.path)
        let title = notebook.frontMatter.title ?? name
        let record = RunRecord(notebookPath: prepared.path, notebookSource: prepared.source,
                               unrollVersion: settings.unrollVersion, seed: seed, params: params, title: title,
                               cells: records,
                               totalSeconds: settings.timings ? Date().timeIntervalSince(started) : nil,
                               files: interpreter.filesRead,
                               environment: .current(unrollVersion: settings.unrollVersion))
        let document = prepared.reportDocument(for: record, images: images)
        return NotebookRunResult(record: record, document: document, status: failed ? .cellFailed : .success,
                                 errors: errors, savedFiles: interpreter.savedFiles)
    }
}

/// The running cell's time limit, checked from the interpreter's checkpoints.
final class CellClock: @unchecked Sendable {
    private var deadline: Date?
    private var limit: Double = 0

    /// Starts timing a cell with a limit in seconds (nil: no limit).
    func start(limit: Double?) {
        self.limit = limit ?? 0
        deadline = limit.map { Date().addingTimeInterval($0) }
    }

    /// Stops timing.
    func stop() { deadline = nil }

    /// Throws `CellTimeout` once the deadline has passed.
    func check() throws {
        if let deadline, Date() > deadline { throw CellTimeout(seconds: limit) }
    }
}

/// Stable number formatting for messages.
enum NumberText {
    /// `120 s`, `0.5 s`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
