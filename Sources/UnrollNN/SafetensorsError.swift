import UnrollFileIO

/// A malformed, unreadable or unwritable safetensors file, described by a lower-case message.
public struct SafetensorsError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, e.g. `truncated header: the file has 5 bytes, fewer than the 8-byte length prefix`.
    public let message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }

    /// `cannot VERB 'PATH': REASON`, with the system's reason for `failure` starting in lower case.
    init(cannot verb: String, _ path: String, _ failure: SystemCallError) {
        self.init("cannot \(verb) '\(path)': " + failure.lowercasedMessage)
    }

    /// `cannot VERB 'PATH': CAUSE` for a file that could not be opened or read.
    init(cannot verb: String, _ path: String, _ failure: SandboxError) {
        self.init("cannot \(verb) '\(path)': \(failure)")
    }
}
