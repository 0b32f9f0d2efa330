/// A `--format` value that names no report format.
public struct ReportFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong, lower-case, with a suggestion where one exists.
    public var message: String

    /// The message itself.
    public var description: String { message }
}
