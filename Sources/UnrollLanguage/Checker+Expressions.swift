import UnrollDiagnostics

extension Checker {
    /// The type of `expression` (and its value when known), reporting every problem inside it.
    func typeOf(_ expression: Expr) -> Typed {
        switch expression.kind {
        case .integer(let i): return Typed(constant: .int(i))
        case .float(let x): return Typed(constant: .float(x))
        case .string(let s): return Typed(constant: .string(s))
        case .bool(let b): return Typed(constant: .bool(b))
        case .invalid: return .unknown
        case .identifier(let name): return typeOfName(name, at: expression)
        case .parameter(let name): return typeOfParameter(name, at: expression)
        case .list(let items):
            let typed = items.map(typeOf)
            let element = typed.dropFirst().reduce(typed.first?.type ?? .unknown) { $0.joined(with: $1.type) }
            let constants = typed.compactMap(\.constant)
            return Typed(.list(element), constants.count == typed.count ? .list(constants) : nil)
        case .record(let fields):
            var seen: Set<String> = []
            var types: [RecordFieldType] = []
            for field in fields {
                let typed = typeOf(field.value)
                if !seen.insert(field.name.text).inserted {
                    report(NameMessage.fieldGivenTwice(name: field.name.text), at: field.name.location, length: field.name.text.count)
                    continue
                }
                types.append(RecordFieldType(name: field.name.text, type: typed.type))
            }
            return Typed(.record(types))
        case .range(let lower, let upper):
            return typeOfRange(lower, upper, at: expression)
        case .member(let base, let name):
            return typeOfMember(base, name, at: expression)
        case .call(let callee, let arguments):
            return typeOfCall(callee, arguments, at: expression)
        case .index(let base, let index):
            return typeOfIndex(base, index)
        case .unary(let op, let operand):
            return typeOfUnary(op, operand, at: expression)
        case .binary(let op, let left, let right):
            return typeOfBinary(op, left, right, at: expression)
        }
    }

    // MARK: - Names

    private func typeOfName(_ name: String, at expression: Expr) -> Typed {
        if let cell = cells[name] {
            report(CellMessage.cellNotCalled(name: name, example: CellSignature.example(cell.signature)), at: expression)
            return .unknown
        }
        if let symbol = scopes.lookup(name) { return Typed(symbol.type, symbol.constant) }
        if let constant = MathConstant.value(named: name) { return Typed(constant: .float(constant)) }
        if builtins.function(named: name) != nil {
            report(NameMessage.functionNotCalled(name: name), at: expression)
        } else if builtins.namespaces.contains(name) {
            report(NameMessage.namespaceNotCalled(name: name, example: builtins.functions(in: name).first?.name), at: expression)
        } else if name == "params" {
            report(NameMessage.paramsAsValue, at: expression)
        } else {
            reportUnknownName(name, at: expression)
        }
        return .unknown
    }

    /// "unknown name", or "used before its definition" when the name is assigned later or in a block
    /// that has ended.
    func reportUnknownName(_ name: String, at expression: Expr) {
        let use = expression.location
        if let places = definitions[name], !places.isEmpty {
            if let later = places.first(where: { ($0.line, $0.column) > (use.line, use.column) }) {
                report(NameMessage.usedBeforeDefinition(name: name, line: later.line, column: later.column), at: expression,
                       notes: [DiagnosticNote("'\(name)' is defined here", at: SourceRange(start: later, length: name.count))])
            } else {
                let place = places[0]
                report(NameMessage.localToBlock(name: name, line: place.line, column: place.column), at: expression,
                       notes: [DiagnosticNote("'\(name)' is defined here, inside a block", at: SourceRange(start: place, length: name.count))])
            }
            return
        }
        let candidates = scopes.visibleNames + builtins.globalFunctions.map(\.name) + builtins.namespaces
            + MathConstant.values.keys.sorted()
        report(NameMessage.unknownName(name: name, suggestion: Suggestion.closest(to: name, in: candidates)), at: expression)
    }

    private func typeOfParameter(_ name: String, at expression: Expr) -> Typed {
        if let value = params[name] { return Typed(constant: value) }
        if params.isEmpty {
            report(NameMessage.noParams(name: name), at: expression)
        } else {
            let known = params.keys.sorted()
            report(NameMessage.unknownParam(name: name, suggestion: Suggestion.closest(to: name, in: known), known: known),
                   at: expression)
        }
        return .unknown
    }

    // MARK: - Ranges, members and indexing

    /// `lower...upper`; as a slice (`inSlice`), an upper end counted from the end (`xs[1...-1]`) is no empty range.
    private func typeOfRange(_ lower: Expr, _ upper: Expr, at expression: Expr, inSlice: Bool = false) -> Typed {
        let lo = typeOf(lower), hi = typeOf(upper)
        for (side, typed) in [(lower, lo), (upper, hi)] where !typed.type.isAssignable(to: .int) {
            report(ExpressionMessage.notAnInt(what: "the ends of a range", got: typed.type), at: side)
        }
        if case .int(let a)? = lo.constant, case .int(let b)? = hi.constant {
            if a > b, !(inSlice && SliceBounds.countsFromBothEnds(lower: a, upper: b)) {
                report(ExpressionMessage.emptyRange(lower: a, upper: b), at: expression)
                return Typed(.range)
            }
            return Typed(.range, .range(a, b))
        }
        return Typed(.range)
    }

    private func typeOfMember(_ base: Expr, _ name: Identifier, at expression: Expr) -> Typed {
        if let namespace = namespaceName(base) {
            if let function = builtins.function(named: "\(namespace).\(name.text)") {
                report(NameMessage.functionNotCalled(name: function.name), at: expression)
            } else {
                reportUnknownNamespaceMember(namespace, name)
            }
            return .unknown
        }
        let receiver = typeOf(base)
        if case .record(let fields) = receiver.type {
            if let field = fields.first(where: { $0.name == name.text }) { return Typed(field.type) }
            report(NameMessage.unknownField(name: name.text, suggestion: Suggestion.closest(to: name.text, in: fields.map(\.name))),
                   at: name.location, length: name.text.count)
            return .unknown
        }
        guard let signature = memberSignature(of: receiver.type, name) else { return .unknown }
        if !signature.isProperty {
            report(NameMessage.methodNotCalled(name: name.text, receiver: signature.receiver!), at: name.location,
                   length: name.text.count)
            return .unknown
        }
        let outcome = signature.rule?(CallFacts(receiver: receiver.type, arguments: [:])) ?? CallOutcome(signature.result)
        for problem in outcome.problems {
            diagnostics.append(problem.diagnostic(at: SourceRange(start: name.location, length: name.text.count)))
        }
        return Typed(outcome.result, foldedCount(of: receiver.constant, member: name))
    }

    /// `count` of a constant list, string or range; reports a range with more than `Int.max` ints.
    private func foldedCount(of constant: ConstantValue?, member: Identifier) -> ConstantValue? {
        guard member.text == "count", let constant else { return nil }
        switch constant {
        case .list(let items): return .int(items.count)
        case .string(let s): return .int(s.unicodeScalars.count)
        case .range(let lo, let hi):
            guard let count = IntegerArithmetic.count(lower: lo, upper: hi) else {
                report(ExpressionMessage.rangeTooLarge(lower: lo, upper: hi, purpose: "count"), at: member.location,
                       length: member.text.count)
                return nil
            }
            return .int(count)
        default: return nil
        }
    }

    /// The namespace `base` names, when it is a bare namespace name not shadowed by a variable.
    func namespaceName(_ base: Expr) -> String? {
        guard case .identifier(let name) = base.kind, scopes.lookup(name) == nil,
              builtins.namespaces.contains(name) else { return nil }
        return name
    }

    func reportUnknownNamespaceMember(_ namespace: String, _ name: Identifier) {
        let names = builtins.functions(in: namespace).map { String($0.name.dropFirst(namespace.count + 1)) }
        report(CallMessage.unknownNamespaceFunction(namespace: namespace, name: name.text,
                                                    suggestion: Suggestion.closest(to: name.text, in: names)),
               at: name.location, length: name.text.count)
    }

    /// The catalog entry for member `name` of a value of type `type`, reporting when there is none.
    func memberSignature(of type: ValueType, _ name: Identifier) -> Signature? {
        if type == .unknown { return nil }
        guard let receiver = type.receiverName else {
            report(NameMessage.unknownMember(name: name.text, type: "\(type)", suggestion: nil), at: name.location,
                   length: name.text.count)
            return nil
        }
        if let signature = builtins.member(name.text, of: receiver) { return signature }
        let names = builtins.members(of: receiver).map(\.name)
        report(NameMessage.unknownMember(name: name.text, type: receiver, suggestion: Suggestion.closest(to: name.text, in: names)),
               at: name.location, length: name.text.count)
        return nil
    }

    private func typeOfIndex(_ base: Expr, _ index: Expr) -> Typed {
        let container = typeOf(base)
        let position: Typed
        if case .range(let lower, let upper) = index.kind {
            position = typeOfRange(lower, upper, at: index, inSlice: true)
        } else {
            position = typeOf(index)
        }
        if container.type == .tensors || container.type == .tensor { return typeOfTensorLookup(container, position, base: base, at: index) }
        if position.type == .range { return typeOfSlice(container, position, base: base, at: index) }
        if !position.type.isAssignable(to: .int) {
            report(ExpressionMessage.notAnInt(what: "an index", got: position.type), at: index)
            return .unknown
        }
        var known: Int?
        if case .int(let i)? = position.constant { known = i }
        /// The position counted from the front, or nil (after reporting) when out of range.
        func resolve(_ i: Int, count: Int, what: String) -> Int? {
            let j = i < 0 ? count + i : i
            if j < 0 || j >= count {
                report(ExpressionMessage.indexOutOfRange(index: i, what: what, count: count), at: index)
                return nil
            }
            return j
        }
        switch container.type {
        case .list(let element):
            if case .list(let items)? = container.constant, let i = known {
                guard let j = resolve(i, count: items.count, what: "a list") else { return .unknown }
                return Typed(element, items[j])
            }
            return Typed(element)
        case .tuple(let items):
            guard let i = known else { return Typed(items.dropFirst().reduce(items.first ?? .unknown) { $0.joined(with: $1) }) }
            guard let j = resolve(i, count: items.count, what: "a tuple") else { return .unknown }
            return Typed(items[j])
        case .string: return Typed(.string)
        case .range: return Typed(.int)
        case .series: return Typed(.float)
        case .dataset(let facts): return Typed(facts.kind.map { .record($0.exampleFields) } ?? .unknown)
        case .unknown: return .unknown
        default:
            report(ExpressionMessage.notIndexable(type: container.type), at: base)
            return .unknown
        }
    }

    /// `base[a...b]`: the items from `a` to `b` of a list, string, range, Series (a list) or data set (a data
    /// set); a known slice of a known list is checked against its length and folded.
    private func typeOfSlice(_ container: Typed, _ slice: Typed, base: Expr, at index: Expr) -> Typed {
        var items: [ConstantValue]?
        if case .list(let known)? = container.constant { items = known }
        if case .string(let text)? = container.constant { items = text.unicodeScalars.map { .string(String($0)) } }
        if let items, case .range(let lo, let hi)? = slice.constant {
            guard let bounds = SliceBounds(lower: lo, upper: hi, count: items.count) else {
                report(ExpressionMessage.sliceOutOfRange(lower: lo, upper: hi, count: items.count), at: index)
                return Typed(container.type)
            }
            let part = Array(items[bounds.lower...bounds.upper])
            if case .string = container.type {
                return Typed(constant: .string(part.map { if case .string(let c) = $0 { return c }; return "" }.joined()))
            }
            return Typed(container.type, .list(part))
        }
        switch container.type {
        case .list, .string, .range, .dataset, .unknown: return Typed(container.type)
        case .series: return Typed(.list(.float))
        default:
            report(ExpressionMessage.notIndexable(type: container.type), at: base)
            return .unknown
        }
    }

    // MARK: - Operators

    private func typeOfUnary(_ op: UnaryOperator, _ operand: Expr, at expression: Expr) -> Typed {
        let typed = typeOf(operand)
        switch op {
        case .negate:
            if typed.type == .unknown { return .unknown }
            guard typed.type.isNumeric else {
                report(ExpressionMessage.cannotNegate(type: typed.type), at: expression)
                return .unknown
            }
            switch typed.constant {
            case .int(let i)?:
                guard let negated = IntegerArithmetic.negate(i) else {
                    report(ExpressionMessage.integerOverflow(op: "-"), at: expression)
                    return Typed(.int)
                }
                return Typed(.int, .int(negated))
            case .float(let x)?: return Typed(.float, .float(-x))
            default: return Typed(typed.type)
            }
        case .not:
            if !typed.type.isAssignable(to: .bool) {
                report(ExpressionMessage.notNeedsBool(got: typed.type), at: operand)
                return Typed(.bool)
            }
            if case .bool(let b)? = typed.constant { return Typed(.bool, .bool(!b)) }
            return Typed(.bool)
        }
    }

    private func typeOfBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, at expression: Expr) -> Typed {
        let l = typeOf(left), r = typeOf(right)
        switch op {
        case .and, .or:
            if !l.type.isAssignable(to: .bool) || !r.type.isAssignable(to: .bool) {
                report(ExpressionMessage.logicNeedsBools(op: op.rawValue, left: l.type, right: r.type), at: expression)
            }
            return Typed(.bool)
        case .equal, .notEqual:
            if !l.type.isAssignable(to: r.type), !r.type.isAssignable(to: l.type) {
                report(ExpressionMessage.cannotCompare(left: l.type, right: r.type), at: expression)
            }
            return Typed(.bool)
        case .less, .lessEqual, .greater, .greaterEqual:
            let ordered = (l.type.isAssignable(to: .number) && r.type.isAssignable(to: .number))
                || (l.type.isAssignable(to: .string) && r.type.isAssignable(to: .string))
            if !ordered, let metrics = [(left, l), (right, r)].first(where: { $0.1.type == .metrics }) {
                report(ExpressionMessage.metricsCompared(op: op.rawValue, suggestion: "\(metrics.0).accuracy"), at: expression)
            } else if !ordered {
                report(ExpressionMessage.cannotOrder(op: op.rawValue, left: l.type, right: r.type), at: expression)
            }
            return Typed(.bool)
        case .add, .subtract, .multiply, .divide, .remainder:
            return typeOfArithmetic(op, l, r, at: expression)
        case .matmul:
            report(CellMessage.matmulOutsideCell, at: expression)
            return .unknown
        }
    }

    private func typeOfArithmetic(_ op: BinaryOperator, _ l: Typed, _ r: Typed, at expression: Expr) -> Typed {
        if op == .add {
            if l.type == .string, r.type == .string {
                if case .string(let a)? = l.constant, case .string(let b)? = r.constant { return Typed(constant: .string(a + b)) }
                return Typed(.string)
            }
            if case .list(let a) = l.type, case .list(let b) = r.type { return Typed(.list(a.joined(with: b))) }
        }
        if l.type == .unknown || r.type == .unknown {
            return Typed(l.type.isNumeric || r.type.isNumeric ? .number : .unknown)
        }
        guard l.type.isNumeric, r.type.isNumeric else {
            report(ExpressionMessage.cannotApply(op: op.rawValue, left: l.type, right: r.type), at: expression)
            return .unknown
        }
        if op == .divide || op == .remainder, let d = r.constant?.number, d == 0 {
            report(ExpressionMessage.divisionByZero, at: expression)
            return Typed(op == .divide ? .float : l.type.joined(with: r.type))
        }
        let type: ValueType = op == .divide ? .float : (l.type == .int && r.type == .int ? .int
            : (l.type == .float || r.type == .float ? .float : .number))
        if op != .divide, case .int(let x)? = l.constant, case .int(let y)? = r.constant,
           IntegerArithmetic.apply(op, x, y) == nil {
            report(ExpressionMessage.integerOverflow(op: op.rawValue), at: expression)
            return Typed(.int)
        }
        return Typed(type, fold(op, l.constant, r.constant))
    }

    /// The value of `a op b` for known numbers, or nil (on overflow too); `%` takes the sign of the divisor.
    private func fold(_ op: BinaryOperator, _ a: ConstantValue?, _ b: ConstantValue?) -> ConstantValue? {
        if case .int(let x)? = a, case .int(let y)? = b {
            if y == 0, op == .divide || op == .remainder { return nil }
            if op == .divide { return .float(Double(x) / Double(y)) }
            return IntegerArithmetic.apply(op, x, y).map { .int($0) }
        }
        guard let x = a?.number, let y = b?.number else { return nil }
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide: return .float(x / y)
        case .remainder: return .float(x - y * (x / y).rounded(.down))
        default: return nil
        }
    }
}
