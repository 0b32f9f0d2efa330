import Foundation
import UnrollDiagnostics
import UnrollFileIO

extension Interpreter {
    /// The largest data file read as text (`text`, `csv`, `tagged`, `tsv`): 1 GB. Reading one takes the file
    /// and its decoded text in memory, and tokenizing it several times more.
    static let maximumTextFileBytes = 1_000_000_000

    /// The file named by the `path` argument, opened for reading through the sandboxed read entry point
    /// (`PathSandbox.open`): inside the notebook's folder or an allowed root, a regular file, checked on the
    /// descriptor opened, so nothing swapped in after the check can be read. Every refusal is an error at the
    /// argument.
    func sandboxedFile(_ arguments: Arguments) throws -> (shown: String, file: OpenedFile) {
        let shown = try arguments.string("path")
        return (shown, try reading(shown, arguments) { try sandbox.open(shown) })
    }

    /// The `path` argument as given and as resolved inside the notebook's folder or an allowed root (the
    /// canonical path of the file it opened); refusals as `sandboxedFile`'s. Read through `sandboxedFile`
    /// instead: a path can be swapped after it was checked, a descriptor cannot.
    func sandboxedPath(_ arguments: Arguments) throws -> (shown: String, actual: String) {
        let (shown, file) = try sandboxedFile(arguments)
        return (shown, file.path)
    }

    /// Runs `body`, which opens or reads the file the notebook names `shown`; a `SandboxError` becomes an
    /// error at the `path` argument.
    func reading<T>(_ shown: String, _ arguments: Arguments, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SandboxError {
            throw RuntimeError(fileMessage(error, path: shown), at: arguments.place("path"))
        }
    }

    /// The message for a refused or failed read of `path` (as the notebook wrote it).
    func fileMessage(_ error: SandboxError, path: String) -> FileMessage {
        switch error {
        case .outside: return .outsideFolder(path: path, rootsAllowed: !settings.allowedRoots.isEmpty)
        case .missing: return .noSuchFile(path: path, suggestion: closestSibling(of: path))
        case .folder: return .isFolder(path: path)
        case .special(let kind): return .notRegularFile(path: path, kind: kind)
        case .unreadable(let failure): return .unreadable(path: path, reason: failure.lowercasedMessage)
        case .unverifiable(let failure): return .unverifiable(path: path, reason: failure.lowercasedMessage)
        case .changed: return .changedWhileRead(path: path)
        }
    }

    /// A file beside the missing `path` (inside the sandbox) whose name is close to its name.
    private func closestSibling(of path: String) -> String? {
        guard let resolved = sandbox.resolve(path) else { return nil }
        let url = URL(fileURLWithPath: resolved)
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path))?.sorted() ?? []
        return Suggestion.closest(to: url.lastPathComponent, in: siblings)
    }

    /// A size in bytes as GB with one decimal (`9.0`).
    static func gigabytes(_ bytes: Double) -> String { String(format: "%.1f", bytes / 1e9) }
}
