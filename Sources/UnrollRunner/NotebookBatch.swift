import Foundation
import UnrollDiagnostics
import UnrollFileIO
import UnrollReport

/// Runs or lints several notebooks, optionally in parallel, and combines their exit statuses.
public enum NotebookBatch {
    /// Prepares and runs each notebook, writes its reports, prints diagnostics to stderr and a summary line per
    /// notebook to stdout. Returns the most severe status.
    public static func run(_ paths: [String], settings: RunSettings, jobs: Int,
                           progress: ProgressDisplay = ProgressDisplay()) -> ExitStatus {
        let results = parallelMap(paths, jobs: jobs) { path -> (ExitStatus, String, String) in
            var err = "", out = ""
            let status: ExitStatus
            switch PreparedNotebook.prepare(path: path, overrides: settings.overrides) {
            case .failure(let failure):
                (status, err) = describe(failure)
            case .success(let prepared):
                err += warnings(of: prepared)
                let result = NotebookRunner.run(prepared, settings: settings, progress: progress)
                for e in result.errors { err += e + "\n" }
                let name = NotebookDiscovery.reportName(of: path)
                do {
                    let written = try ReportWriter(directory: settings.outputDirectory).write(
                        result.document, record: result.record, name: name, formats: settings.formats,
                        saved: result.savedFiles.map { OutputFile(path: $0.name, contents: $0.contents) },
                        inputs: OutputConflicts.inputs(of: path, record: result.record))
                    let reports = written.filter { !$0.hasSuffix(".svg") }.joined(separator: ", ")
                    out += "\(path): \(result.document.summary) → \(reports)\n"
                    status = result.status
                } catch let failure as FileSetError {
                    err += "error: \(failure)\n"
                    status = failure.isRefusal ? .usage : .cellFailed
                } catch {
                    err += "error: \(error)\n"
                    status = .cellFailed
                }
            }
            emit(out: out, err: err)
            return (status, out, err)
        }
        return results.map(\.0).max() ?? .success
    }

    /// Parses and checks each notebook without running it; prints every diagnostic. Returns the most severe status.
    public static func lint(_ paths: [String], overrides: [String]) -> ExitStatus {
        var worst = ExitStatus.success
        for path in paths {
            switch PreparedNotebook.prepare(path: path, overrides: overrides) {
            case .failure(let failure):
                let (status, err) = describe(failure)
                emit(out: "", err: err)
                worst = max(worst, status)
            case .success(let prepared):
                let count = prepared.notebook.cells.count
                emit(out: "\(path): ok (\(count) cell\(count == 1 ? "" : "s"))\n", err: warnings(of: prepared))
            }
        }
        return worst
    }

    /// The exit status and the stderr text (formatted diagnostics and an error count) for a notebook that
    /// could not be prepared.
    public static func describe(_ failure: PreparedNotebook.Failure) -> (ExitStatus, String) {
        switch failure {
        case .usage(let error):
            return (.usage, "\(error)\n")
        case .invalid(_, let source, let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }.count
            let text = DiagnosticFormatter(source: source).format(diagnostics) + "\n"
                + "\(errors) error\(errors == 1 ? "" : "s")\n"
            return (.invalidNotebook, text)
        }
    }

    /// The formatted warnings of a prepared notebook, for stderr; empty when there are none.
    public static func warnings(of prepared: PreparedNotebook) -> String {
        guard !prepared.warnings.isEmpty else { return "" }
        return DiagnosticFormatter(source: prepared.source).format(prepared.warnings) + "\n"
    }

    private static let outputLock = NSLockLike()

    private static func emit(out: String, err: String) {
        outputLock.locked {
            if !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
            if !out.isEmpty { FileHandle.standardOutput.write(Data(out.utf8)) }
        }
    }

    /// The stack of each worker thread: 8 MB, as the main thread's, whatever the platform's thread default
    /// (`NestingLimit` is chosen so that the deepest syntax tree's walks fit in it).
    public static let workerStackSize = 8 << 20

    /// Maps `items` with at most `jobs` running at once; results keep the input order.
    public static func parallelMap<T, R>(_ items: [T], jobs: Int, _ body: @escaping (T) -> R) -> [R] {
        let width = max(1, min(jobs, items.count))
        if width == 1 { return items.map(body) }
        let results = ResultSlots<R>(count: items.count)
        let next = ResultSlots<Int>(count: 1)
        next.set(0, 0)
        let group = DispatchGroup()
        for _ in 0..<width {
            group.enter()
            let worker = Thread {
                while let i = next.takeNext(limit: items.count) { results.set(i, body(items[i])) }
                group.leave()
            }
            worker.stackSize = workerStackSize
            worker.start()
        }
        group.wait()
        return results.values()
    }
}

/// Thread-safe slots for parallel results, plus a shared work counter.
final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLockLike()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: R) { lock.locked { slots[i] = value } }

    func values() -> [R] { lock.locked { slots.map { $0! } } }

    /// For a counter slot 0: returns the current index and advances it, or nil once `limit` is reached.
    func takeNext(limit: Int) -> Int? where R == Int {
        lock.locked {
            let i = slots[0]!
            guard i < limit else { return nil }
            slots[0] = i + 1
            return i
        }
    }
}
