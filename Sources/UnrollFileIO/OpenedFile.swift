#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file open for reading, with its canonical path and the size it had when opened; closed when
/// released. Readers learn the size first and read only the ranges they need.
public final class OpenedFile {
    /// The file's canonical path when it was opened, as the kernel reports it for the descriptor.
    public let path: String
    /// The file's size in bytes when it was opened.
    public let size: Int
    /// The descriptor, open read-only and non-blocking.
    private let descriptor: Int32

    /// Opens the regular file at `path` (symbolic links followed) for reading, anywhere: for readers that are
    /// not a notebook's (tests, tools, `StateDict.load`). Failures are `SandboxError`s.
    public convenience init(path: String) throws {
        try self.init(path: path, inside: nil)
    }

    /// Opens `path` without blocking (`O_PATH`, which neither blocks on a FIFO nor opens a device), finds out
    /// from `/proc/self/fd` which file that is, refuses it when `sandbox` does not contain it or it is not a
    /// regular file, and only then opens that same file (through its descriptor, never the path again) to read.
    init(path: String, inside sandbox: PathSandbox?) throws {
        let located = open(path, OpenedFile.pathOnly | O_CLOEXEC)
        guard located >= 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? SandboxError.missing : .unreadable(SystemCallError(path: path))
        }
        defer { close(located) }
        let real = OpenedFile.descriptorPath(located)
        if let sandbox {
            guard let real else { throw SandboxError.unverifiable(SystemCallError(path: "/proc/self/fd/\(located)")) }
            guard sandbox.contains(real) else { throw SandboxError.outside }
        }
        var info = stat()
        guard fstat(located, &info) == 0 else { throw SandboxError.unreadable(SystemCallError(path: path)) }
        if let problem = OpenedFile.problem(mode: info.st_mode) { throw problem }
        let readable = open("/proc/self/fd/\(located)", O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard readable >= 0 else { throw SandboxError.unreadable(SystemCallError(path: path)) }
        var opened = stat()
        guard fstat(readable, &opened) == 0, opened.st_dev == info.st_dev, opened.st_ino == info.st_ino else {
            close(readable)
            throw SandboxError.changed
        }
        self.descriptor = readable
        self.path = real ?? path
        self.size = Int(opened.st_size)
    }

    deinit { close(descriptor) }

    /// `count` bytes from `offset`; a file that no longer has them is `SandboxError.changed`.
    public func read(count: Int, at offset: Int) throws -> [UInt8] {
        precondition(count >= 0 && offset >= 0, "a negative range")
        var failure: SandboxError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let n = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = .unreadable(SystemCallError(path: path)); break }
                if n == 0 { failure = .changed; break }
                done += n
            }
            initialized = done
        }
        if let failure { throw failure }
        return bytes
    }

    /// Every byte of the file (its size when opened).
    public func readAll() throws -> [UInt8] {
        try read(count: size, at: 0)
    }

    /// The refusal for a file of mode `mode` that is not a regular file, or nil for a regular file.
    static func problem(mode: mode_t) -> SandboxError? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .folder
        case S_IFIFO: return .special(kind: "a FIFO")
        case S_IFCHR, S_IFBLK: return .special(kind: "a device")
        case S_IFSOCK: return .special(kind: "a socket")
        default: return .special(kind: "a special file")
        }
    }

    /// The path the kernel reports for an open descriptor, or nil when `/proc/self/fd` cannot say.
    private static func descriptorPath(_ descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard length > 0, length < buffer.count - 1, buffer[0] == 0x2F else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `O_PATH` (Linux): a descriptor that only names a file, opened without blocking or touching a device.
    private static let pathOnly: Int32 = 0o10000000
}
