import Foundation

/// Reads a file as it was at a git revision (`git show REV:./path`), from the folder holding it, telling apart
/// the ways that can fail: no git, no repository, no such revision, no such file at that revision.
public enum GitShow {
    /// The bytes of `file` (a path relative to `folder`) at `revision`; git runs in `folder`, and `shownPath`
    /// is how messages name the file.
    public static func read(_ file: String, in folder: String, at revision: String, shownPath: String) throws -> Data {
        guard !revision.isEmpty, !revision.hasPrefix("-") else { throw DiffError(.unknownRevision(revision: revision)) }
        let inside = try git(["rev-parse", "--is-inside-work-tree"], in: folder)
        guard inside.status == 0 else { throw DiffError(.notARepository(folder: folder)) }
        guard try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: folder).status == 0 else {
            throw DiffError(.unknownRevision(revision: revision))
        }
        let object = revision + ":./" + file
        guard try git(["cat-file", "-e", object], in: folder).status == 0 else {
            throw DiffError(.notAtRevision(path: shownPath, revision: revision))
        }
        let shown = try git(["show", object], in: folder)
        guard shown.status == 0 else {
            let reason = String(decoding: shown.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw DiffError(.gitFailed(command: "git show \(object)", message: reason.lowercased()))
        }
        return shown.stdout
    }

    /// What one git command produced.
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// Runs `git arguments…` in `folder` through `env` (so that PATH finds it); exit 127 from `env` means no git.
    static func git(_ arguments: [String], in folder: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder, isDirectory: true)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DiffError(.gitMissing)
        }
        // Both pipes are drained at once, so that a large file on one cannot block git writing the other.
        let box = ErrorBox()
        let reader = Thread { box.data = err.fileHandleForReading.readDataToEndOfFile(); box.done.signal() }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        box.done.wait()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw DiffError(.gitMissing) }
        return Output(status: process.terminationStatus, stdout: stdout, stderr: box.data)
    }

    /// What the standard-error reader read, and a signal that it is done.
    private final class ErrorBox: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }
}
