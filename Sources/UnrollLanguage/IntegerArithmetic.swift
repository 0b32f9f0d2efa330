/// Integer arithmetic as the language defines it, with every overflow caught: the one implementation that the
/// checker's constant folding and the interpreter share, so a constant and a run-time value agree.
public enum IntegerArithmetic {
    /// `x op y` for `+`, `-`, `*` and `%`, or nil when the result does not fit in an int (or `op` is another
    /// operator). `%` takes the sign of the divisor, which must not be 0; `Int.min % -1` is 0.
    public static func apply(_ op: BinaryOperator, _ x: Int, _ y: Int) -> Int? {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .remainder:
            precondition(y != 0, "IntegerArithmetic: remainder by zero")
            if y == -1 { return 0 }
            let r = x % y
            return r != 0 && (r < 0) != (y < 0) ? r + y : r
        default: return nil
        }
        return result.overflow ? nil : result.partialValue
    }

    /// `-x`, or nil for `Int.min`, whose negation does not fit in an int.
    public static func negate(_ x: Int) -> Int? {
        x == Int.min ? nil : -x
    }

    /// How many ints `lower...upper` holds (`lower <= upper`), or nil when that is more than `Int.max`.
    public static func count(lower: Int, upper: Int) -> Int? {
        let (span, overflow) = upper.subtractingReportingOverflow(lower)
        guard !overflow, span < Int.max else { return nil }
        return span + 1
    }
}
