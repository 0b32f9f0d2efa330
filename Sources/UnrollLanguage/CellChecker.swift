import UnrollDiagnostics

/// Checks one cell declaration and builds its `CellPlan`: every width is inferred from the declaration, so a
/// mismatch is reported at its operator with both widths before anything runs.
///
/// The checker and the interpreter both run it (the interpreter for the plan); `reserved` names the builtins a
/// size or parameter may not shadow.
public final class CellChecker {
    /// What a name in the step stands for.
    private enum Binding {
        /// An instruction's value (the input, a state, a local).
        case value(Int)
        /// A parameter.
        case parameter(Int)
        /// A size of the header, or `input`.
        case size
        /// A local whose value had an error, already reported: its uses are silent.
        case broken
    }

    /// A step expression's result: an instruction, a number (folded), or nothing after an error.
    private enum Operand {
        case value(Int)
        case number(Double)
        case invalid
    }

    private let declaration: CellDeclaration
    private var diagnostics: [Diagnostic] = []
    private var parameters: [CellPlan.Parameter] = []
    private var parameterIndex: [String: Int] = [:]
    private var instructions: [CellPlan.Instruction] = []
    private var bindings: [String: Binding] = [:]
    /// Where each name of the cell is first declared, for `nameTwice`.
    private var declared: [String: SourceLocation] = [:]
    private var used: Set<Int> = []
    /// The `.parameter(i)` instruction of each vector parameter read so far.
    private var parameterValues: [Int: Int] = [:]
    private var sizeNames: [String] = []

    /// The step's functions of one value.
    static let elementwise = ["sigmoid", "tanh", "relu", "exp", "log", "softmax"]
    /// Every function a step may call.
    static let functions = elementwise + ["concat", "chunk"]

    private init(_ declaration: CellDeclaration) {
        self.declaration = declaration
    }

    /// The plan of `declaration` (nil when it has errors) and its errors and warnings.
    public static func check(_ declaration: CellDeclaration) -> (plan: CellPlan?, diagnostics: [Diagnostic]) {
        let checker = CellChecker(declaration)
        let plan = checker.run()
        let hasErrors = checker.diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : plan, checker.diagnostics)
    }

    // MARK: - The declaration

    private func run() -> CellPlan? {
        let d = declaration
        for size in d.sizes {
            if size.text == "input" {
                report(CellMessage.inputReserved, at: size)
            } else if declare(size) {
                sizeNames.append(size.text)
                bindings[size.text] = .size
            }
        }
        bindings["input"] = .size
        declared["input"] = declared["input"] ?? d.name.location
        if !d.sizes.contains(where: { $0.text == "hidden" }) {
            report(CellMessage.noHidden(cell: d.name.text), at: d.name)
        }
        for parameter in d.parameters { declareParameter(parameter) }
        let input = emit(.input, width: CellSize(name: "input"), at: SourceRange(start: d.input.location, length: d.input.text.count))
        if declare(d.input) { bindings[d.input.text] = .value(input) }
        var stateWidths: [CellSize] = []
        for (s, state) in d.states.enumerated() {
            var width = CellSize(name: "hidden")
            if let written = state.width, let size = size(of: written) {
                width = size
                if size.isSurelyNotPositive { report(CellMessage.sizeNotPositive(what: "'\(state.name.text)'", width: size.shown(nil)), at: written) }
                if s == 0, size != CellSize(name: "hidden") {
                    report(CellMessage.firstStateWidth(state: state.name.text, got: size.shown(nil)), at: written)
                }
            }
            stateWidths.append(width)
            let value = emit(.state(s), width: width, at: SourceRange(start: state.name.location, length: state.name.text.count))
            if declare(state.name) { bindings[state.name.text] = .value(value) }
        }
        var returned: (output: Int, states: [Int])?
        for (i, statement) in d.body.enumerated() {
            switch statement.kind {
            case .assign(let names, let value):
                assign(names, value)
            case .return(let values):
                if i != d.body.count - 1 {
                    report(CellMessage.afterReturn, at: d.body[i + 1].location)
                }
                returned = checkReturn(values, stateWidths: stateWidths, at: statement.location)
            }
        }
        if d.body.last.map({ if case .return = $0.kind { return false } else { return true } }) ?? true {
            report(CellMessage.noReturn(cell: d.name.text), at: d.stepLocation, length: 4)
        }
        for (i, parameter) in parameters.enumerated() where !used.contains(i) {
            report(CellMessage.unusedParameter(name: parameter.name), at: parameter.location, length: parameter.name.count)
        }
        guard let returned else { return nil }
        return CellPlan(name: d.name.text, sizes: sizeNames, parameters: parameters, instructions: instructions,
                        stateWidths: stateWidths, output: returned.output, newStates: returned.states, source: d.source)
    }

    /// Records `name` as declared; reports and returns false when the cell already declares it.
    private func declare(_ name: Identifier) -> Bool {
        if let first = declared[name.text] {
            if name.text == "input" {
                report(CellMessage.inputReserved, at: name)
            } else {
                report(CellMessage.nameTwice(name: name.text, line: first.line, column: first.column), at: name)
            }
            return false
        }
        declared[name.text] = name.location
        return true
    }

    private func declareParameter(_ p: CellParameterDeclaration) {
        var shape: [CellSize] = []
        var broken = false
        for axis in p.shape {
            guard let size = size(of: axis) else { broken = true; continue }
            if size.isSurelyNotPositive {
                report(CellMessage.sizeNotPositive(what: "'\(p.name.text)'", width: size.shown(nil)), at: axis)
            }
            shape.append(size)
        }
        if p.shape.isEmpty || p.shape.count > 2 {
            report(CellMessage.parameterAxes(name: p.name.text, count: p.shape.count), at: p.call)
        }
        var initializer = CellPlanInitializer.uniform
        var std: Double?
        for option in p.options {
            guard let label = option.label else { continue }
            switch label.text {
            case "init":
                switch option.value.kind {
                case .string(let scheme):
                    switch scheme {
                    case "uniform": initializer = .uniform
                    case "zeros": initializer = .zeros
                    case "orthogonal": initializer = .orthogonal
                    case "identity": initializer = .identity
                    case "normal": initializer = .normal(std: 0.1)
                    default:
                        report(CellMessage.unknownInit(name: scheme, suggestion: Suggestion.closest(to: scheme, in: CellPlanInitializer.names)),
                               at: option.value)
                    }
                case .integer, .float, .unary(.negate, _):
                    if let n = number(option.value) {
                        initializer = n == 0 ? .zeros : .constant(n)
                    } else {
                        report(CellMessage.optionValue(label: "init", expected: "a scheme such as \"orthogonal\" or a number"), at: option.value)
                    }
                default:
                    report(CellMessage.optionValue(label: "init", expected: "a scheme such as \"orthogonal\" or a number"), at: option.value)
                }
            case "std":
                if let n = number(option.value), n > 0 { std = n } else {
                    report(CellMessage.optionValue(label: "std", expected: "a positive number"), at: option.value)
                }
            default:
                report(CellMessage.unknownOption(label: label.text, suggestion: Suggestion.closest(to: label.text, in: ["init", "std"])),
                       at: label)
            }
        }
        if let std {
            if case .normal = initializer { initializer = .normal(std: std) } else {
                report(CellMessage.optionValue(label: "std", expected: "'init: \"normal\"' beside it"), at: p.call)
            }
        }
        if shape.count == 1, initializer == .orthogonal || initializer == .identity {
            report(CellMessage.initNeedsMatrix(scheme: initializer == .orthogonal ? "orthogonal" : "identity", name: p.name.text),
                   at: p.call)
        }
        if broken || p.shape.isEmpty || p.shape.count > 2 {
            // Its uses would only repeat the error.
            if declare(p.name) { bindings[p.name.text] = .broken }
            return
        }
        guard declare(p.name) else { return }
        parameterIndex[p.name.text] = parameters.count
        bindings[p.name.text] = .parameter(parameters.count)
        parameters.append(CellPlan.Parameter(name: p.name.text, shape: shape, initializer: initializer, location: p.name.location))
    }

    /// A literal number, possibly negated.
    private func number(_ e: Expr) -> Double? {
        switch e.kind {
        case .integer(let i): return Double(i)
        case .float(let x): return x
        case .unary(.negate, let inner): return number(inner).map { -$0 }
        default: return nil
        }
    }

    // MARK: - Sizes

    /// The size `e` denotes, or nil after reporting why it is none.
    func size(of e: Expr) -> CellSize? {
        switch e.kind {
        case .integer(let n):
            return CellSize(n)
        case .identifier(let name):
            if case .size? = bindings[name] { return name == "input" ? CellSize(name: "input") : CellSize(name: name) }
            if bindings[name] != nil {
                report(CellMessage.notASize(expression: name), at: e)
            } else {
                report(CellMessage.unknownSize(name: name, suggestion: Suggestion.closest(to: name, in: sizeNames + ["input"])), at: e)
            }
            return nil
        case .unary(.negate, let inner):
            return size(of: inner).flatMap { $0.scaled(by: -1) }
        case .binary(let op, let l, let r) where [.add, .subtract, .multiply, .divide].contains(op):
            guard let a = size(of: l), let b = size(of: r) else { return nil }
            let result: CellSize?
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply:
                result = a.isConstant ? b.scaled(by: a.constant) : b.isConstant ? a.scaled(by: b.constant) : nil
            default:
                result = b.isConstant ? a.divided(by: b.constant) : nil
            }
            if result == nil { report(CellMessage.notASize(expression: "\(e)"), at: e) }
            return result
        default:
            report(CellMessage.notASize(expression: "\(e)"), at: e)
            return nil
        }
    }

    // MARK: - The step

    private func emit(_ op: CellPlanOp, width: CellSize, at range: SourceRange) -> Int {
        instructions.append(CellPlan.Instruction(op: op, width: width, range: range))
        return instructions.count - 1
    }

    private func width(_ i: Int) -> CellSize { instructions[i].width }

    private func assign(_ names: [Identifier], _ value: Expr) {
        var results: [Int?]
        if case .call(let callee, let arguments) = value.kind, case .identifier("chunk") = callee.kind {
            results = chunk(arguments, names: names.count, at: value)
        } else {
            if names.count > 1 { report(CellMessage.chunkCount(names: names.count, parts: 1), at: value) }
            let operand = evaluate(value)
            results = [materialize(operand, at: value)]
            if names.count > 1 { results = Array(repeating: nil, count: names.count) }
        }
        for (name, result) in zip(names, results) {
            switch bindings[name.text] {
            case .parameter?, .size?:
                report(CellMessage.assignToParameter(name: name.text), at: name)
                continue
            default:
                break
            }
            bindings[name.text] = result.map { .value($0) } ?? .broken
            if declared[name.text] == nil { declared[name.text] = name.location }
        }
    }

    /// `chunk(z, k)`: `k` equal slices of `z`.
    private func chunk(_ arguments: [Argument], names: Int, at call: Expr) -> [Int?] {
        let none = [Int?](repeating: nil, count: names)
        guard arguments.count == 2, arguments.allSatisfy({ $0.label == nil }), case .integer(let k) = arguments[1].value.kind,
              k >= 1 else {
            report(CellMessage.functionArguments(name: "chunk", usage: "chunk(z, 4)"), at: call)
            return none
        }
        let operand = evaluate(arguments[0].value)
        guard case .value(let z) = operand else {
            if case .number = operand { report(CellMessage.numberAsValue(expression: "\(arguments[0].value)"), at: arguments[0].value) }
            return none
        }
        if k != names {
            report(CellMessage.chunkCount(names: names, parts: k), at: call)
            return none
        }
        guard let part = width(z).divided(by: k) else {
            report(CellMessage.chunkUneven(width: width(z).shown(nil), parts: k), at: call)
            return none
        }
        var results: [Int?] = []
        var start = CellSize(0)
        for _ in 0..<k {
            guard let end = start + part else { return none }
            results.append(emit(.slice(z, start: start, end: end), width: part, at: call.range))
            start = end
        }
        return results
    }

    private func checkReturn(_ values: [Expr], stateWidths: [CellSize], at location: SourceLocation) -> (Int, [Int])? {
        let states = declaration.states.map(\.name.text)
        guard values.count == states.count + 1 else {
            let example = "return " + ((states.first.map { [$0] } ?? ["y"]) + states).joined(separator: ", ")
            report(CellMessage.returnCount(given: values.count, states: states.joined(separator: ", "), example: example),
                   at: location, length: 6)
            for value in values { _ = evaluate(value) }
            return nil
        }
        var results: [Int] = []
        for (i, value) in values.enumerated() {
            guard let result = materialize(evaluate(value), at: value) else { continue }
            if i == 0 {
                if width(result) != CellSize(name: "hidden") {
                    report(CellMessage.outputWidth(expected: "(hidden)", got: width(result).shown(nil)), at: value)
                }
            } else if width(result) != stateWidths[i - 1] {
                report(CellMessage.stateWidth(state: states[i - 1], expected: stateWidths[i - 1].shown(nil),
                                              got: width(result).shown(nil)), at: value)
            }
            results.append(result)
        }
        guard results.count == values.count else { return nil }
        return (results[0], Array(results.dropFirst()))
    }

    /// The instruction of an operand that must be a value with features.
    private func materialize(_ operand: Operand, at e: Expr) -> Int? {
        switch operand {
        case .value(let i): return i
        case .number: report(CellMessage.numberAsValue(expression: "\(e)"), at: e); return nil
        case .invalid: return nil
        }
    }

    private func evaluate(_ e: Expr) -> Operand {
        switch e.kind {
        case .integer(let n): return .number(Double(n))
        case .float(let x): return .number(x)
        case .identifier(let name): return lookup(name, at: e)
        case .unary(.negate, let inner):
            switch evaluate(inner) {
            case .number(let x): return .number(-x)
            case .value(let i): return .value(emit(.neg(i), width: width(i), at: e.range))
            case .invalid: return .invalid
            }
        case .unary(.not, _):
            report(CellMessage.operatorInStep(op: "not"), at: e)
            return .invalid
        case .binary(.matmul, let l, let r):
            return matmul(l, r, at: e)
        case .binary(let op, let l, let r):
            return arithmetic(op, l, r, at: e)
        case .call(let callee, let arguments):
            return call(callee, arguments, at: e)
        case .index(let base, let index):
            return slice(base, index, at: e)
        case .invalid:
            return .invalid
        default:
            report(CellMessage.notInStep(expression: "\(e)"), at: e)
            return .invalid
        }
    }

    private func lookup(_ name: String, at e: Expr) -> Operand {
        switch bindings[name] {
        case .value(let i)?:
            return .value(i)
        case .parameter(let p)?:
            used.insert(p)
            if parameters[p].shape.count == 2 {
                report(CellMessage.matrixAsValue(name: name), at: e)
                return .invalid
            }
            if let i = parameterValues[p] { return .value(i) }
            let i = emit(.parameter(p), width: parameters[p].shape.first ?? CellSize(1), at: e.range)
            parameterValues[p] = i
            return .value(i)
        case .size?:
            report(CellMessage.notInStep(expression: name), at: e)
            return .invalid
        case .broken?:
            return .invalid
        case nil:
            let known = bindings.keys.sorted() + Self.functions
            report(NameMessage.unknownName(name: name, suggestion: Suggestion.closest(to: name, in: known)), at: e)
            return .invalid
        }
    }

    /// Where the operator of `left op right` is: the last operator token of its text before `right` starts.
    private func operatorRange(_ op: BinaryOperator, left: Expr, right: Expr) -> SourceRange {
        let before = declaration.operators.last {
            $0.text == op.rawValue && ($0.location.line, $0.location.column) < (right.location.line, right.location.column)
                && ($0.location.line, $0.location.column) > (left.location.line, left.location.column)
        }
        return SourceRange(start: before?.location ?? left.location, length: 1)
    }

    private func matmul(_ l: Expr, _ r: Expr, at e: Expr) -> Operand {
        let right = evaluate(r)
        guard case .identifier(let name) = l.kind, case .parameter(let p)? = bindings[name], parameters[p].shape.count == 2 else {
            if case .identifier(let name) = l.kind, case .broken? = bindings[name] { return .invalid }
            if case .identifier(let name) = l.kind, bindings[name] == nil {
                _ = lookup(name, at: l)
            } else {
                report(CellMessage.matmulLeft(expression: "\(l)"), at: l)
            }
            return .invalid
        }
        used.insert(p)
        guard case .value(let v) = right else {
            if case .number = right { report(CellMessage.numberAsValue(expression: "\(r)"), at: r) }
            return .invalid
        }
        let shape = parameters[p].shape
        guard width(v) == shape[1] else {
            let suggestion = matrix(taking: width(v), giving: shape[0]).map { "\($0) @ \(r)" }
            report(CellMessage.matmulWidth(parameter: name, shape: "(\(shape[0]), \(shape[1]))", operand: width(v).shown(nil),
                                           takes: shape[1].shown(nil), suggestion: suggestion),
                   at: operatorRange(.matmul, left: l, right: r).start)
            return .invalid
        }
        return .value(emit(.matmul(parameter: p, operand: v), width: shape[0], at: e.range))
    }

    /// A matrix parameter of shape `(out, in)`, for a did-you-mean.
    private func matrix(taking input: CellSize, giving output: CellSize?) -> String? {
        parameters.first { $0.shape.count == 2 && $0.shape[1] == input && (output == nil || $0.shape[0] == output) }?.name
    }

    private func arithmetic(_ op: BinaryOperator, _ l: Expr, _ r: Expr, at e: Expr) -> Operand {
        let verbs: [BinaryOperator: String] = [.add: "add", .subtract: "subtract", .multiply: "multiply", .divide: "divide"]
        guard let verb = verbs[op] else {
            _ = evaluate(l)
            _ = evaluate(r)
            report(CellMessage.operatorInStep(op: op.rawValue), at: operatorRange(op, left: l, right: r).start)
            return .invalid
        }
        let a = evaluate(l), b = evaluate(r)
        func plan(_ x: Int, _ y: Int) -> CellPlanOp {
            switch op {
            case .add: return .add(x, y)
            case .subtract: return .sub(x, y)
            case .multiply: return .mul(x, y)
            default: return .div(x, y)
            }
        }
        switch (a, b) {
        case (.invalid, _), (_, .invalid):
            return .invalid
        case (.number(let x), .number(let y)):
            switch op {
            case .add: return .number(x + y)
            case .subtract: return .number(x - y)
            case .multiply: return .number(x * y)
            default: return .number(x / y)
            }
        case (.number(let x), .value(let j)):
            let c = emit(.constant(x), width: CellSize(1), at: l.range)
            return .value(emit(plan(c, j), width: width(j), at: e.range))
        case (.value(let i), .number(let y)):
            let c = emit(.constant(y), width: CellSize(1), at: r.range)
            return .value(emit(plan(i, c), width: width(i), at: e.range))
        case (.value(let i), .value(let j)):
            guard width(i) == width(j) else {
                // Suggest the product that would bring the mismatched side to the other's width.
                let suggestion = matrix(taking: width(j), giving: width(i)).map { "\($0) @ \(r)" }
                    ?? matrix(taking: width(i), giving: width(j)).map { "\($0) @ \(l)" }
                report(CellMessage.widthMismatch(verb: verb, left: width(i).shown(nil), right: width(j).shown(nil),
                                                 suggestion: suggestion),
                       at: operatorRange(op, left: l, right: r).start)
                return .invalid
            }
            return .value(emit(plan(i, j), width: width(i), at: e.range))
        }
    }

    private func call(_ callee: Expr, _ arguments: [Argument], at e: Expr) -> Operand {
        guard case .identifier(let f) = callee.kind else {
            report(CellMessage.notInStep(expression: "\(e)"), at: e)
            return .invalid
        }
        if f == "chunk" {
            report(CellMessage.chunkAlone, at: e)
            return .invalid
        }
        guard Self.functions.contains(f) else {
            report(CellMessage.unknownFunction(name: f, suggestion: Suggestion.closest(to: f, in: Self.functions)), at: callee)
            for argument in arguments { _ = evaluate(argument.value) }
            return .invalid
        }
        if let labelled = arguments.first(where: { $0.label != nil }) {
            report(CellMessage.functionArguments(name: f, usage: f == "concat" ? "concat(a, b, …)" : "\(f)(z)"),
                   at: labelled.label!)
            return .invalid
        }
        if f == "concat" {
            guard arguments.count >= 2 else {
                report(CellMessage.functionArguments(name: f, usage: "concat(a, b, …)"), at: e)
                return .invalid
            }
            var parts: [Int] = []
            for argument in arguments {
                guard let part = materialize(evaluate(argument.value), at: argument.value) else { return .invalid }
                parts.append(part)
            }
            var total = CellSize(0)
            for part in parts {
                guard let sum = total + width(part) else { return .invalid }
                total = sum
            }
            return .value(emit(.concat(parts), width: total, at: e.range))
        }
        guard arguments.count == 1 else {
            report(CellMessage.functionArguments(name: f, usage: "\(f)(z)"), at: e)
            return .invalid
        }
        guard let v = materialize(evaluate(arguments[0].value), at: arguments[0].value) else { return .invalid }
        let op: CellPlanOp
        switch f {
        case "sigmoid": op = .sigmoid(v)
        case "tanh": op = .tanh(v)
        case "relu": op = .relu(v)
        case "exp": op = .exp(v)
        case "log": op = .log(v)
        default: op = .softmax(v)
        }
        return .value(emit(op, width: width(v), at: e.range))
    }

    private func slice(_ base: Expr, _ index: Expr, at e: Expr) -> Operand {
        let operand = evaluate(base)
        guard case .range(let lower, let upper) = index.kind else {
            report(CellMessage.sliceNotRange, at: index)
            return .invalid
        }
        guard let v = materialize(operand, at: base), let start = size(of: lower), let last = size(of: upper),
              let end = last + CellSize(1), let count = end - start else { return .invalid }
        let beyond = end - width(v)
        if start.isSurelyNotPositive && start != CellSize(0) || !count.isSurelyPositive && count.isSurelyNotPositive
            || (beyond.map { $0.isSurelyPositive } ?? false) {
            report(CellMessage.sliceOutOfRange(lower: start.description, upper: last.description, width: width(v).shown(nil)),
                   at: index)
            return .invalid
        }
        return .value(emit(.slice(v, start: start, end: end), width: count, at: e.range))
    }

    // MARK: - Reporting

    private func report(_ message: some DiagnosticMessage, at e: Expr) {
        diagnostics.append(Diagnostic(message, at: e.range))
    }

    private func report(_ message: CellMessage, at name: Identifier) {
        diagnostics.append(Diagnostic(message, at: SourceRange(start: name.location, length: name.text.count)))
    }

    private func report(_ message: CellMessage, at location: SourceLocation, length: Int = 1) {
        diagnostics.append(Diagnostic(message, at: SourceRange(start: location, length: length)))
    }
}
