import UnrollDiagnostics

/// One statement of a cell, with the place of its first token.
public struct Statement: Hashable, Sendable {
    /// What the statement does.
    public var kind: StatementKind { didSet { depth = Self.depth(of: kind) } }
    /// Where its first token is.
    public var location: SourceLocation
    /// How many nodes deep the statement's tree is, its expressions and nested blocks included.
    public private(set) var depth: Int

    /// A statement from its parts.
    public init(_ kind: StatementKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
        self.depth = Self.depth(of: kind)
    }

    /// The depth of a statement of `kind`, from the depths its parts already know (no walk down the tree).
    private static func depth(of kind: StatementKind) -> Int {
        func deepest(_ expressions: [Expr]) -> Int { expressions.reduce(0) { max($0, $1.depth) } }
        func deepest(_ statements: [Statement]) -> Int { statements.reduce(0) { max($0, $1.depth) } }
        switch kind {
        case .seed(let e), .assign(_, let e), .show(let e), .expect(let e, _), .expression(let e):
            return 1 + e.depth
        case .fit(let model, let data, let options):
            return 1 + deepest([model, data] + options.map(\.value))
        case .print(let items):
            return 1 + deepest(items)
        case .plot(let values, let options):
            return 1 + deepest(values + options.map(\.value))
        case .forLoop(_, let sequence, let body):
            return 1 + max(sequence.depth, deepest(body))
        case .ifElse(let condition, let then, let otherwise):
            return 1 + max(condition.depth, deepest(then), deepest(otherwise ?? []))
        case .cell(let declaration):
            return 1 + declaration.depth
        }
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
    /// `plot value { options }` draws curves; `plot xs, ys, … { options }` draws the values after the first
    /// against the first (the x axis).
    case plot([Expr], options: [Field])
    /// `expect condition`: fails the cell when false; `text` is the condition as written.
    case expect(Expr, text: String)
    /// `for name in sequence { body }`.
    case forLoop(Identifier, Expr, body: [Statement])
    /// `if condition { then } else { otherwise }`; `otherwise` is nil without `else`.
    case ifElse(Expr, then: [Statement], otherwise: [Statement]?)
    /// A call or other expression evaluated for its effect.
    case expression(Expr)
    /// `cell Name(hidden) { … }`: declares a recurrent cell, usable as `Name(hidden: 32)` wherever `LSTM` is.
    case cell(CellDeclaration)
}
