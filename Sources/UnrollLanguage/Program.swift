/// The parsed statements of one cell.
public struct Program: Hashable, Sendable {
    /// The statements in source order.
    public var statements: [Statement]

    /// A program from its statements.
    public init(statements: [Statement]) {
        self.statements = statements
    }
}
