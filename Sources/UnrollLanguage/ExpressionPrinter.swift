/// Writes expressions back as source text, adding parentheses only where precedence requires them.
enum ExpressionPrinter {
    /// The canonical source text of `expression`.
    static func print(_ expression: Expr) -> String {
        text(expression).0
    }

    /// The text and the binding level of `e` (1 `or` … 7 `*`, 8 unary minus, 9 postfix, 10 atom).
    private static func text(_ e: Expr) -> (String, Int) {
        switch e.kind {
        case .integer(let i): return (String(i), 10)
        case .float(let x): return (ConstantValue.format(x), 10)
        case .string(let s): return (ConstantValue.quote(s), 10)
        case .bool(let b): return (b ? "true" : "false", 10)
        case .identifier(let name): return (name, 10)
        case .parameter(let name): return ("params.\(name)", 9)
        case .invalid: return ("<invalid>", 10)
        case .list(let items): return ("[" + items.map(print).joined(separator: ", ") + "]", 10)
        case .record(let fields):
            if fields.isEmpty { return ("{}", 10) }
            return ("{ " + fields.map { "\($0.name.text): \(print($0.value))" }.joined(separator: ", ") + " }", 10)
        case .range(let lower, let upper):
            return (wrap(lower, above: 5) + "..." + wrap(upper, above: 5), 5)
        case .member(let base, let name):
            return (wrap(base, atLeast: 9) + "." + name.text, 9)
        case .call(let callee, let arguments):
            let args = arguments.map { ($0.label.map { "\($0.text): " } ?? "") + print($0.value) }
            return (wrap(callee, atLeast: 9) + "(" + args.joined(separator: ", ") + ")", 9)
        case .index(let base, let index):
            return (wrap(base, atLeast: 9) + "[" + print(index) + "]", 9)
        case .unary(.negate, let operand):
            return ("-" + wrap(operand, atLeast: 8), 8)
        case .unary(.not, let operand):
            return ("not " + wrap(operand, atLeast: 3), 3)
        case .binary(let op, let left, let right):
            let p = op.precedence
            // Comparisons do not chain, so both sides of one must bind tighter.
            let leftText = op.isComparison ? wrap(left, above: p) : wrap(left, atLeast: p)
            return (leftText + " " + op.rawValue + " " + wrap(right, above: p), p)
        }
    }

    private static func wrap(_ e: Expr, atLeast level: Int) -> String {
        let (s, l) = text(e)
        return l >= level ? s : "(" + s + ")"
    }

    private static func wrap(_ e: Expr, above level: Int) -> String {
        let (s, l) = text(e)
        return l > level ? s : "(" + s + ")"
    }
}
