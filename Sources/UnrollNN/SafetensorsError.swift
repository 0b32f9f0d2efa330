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
        let text = failure.message
        self.init("cannot \(verb) '\(path)': " + text.prefix(1).lowercased() + text.dropFirst())
    }
}
