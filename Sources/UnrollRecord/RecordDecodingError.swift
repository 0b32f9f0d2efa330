/// A run record whose JSON parses but does not have the expected shape, with the path of the offending field.
public struct RecordDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where in the document, for example `cells[2].outputs[0].kind`; empty for the top level.
    public var path: String
    /// What was wrong, lower-case.
    public var message: String

    /// An error at `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
