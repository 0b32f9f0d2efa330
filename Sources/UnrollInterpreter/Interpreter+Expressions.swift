import UnrollDiagnostics
import UnrollLanguage

extension Interpreter {
    /// The value of `expression`, evaluated left to right.
    func evaluate(_ expression: Expr) throws -> Value {
        switch expression.kind {
        case .integer(let i): return .int(i)
        case .float(let x): return .float(x)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .identifier(let name): return try lookup(name, at: expression)
        case .parameter(let name):
            guard let value = settings.params[name] else {
                let known = settings.params.keys.sorted()
                if known.isEmpty { throw RuntimeError(NameMessage.noParams(name: name), at: expression.range) }
                throw RuntimeError(NameMessage.unknownParam(name: name, suggestion: Suggestion.closest(to: name, in: known), known: known),
                                   at: expression.range)
            }
            return Value(value)
        case .list(let items):
            return try nestable(.list(try items.map(evaluate)), at: expression)
        case .record(let fields):
            var values: [RecordField] = []
            for field in fields {
                if values.contains(where: { $0.name == field.name.text }) {
                    throw RuntimeError(NameMessage.fieldGivenTwice(name: field.name.text),
                                       at: SourceRange(start: field.name.location, length: field.name.text.count))
                }
                values.append(RecordField(name: field.name.text, value: try evaluate(field.value)))
            }
            return try nestable(.record(values), at: expression)
        case .range(let lower, let upper):
            let lo = try evaluateInt(lower, what: "the ends of a range")
            let hi = try evaluateInt(upper, what: "the ends of a range")
            guard lo <= hi else {
                throw RuntimeError(ExpressionMessage.emptyRange(lower: lo, upper: hi), at: expression.range)
            }
            return .range(lo, hi)
        case .member(let base, let name):
            return try member(of: base, name, at: expression)
        case .call(let callee, let arguments):
            return try call(callee, arguments, at: expression)
        case .index(let base, let index):
            return try subscripted(base, index)
        case .unary(let op, let operand):
            return try unary(op, operand, at: expression)
        case .binary(let op, let left, let right):
            return try binary(op, left, right, at: expression)
        case .invalid:
            throw RuntimeError(ExpressionMessage.unparsed, at: expression.range)
        }
    }

    /// `value`, a list or record just made, after checking that it nests no deeper than `NestingLimit.depth`, so
    /// that a loop such as `x = [x]` cannot build a value whose printing, comparing or freeing overflows the stack.
    private func nestable(_ value: Value, at expression: Expr) throws -> Value {
        guard value.nestingDepth(upTo: NestingLimit.depth) <= NestingLimit.depth else {
            throw RuntimeError(ExpressionMessage.valueTooDeep(limit: NestingLimit.depth), at: expression.range)
        }
        return value
    }

    /// The value of `expression`, which must be an `int`; `what` names it in the message.
    func evaluateInt(_ expression: Expr, what: String) throws -> Int {
        let value = try evaluate(expression)
        guard case .int(let i) = value else {
            throw RuntimeError(ExpressionMessage.notAnInt(what: what, got: value.type), at: expression.range)
        }
        return i
    }

    /// The value of `expression`, which must be a `bool`: the condition of the statement `keyword` (`if`).
    func evaluateBool(_ expression: Expr, for keyword: String) throws -> Bool {
        let value = try evaluate(expression)
        guard case .bool(let b) = value else {
            throw RuntimeError(StatementMessage.conditionNotBool(keyword: keyword, got: value.type), at: expression.range)
        }
        return b
    }

    private func lookup(_ name: String, at expression: Expr) throws -> Value {
        if let value = environment.lookup(name) { return value }
        if let constant = MathConstant.value(named: name) { return .float(constant) }
        if builtins.function(named: name) != nil {
            throw RuntimeError(NameMessage.functionNotCalled(name: name), at: expression.range)
        }
        if builtins.namespaces.contains(name) {
            throw RuntimeError(NameMessage.namespaceNotCalled(name: name, example: builtins.functions(in: name).first?.name),
                               at: expression.range)
        }
        if name == "params" {
            throw RuntimeError(NameMessage.paramsAsValue, at: expression.range)
        }
        throw RuntimeError(NameMessage.unknownName(name: name, suggestion: Suggestion.closest(to: name, in: environment.visibleNames)),
                           at: expression.range)
    }

    private func subscripted(_ base: Expr, _ index: Expr) throws -> Value {
        let container = try evaluate(base)
        if case .tensors(let t) = container { return try tensor(named: index, in: t) }
        if case .tensor = container { throw RuntimeError(ExpressionMessage.tensorIndexed, at: base.range) }
        // A slice literal may count its last end from the end (`xs[1...-1]`), which as a range would be empty.
        if case .range(let lower, let upper) = index.kind {
            let lo = try evaluateInt(lower, what: "the ends of a range")
            let hi = try evaluateInt(upper, what: "the ends of a range")
            guard lo <= hi || SliceBounds.countsFromBothEnds(lower: lo, upper: hi) else {
                throw RuntimeError(ExpressionMessage.emptyRange(lower: lo, upper: hi), at: index.range)
            }
            return try sliced(container, lo, hi, base: base, index: index)
        }
        let indexValue = try evaluate(index)
        if case .range(let lo, let hi) = indexValue { return try sliced(container, lo, hi, base: base, index: index) }
        guard case .int(let position) = indexValue else {
            throw RuntimeError(ExpressionMessage.notAnInt(what: "an index", got: indexValue.type), at: index.range)
        }
        /// The position counted from the front, after checking it is in range.
        func resolve(_ count: Int, _ what: String) throws -> Int {
            let j = position < 0 ? count + position : position
            guard j >= 0 && j < count else {
                throw RuntimeError(ExpressionMessage.indexOutOfRange(index: position, what: what, count: count), at: index.range)
            }
            return j
        }
        switch container {
        case .list(let items): return items[try resolve(items.count, "a list")]
        case .tuple(let items): return items[try resolve(items.count, "a tuple")]
        case .string(let s):
            let scalars = Array(s.unicodeScalars)
            return .string(String(scalars[try resolve(scalars.count, "a string")]))
        case .range(let lo, let hi):
            guard let count = IntegerArithmetic.count(lower: lo, upper: hi) else {
                throw RuntimeError(ExpressionMessage.rangeTooLarge(lower: lo, upper: hi, purpose: "index"), at: base.range)
            }
            return .int(lo + (try resolve(count, "a range")))
        case .series(let s): return .float(s.values[try resolve(s.values.count, "a Series")])
        case .dataset(let d): return .record(d.example(at: try resolve(d.count, "a Dataset")))
        default:
            throw RuntimeError(ExpressionMessage.notIndexable(type: container.type), at: base.range)
        }
    }
}

extension Interpreter {
    /// `container[lo...hi]`: the items from `lo` to `hi` (both included, negative ends counted from the end) of a
    /// list, string, range, Series (as a list of floats) or data set (as a data set of those examples).
    fileprivate func sliced(_ container: Value, _ lo: Int, _ hi: Int, base: Expr, index: Expr) throws -> Value {
        func bounds(_ count: Int) throws -> ClosedRange<Int> {
            guard let b = SliceBounds(lower: lo, upper: hi, count: count) else {
                throw RuntimeError(ExpressionMessage.sliceOutOfRange(lower: lo, upper: hi, count: count), at: index.range)
            }
            return b.lower...b.upper
        }
        switch container {
        case .list(let items): return .list(Array(items[try bounds(items.count)]))
        case .string(let s):
            let scalars = Array(s.unicodeScalars)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[try bounds(scalars.count)])
            return .string(String(view))
        case .range(let first, let last):
            guard let count = IntegerArithmetic.count(lower: first, upper: last) else {
                throw RuntimeError(ExpressionMessage.rangeTooLarge(lower: first, upper: last, purpose: "index"), at: base.range)
            }
            let part = try bounds(count)
            return .range(first + part.lowerBound, first + part.upperBound)
        case .series(let s): return .list(s.values[try bounds(s.values.count)].map(Value.float))
        case .dataset(let d): return .dataset(d.subset(Array(try bounds(d.count))))
        default:
            throw RuntimeError(ExpressionMessage.notIndexable(type: container.type), at: base.range)
        }
    }
}
