import UnrollDiagnostics

/// One statement of a cell, with the place of its first token.
public struct Statement: Hashable, Sendable {
    /// What the statement does.
    public var kind: StatementKind
    /// Where its first token is.
    public var location: SourceLocation

    /// A statement from its parts.
    public init(_ kind: StatementKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// The statements of the language.
public enum StatementKind: Hashable, Sendable {
    /// `seed 7`: reseeds the random generator.
    case seed(Expr)
    /// `name = value`, or `a, b = value` to unpack a tuple or list.
    case assign([Identifier], Expr)
    /// `fit model on data { options }`: trains a model; `options` is empty when no record was given.
    case fit(model: Expr, data: Expr, options: [Field])
    /// `print a, b, …`: prints values separated by spaces.
    case print([Expr])
    /// `show value`: displays a value as its natural output (table, heatmap, text, number).
    case show(Expr)
    /// `plot value { options }`: draws curves.
    case plot(Expr, options: [Field])
    /// `expect condition`: fails the cell when false; `text` is the condition as written.
    case expect(Expr, text: String)
    /// `for name in sequence { body }`.
    case forLoop(Identifier, Expr, body: [Statement])
    /// `if condition { then } else { otherwise }`; `otherwise` is nil without `else`.
    case ifElse(Expr, then: [Statement], otherwise: [Statement]?)
    /// A call or other expression evaluated for its effect.
    case expression(Expr)
}
