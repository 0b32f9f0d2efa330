#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A system call on a file that failed: the path it was about and the `errno` it left.
public struct SystemCallError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or folder the call was about.
    public let path: String
    /// The `errno` value.
    public let code: Int32

    /// The error for `path` with the current `errno` (or `code`).
    public init(path: String, code: Int32 = errno) {
        self.path = path
        self.code = code
    }

    /// The system's text for `code` as `strerror` gives it, such as `No such file or directory`.
    public var message: String { String(cString: strerror(code)) }

    /// The system's text starting in lower case, as it reads inside a message (`no such file or directory`).
    public var lowercasedMessage: String { message.prefix(1).lowercased() + message.dropFirst() }

    /// `PATH: MESSAGE`.
    public var description: String { "\(path): \(message)" }
}
