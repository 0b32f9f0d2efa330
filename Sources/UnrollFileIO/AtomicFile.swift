import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces files so that readers see either the old version or the new one, never a half-written file: the
/// bytes go to a new temporary file in the same folder, which is then renamed into place.
public enum AtomicFile {
    /// Replaces the file at `path` with `bytes`; throws `SystemCallError` for the temporary file (cannot be
    /// created, written or closed) or for `path` (cannot be renamed over), and leaves no temporary file behind.
    public static func write(_ bytes: some ContiguousBytes, to path: String) throws {
        let temporary = temporaryPath(near: path)
        do {
            try writeNew(bytes, to: temporary)
            try rename(temporary, to: path)
        } catch {
            _ = unlink(temporary)
            throw error
        }
    }

    /// A fresh name in the same folder as `path`, hidden and marked temporary: `FOLDER/.NAME.tmp-XXXXXXXX`.
    public static func temporaryPath(near path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let unique = UUID().uuidString.prefix(8).lowercased()
        return folder + "/." + url.lastPathComponent + ".tmp-" + unique
    }

    /// Writes `bytes` to the file `path`, which must not exist yet, through `calls`; with `sync`, also flushes it
    /// to the disk before closing (so that a full disk or an I/O error reported late is reported here). Throws
    /// `SystemCallError` for `path`.
    public static func writeNew(_ bytes: some ContiguousBytes, to path: String, calls: WriteCalls = .system,
                                sync: Bool = false) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemCallError(path: path) }
        var failure: SystemCallError?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = calls.write(path, descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = SystemCallError(path: path)
                    return
                }
                offset += written
            }
        }
        if sync, failure == nil, fsync(descriptor) != 0 { failure = SystemCallError(path: path) }
        if close(descriptor) != 0, failure == nil { failure = SystemCallError(path: path) }
        if let failure { throw failure }
    }

    /// Renames `source` to `destination`, replacing a file there; throws `SystemCallError` for `destination`.
    public static func rename(_ source: String, to destination: String) throws {
        #if canImport(Glibc)
            let result = Glibc.rename(source, destination)
        #else
            let result = Darwin.rename(source, destination)
        #endif
        guard result == 0 else { throw SystemCallError(path: destination) }
    }
}
