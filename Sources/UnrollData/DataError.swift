/// A problem with a data set that the user can fix: a missing file, a malformed line, a bad argument.
///
/// The message is lower-case and names the file and line where there is one; the interpreter adds the
/// notebook location in front of it.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, without the file and line (e.g. `unterminated quoted field`).
    public let reason: String
    /// The file (as the caller named it) the problem is in, if any.
    public let file: String?
    /// The 1-based line in `file` the problem is on, if any.
    public let line: Int?

    /// An error with its reason and, where known, the file and line it concerns.
    public init(_ reason: String, file: String? = nil, line: Int? = nil) {
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// The full message: `file:line: reason`, `file: reason` or just the reason.
    public var message: String {
        switch (file, line) {
        case let (file?, line?): return "\(file):\(line): \(reason)"
        case let (file?, nil): return "\(file): \(reason)"
        case let (nil, line?): return "line \(line): \(reason)"
        case (nil, nil): return reason
        }
    }

    /// The full message.
    public var description: String { message }
}
