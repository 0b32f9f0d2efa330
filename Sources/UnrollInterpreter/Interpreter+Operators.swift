import UnrollLanguage

extension Interpreter {
    /// `-x` and `not x`.
    func unary(_ op: UnaryOperator, _ operand: Expr, at expression: Expr) throws -> Value {
        switch op {
        case .not:
            let value = try evaluate(operand)
            guard case .bool(let b) = value else {
                throw RuntimeError(ExpressionMessage.notNeedsBool(got: value.type), at: operand.range)
            }
            return .bool(!b)
        case .negate:
            switch try evaluate(operand) {
            case .int(let i):
                guard let negated = IntegerArithmetic.negate(i) else {
                    throw RuntimeError(ExpressionMessage.integerOverflow(op: "-"), at: expression.range)
                }
                return .int(negated)
            case .float(let x): return .float(-x)
            case let other: throw RuntimeError(ExpressionMessage.cannotNegate(type: other.type), at: expression.range)
            }
        }
    }

    /// `left op right`; `and` and `or` evaluate the right side only when needed.
    func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, at expression: Expr) throws -> Value {
        switch op {
        case .and, .or:
            let l = try logical(op, left, at: expression)
            if op == .and ? !l : l { return .bool(l) }
            return .bool(try logical(op, right, at: expression))
        case .matmul:
            throw RuntimeError(CellMessage.matmulOutsideCell, at: expression.range)
        default:
            return try apply(op, try evaluate(left), try evaluate(right), at: expression)
        }
    }

    private func logical(_ op: BinaryOperator, _ side: Expr, at expression: Expr) throws -> Bool {
        let value = try evaluate(side)
        guard case .bool(let b) = value else {
            throw RuntimeError(ExpressionMessage.logicNeedsBool(op: op.rawValue, got: value.type), at: side.range)
        }
        return b
    }

    /// `a op b` for values already computed (comparisons and arithmetic; not `and`/`or`).
    func apply(_ op: BinaryOperator, _ a: Value, _ b: Value, at expression: Expr) throws -> Value {
        switch op {
        case .equal, .notEqual:
            guard let same = Self.equal(a, b) else {
                throw RuntimeError(ExpressionMessage.cannotCompare(left: a.type, right: b.type), at: expression.range)
            }
            return .bool(op == .equal ? same : !same)
        case .less, .lessEqual, .greater, .greaterEqual:
            let order: Int
            switch (a, b) {
            case (.int(let x), .int(let y)): order = x < y ? -1 : (x == y ? 0 : 1)
            case (.string(let x), .string(let y)):
                order = x.unicodeScalars.elementsEqual(y.unicodeScalars) ? 0
                    : (x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) { $0.value < $1.value } ? -1 : 1)
            default:
                guard let x = a.number, let y = b.number else {
                    throw RuntimeError(ExpressionMessage.cannotOrder(op: op.rawValue, left: a.type, right: b.type),
                                       at: expression.range)
                }
                if x.isNaN || y.isNaN { return .bool(false) }
                order = x < y ? -1 : (x == y ? 0 : 1)
            }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        default:
            return try arithmetic(op, a, b, at: expression)
        }
    }

    private func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value, at expression: Expr) throws -> Value {
        if op == .add {
            if case .string(let x) = a, case .string(let y) = b {
                // Both counts are of strings in memory, so their sum cannot overflow.
                let bytes = x.utf8.count + y.utf8.count
                guard bytes <= GrowthLimit.stringBytes else {
                    throw RuntimeError(ExpressionMessage.stringTooLong(bytes: bytes, limit: GrowthLimit.stringBytes),
                                       at: expression.range)
                }
                return .string(x + y)
            }
            if case .list(let x) = a, case .list(let y) = b {
                let items = x.count + y.count
                guard items <= GrowthLimit.listItems else {
                    throw RuntimeError(ExpressionMessage.listTooLong(items: items, limit: GrowthLimit.listItems),
                                       at: expression.range)
                }
                return .list(x + y)
            }
        }
        if case .int(let x) = a, case .int(let y) = b {
            if y == 0, op == .divide || op == .remainder {
                throw RuntimeError(ExpressionMessage.divisionByZero, at: expression.range)
            }
            if op == .divide { return .float(Double(x) / Double(y)) }
            guard let result = IntegerArithmetic.apply(op, x, y) else {
                throw RuntimeError(ExpressionMessage.integerOverflow(op: op.rawValue), at: expression.range)
            }
            return .int(result)
        }
        guard let x = a.number, let y = b.number else {
            throw RuntimeError(ExpressionMessage.cannotApply(op: op.rawValue, left: a.type, right: b.type), at: expression.range)
        }
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide:
            guard y != 0 else { throw RuntimeError(ExpressionMessage.divisionByZero, at: expression.range) }
            return .float(x / y)
        default:
            guard y != 0 else { throw RuntimeError(ExpressionMessage.divisionByZero, at: expression.range) }
            return .float(x - y * (x / y).rounded(.down))
        }
    }

    /// Whether two values are equal, or nil when values of their types cannot be compared. Numbers compare by
    /// value (`1 == 1.0`), lists and tuples element by element, models by identity.
    static func equal(_ a: Value, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.range(let a1, let a2), .range(let b1, let b2)): return a1 == b1 && a2 == b2
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) {
                guard let same = equal(p, q) else { return nil }
                if !same { return false }
            }
            return true
        case (.series(let x), .series(let y)): return x.values == y.values
        case (.model(let x), .model(let y)): return x === y
        default:
            if let x = a.number, let y = b.number { return x == y }
            return nil
        }
    }
}
