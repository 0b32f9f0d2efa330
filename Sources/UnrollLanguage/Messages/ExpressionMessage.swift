import UnrollDiagnostics

/// The messages about ranges, indexing and operators, shared by the checker and the interpreter.
public enum ExpressionMessage: DiagnosticMessage, Hashable {
    /// A value that must be an int and is not; `what` names it (`an index`, `the ends of a range`, `'seed'`).
    case notAnInt(what: String, got: ValueType)
    /// `a...b` with `a > b`.
    case emptyRange(lower: Int, upper: Int)
    /// A range too large to index or count.
    case rangeTooLarge(lower: Int, upper: Int, purpose: String)
    /// An index outside the container; `what` is `a list`, `a tuple`, …
    case indexOutOfRange(index: Int, what: String, count: Int)
    /// An index into a value that cannot be indexed.
    case notIndexable(type: ValueType)
    /// `-x` of a non-number.
    case cannotNegate(type: ValueType)
    /// `not x` of a non-bool.
    case notNeedsBool(got: ValueType)
    /// `and` / `or` with a side that is not a bool, as the checker sees both sides.
    case logicNeedsBools(op: String, left: ValueType, right: ValueType)
    /// `and` / `or` with a side that is not a bool, as the interpreter meets it.
    case logicNeedsBool(op: String, got: ValueType)
    /// `==` between values that cannot be compared.
    case cannotCompare(left: ValueType, right: ValueType)
    /// `<` and friends between values without an order.
    case cannotOrder(op: String, left: ValueType, right: ValueType)
    /// Arithmetic on values it does not apply to.
    case cannotApply(op: String, left: ValueType, right: ValueType)
    /// `/` or `%` by zero.
    case divisionByZero
    /// Integer arithmetic that overflows.
    case integerOverflow(op: String)
    /// An expression that failed to parse, reached at run time.
    case unparsed
    /// A list or record literal that would nest values (lists, tuples, records) deeper than `limit`.
    case valueTooDeep(limit: Int)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .notAnInt(let what, let got):
            return "\(what) must be an int, got \(got)"
        case .emptyRange(let lower, let upper):
            return "the range \(lower)...\(upper) is empty; write the smaller end first"
        case .rangeTooLarge(let lower, let upper, let purpose):
            return "the range \(lower)...\(upper) is too large to \(purpose); a range can hold at most \(Int.max) ints"
        case .indexOutOfRange(let index, let what, let count):
            return "index \(index) is out of range for \(what) of \(count)"
        case .notIndexable(let type):
            return "cannot index \(type); only lists, tuples, strings, ranges and Series can be indexed"
        case .cannotNegate(let type):
            return "cannot negate \(type)"
        case .notNeedsBool(let got):
            return "'not' needs true or false, got \(got)"
        case .logicNeedsBools(let op, let left, let right):
            return "'\(op)' needs true or false on both sides, got \(left) and \(right)"
        case .logicNeedsBool(let op, let got):
            return "'\(op)' needs true or false on both sides, got \(got)"
        case .cannotCompare(let left, let right):
            return "cannot compare \(left) with \(right)" + Self.seriesHint(left, right)
        case .cannotOrder(let op, let left, let right):
            return "cannot compare \(left) with \(right) using '\(op)'" + Self.seriesHint(left, right)
        case .cannotApply(let op, let left, let right):
            let joinsText = op == "+" && (left == .string || right == .string)
            return "cannot apply '\(op)' to \(left) and \(right)" + (joinsText ? "; convert with 'str(...)' to join text" : "")
        case .divisionByZero:
            return "division by zero"
        case .integerOverflow(let op):
            return "integer overflow in '\(op)'; the result does not fit in a 64-bit int, so compute with floats (write '2.0' for '2')"
        case .unparsed:
            return "this expression did not parse and cannot run"
        case .valueTooDeep(let limit):
            return "this value would nest lists and records deeper than \(limit) levels; keep the data flatter, "
                + "as in a list of records"
        }
    }

    /// How to get a number out of a Series, when one side is a Series.
    private static func seriesHint(_ a: ValueType, _ b: ValueType) -> String {
        a == .series || b == .series ? "; use '.last', '.min' or '.max' of the Series for a number" : ""
    }
}
