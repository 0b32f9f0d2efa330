import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files and folders so that readers see either the old version or the new one, never a half-written
/// file: everything is written under a temporary name in the same folder, then renamed into place.
enum AtomicFile {
    /// Replaces the file at `path` with `contents`.
    static func write(_ contents: String, to path: String) throws {
        let temporary = temporaryPath(near: path)
        do {
            try writeNew(Array(contents.utf8), to: temporary)
            try rename(temporary, to: path)
        } catch {
            _ = unlink(temporary)
            throw error
        }
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
        let temporary = temporaryPath(near: path)
        do {
            guard mkdir(temporary, 0o755) == 0 else { throw systemError(temporary) }
            for file in files {
                precondition(
                    !file.name.contains("/") && !file.name.isEmpty && !file.name.hasPrefix("."),
                    "figure file name '\(file.name)' must be a plain file name")
                try writeNew(Array(file.contents.utf8), to: temporary + "/" + file.name)
            }
            if exists {
                let old = temporaryPath(near: path)
                try rename(path, to: old)
                do {
                    try rename(temporary, to: path)
                } catch {
                    _ = try? rename(old, to: path)
                    throw error
                }
                try remove(old)
            } else {
                try rename(temporary, to: path)
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

    /// A fresh name in the same folder as `path`, hidden and marked temporary.
    private static func temporaryPath(near path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let unique = UUID().uuidString.prefix(8).lowercased()
        return folder + "/." + url.lastPathComponent + ".tmp-" + unique
    }

    /// Writes `bytes` to a file that must not exist yet.
    private static func writeNew(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw systemError(path) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw systemError(path)
            }
            offset += written
        }
    }

    /// The C library's `write(2)`.
    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.write(descriptor, buffer, count)
        #else
            return Darwin.write(descriptor, buffer, count)
        #endif
    }

    /// Renames `source` to `destination`, replacing a file there.
    private static func rename(_ source: String, to destination: String) throws {
        #if canImport(Glibc)
            let result = Glibc.rename(source, destination)
        #else
            let result = Darwin.rename(source, destination)
        #endif
        guard result == 0 else { throw systemError(destination) }
    }

    /// Removes a file or folder tree.
    private static func remove(_ path: String) throws {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw ReportWriteError(path: path, reason: "cannot remove the old figure folder")
        }
    }

    /// The error for the failed system call on `path`, with the system's reason.
    private static func systemError(_ path: String) -> ReportWriteError {
        ReportWriteError(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
}
