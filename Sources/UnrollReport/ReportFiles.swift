import Foundation
import UnrollFileIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The report writer's file operations on top of `AtomicFile`: text files and the figure folder, each replaced
/// as a whole so that readers see either the old version or the new one, with failures as `ReportWriteError`.
enum ReportFiles {
    /// Replaces the file at `path` with `contents`.
    static func write(_ contents: String, to path: String) throws {
        try reportingFailures { try AtomicFile.write(Array(contents.utf8), to: path) }
    }

    /// Replaces the folder at `path` with one holding `files` (names relative to the folder, no subfolders);
    /// with no files, removes the folder. The old folder is moved aside, the new one renamed in, then the old
    /// one deleted.
    static func replaceFolder(at path: String, with files: [(name: String, contents: String)]) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue {
            throw ReportWriteError(path: path, reason: "a file is in the way of the figure folder")
        }
        guard !files.isEmpty else {
            if exists { try remove(path) }
            return
        }
        let temporary = AtomicFile.temporaryPath(near: path)
        do {
            try reportingFailures {
                guard mkdir(temporary, 0o755) == 0 else { throw SystemCallError(path: temporary) }
                for file in files {
                    precondition(
                        !file.name.contains("/") && !file.name.isEmpty && !file.name.hasPrefix("."),
                        "figure file name '\(file.name)' must be a plain file name")
                    try AtomicFile.writeNew(Array(file.contents.utf8), to: temporary + "/" + file.name)
                }
            }
            if exists {
                let old = AtomicFile.temporaryPath(near: path)
                try reportingFailures { try AtomicFile.rename(path, to: old) }
                do {
                    try reportingFailures { try AtomicFile.rename(temporary, to: path) }
                } catch {
                    _ = try? AtomicFile.rename(old, to: path)
                    throw error
                }
                try remove(old)
            } else {
                try reportingFailures { try AtomicFile.rename(temporary, to: path) }
            }
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Creates the folder `path` and its parents if missing.
    static func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ReportWriteError(path: path, reason: "cannot create the folder")
        }
    }

    /// Removes a file or folder tree.
    private static func remove(_ path: String) throws {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw ReportWriteError(path: path, reason: "cannot remove the old figure folder")
        }
    }

    /// Runs `body`, turning a failed system call into a `ReportWriteError` with the system's reason in lower case.
    private static func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as SystemCallError {
            throw ReportWriteError(path: failure.path, reason: failure.message.lowercased())
        }
    }
}
