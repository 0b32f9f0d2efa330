import UnrollDiagnostics

/// A name as written in the source, with its place (a variable, a label, a member, a record key).
public struct Identifier: Hashable, Sendable {
    /// The name.
    public var text: String
    /// Where it starts.
    public var location: SourceLocation

    /// An identifier from its parts.
    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// One argument of a call: positional (`label == nil`) or labelled (`lr: 1e-3`).
public struct Argument: Hashable, Sendable {
    /// The label before the colon, if any.
    public var label: Identifier?
    /// The value.
    public var value: Expr

    /// An argument from its parts.
    public init(label: Identifier?, value: Expr) {
        self.label = label
        self.value = value
    }
}

/// One `key: value` entry of a record literal or of the options of `fit` and `plot`.
public struct Field: Hashable, Sendable {
    /// The key.
    public var name: Identifier
    /// The value.
    public var value: Expr

    /// A field from its parts.
    public init(name: Identifier, value: Expr) {
        self.name = name
        self.value = value
    }
}

/// A prefix operator.
public enum UnaryOperator: String, Hashable, Sendable {
    /// Arithmetic negation, `-x`.
    case negate = "-"
    /// Logical negation, `not x`.
    case not = "not"
}

/// An infix operator, from the loosest binding (`or`) to the tightest (`*`, `/`, `%`).
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    /// Logical operators, loosest first.
    case or, and
    /// Comparisons.
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    /// Addition (also joins strings and lists) and subtraction.
    case add = "+", subtract = "-"
    /// Multiplication, division (always a float) and remainder (with the sign of the divisor).
    case multiply = "*", divide = "/", remainder = "%"
    /// The matrix product `W @ x` of a cell's step (a parameter matrix times a value); nowhere else.
    case matmul = "@"

    /// How tightly it binds: `or` 1, `and` 2, comparisons 4, `+ -` 6, `* / % @` 7 (`not` is 3, ranges 5).
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return 4
        case .add, .subtract: return 6
        case .multiply, .divide, .remainder, .matmul: return 7
        }
    }

    /// Whether it compares two values and gives a `bool`.
    public var isComparison: Bool { precedence == 4 }

    /// Whether it does arithmetic on numbers.
    public var isArithmetic: Bool { precedence >= 6 && self != .matmul }
}

/// An expression node with the place of its first character.
public struct Expr: Hashable, Sendable, CustomStringConvertible {
    /// What the expression is.
    public var kind: ExprKind { didSet { depth = Self.depth(of: kind) } }
    /// Where it is: its first character, and its length when it fits on one line.
    public var range: SourceRange
    /// How many nodes deep the tree is: 1 for a literal or a name, one more than the deepest part otherwise.
    public private(set) var depth: Int

    /// An expression from its parts.
    public init(_ kind: ExprKind, range: SourceRange) {
        self.kind = kind
        self.range = range
        self.depth = Self.depth(of: kind)
    }

    /// The depth of a node of `kind`, from the depths its parts already know (no walk down the tree).
    private static func depth(of kind: ExprKind) -> Int {
        switch kind {
        case .integer, .float, .string, .bool, .identifier, .parameter, .invalid:
            return 1
        case .list(let items):
            return 1 + items.reduce(0) { max($0, $1.depth) }
        case .record(let fields):
            return 1 + fields.reduce(0) { max($0, $1.value.depth) }
        case .range(let a, let b), .index(let a, let b), .binary(_, let a, let b):
            return 1 + max(a.depth, b.depth)
        case .member(let base, _), .unary(_, let base):
            return 1 + base.depth
        case .call(let callee, let arguments):
            return 1 + arguments.reduce(callee.depth) { max($0, $1.value.depth) }
        }
    }

    /// Where the expression starts.
    public var location: SourceLocation { range.start }

    /// The left side, operator and right side when this is a comparison (as `expect` reports them).
    public var comparison: (left: Expr, op: BinaryOperator, right: Expr)? {
        if case .binary(let op, let left, let right) = kind, op.isComparison { return (left, op, right) }
        return nil
    }

    /// The expression written back as source, with parentheses only where precedence needs them.
    public var description: String { ExpressionPrinter.print(self) }
}

/// The shapes an expression can take.
public indirect enum ExprKind: Hashable, Sendable {
    /// An integer literal.
    case integer(Int)
    /// A floating-point literal.
    case float(Double)
    /// A string literal (escapes decoded).
    case string(String)
    /// `true` or `false`.
    case bool(Bool)
    /// A variable or builtin name.
    case identifier(String)
    /// `params.NAME`: a value from the notebook's front matter.
    case parameter(String)
    /// `[a, b, c]`.
    case list([Expr])
    /// `{ key: value, … }`.
    case record([Field])
    /// `lower...upper`, both ends included.
    case range(Expr, Expr)
    /// `base.name`.
    case member(Expr, Identifier)
    /// `callee(positional…, label: value…)`.
    case call(Expr, [Argument])
    /// `base[index]`; a negative index counts from the end.
    case index(Expr, Expr)
    /// `-x` or `not x`.
    case unary(UnaryOperator, Expr)
    /// `left op right`.
    case binary(BinaryOperator, Expr, Expr)
    /// Stands in for an expression that did not parse; a program containing it never runs.
    case invalid
}
