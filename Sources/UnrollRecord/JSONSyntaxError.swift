/// A JSON text that does not parse, with the 1-based line and column where parsing stopped.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line of the offending character.
    public var line: Int
    /// The 1-based column (in bytes) of the offending character.
    public var column: Int
    /// What was wrong, lower-case.
    public var message: String

    /// An error at `line`:`column`.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line L, column C: message`.
    public var description: String { "invalid json at line \(line), column \(column): \(message)" }
}
