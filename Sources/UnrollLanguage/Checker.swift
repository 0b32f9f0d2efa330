import UnrollDiagnostics

/// Checks the parsed cells of a notebook before anything runs.
///
/// The cells share one environment and are checked in order, so a name defined in cell 1 is visible in
/// cell 3 and a name used before its definition is an error. The checker reports unknown names, functions,
/// members, labels and params (with "did you mean"), missing and ill-typed arguments, constraint violations
/// on values it knows (literals, params, folded constants), `fit` on something that is not a model or on
/// data the model cannot read, unpacking mismatches, operator type errors, and shape facts it can prove.
/// Types it cannot know are `unknown`, which fits everywhere, so one mistake gives one message.
public final class Checker {
    let builtins: Builtins
    let params: [String: ConstantValue]
    var scopes = Scopes()
    var diagnostics: [Diagnostic] = []
    /// Every place each name is assigned or bound by a `for`, across all cells, for use-before-definition messages.
    var definitions: [String: [SourceLocation]] = [:]
    /// The cells declared so far (`cell Name(hidden) { … }`): each one's constructor and where it is declared.
    var cells: [String: (signature: Signature, location: SourceLocation)] = [:]

    /// A checker for the front-matter `params` (after command-line overrides), using the `builtins` catalog.
    public init(builtins: Builtins, params: [String: ConstantValue] = [:]) {
        self.builtins = builtins
        self.params = params
    }

    /// Checks `programs`, the notebook's cells in order, in one shared environment.
    public func check(_ programs: [Program]) -> CheckResult {
        scopes = Scopes()
        diagnostics = []
        definitions = [:]
        cells = [:]
        for program in programs { collectDefinitions(program.statements) }
        for program in programs { check(program.statements) }
        return CheckResult(diagnostics: DiagnosticList(diagnostics).diagnostics, globals: scopes.globals)
    }

    /// Checks one program on its own (a notebook of one cell).
    public func check(_ program: Program) -> CheckResult { check([program]) }

    // MARK: - Statements

    func check(_ statements: [Statement]) {
        for statement in statements { check(statement) }
    }

    func check(_ statement: Statement) {
        // The parser refuses deeper trees; one built another way must not overflow the stack here either.
        guard statement.depth <= NestingLimit.depth else {
            report(SyntaxMessage.nestingTooDeep(limit: NestingLimit.depth, token: "this statement"), at: statement.location)
            return
        }
        switch statement.kind {
        case .seed(let value):
            let typed = typeOf(value)
            if !typed.type.isAssignable(to: .int) {
                report(StatementMessage.seedNotInt(got: typed.type), at: value)
            } else if case .int(let n)? = typed.constant, n < 0 {
                report(StatementMessage.negativeSeed(value: n), at: value)
            }
        case .assign(let names, let value):
            checkAssignment(names, value)
        case .fit(let model, let data, let options):
            checkFit(model: model, data: data, options: options, at: statement.location)
        case .print(let values):
            for value in values { requireValue(typeOf(value), of: value, for: "print") }
        case .show(let value):
            requireValue(typeOf(value), of: value, for: "show")
        case .plot(let values, let options):
            checkPlot(values, options: options, at: statement.location)
        case .expect(let condition, _):
            requireCondition(condition, for: "expect")
        case .forLoop(let variable, let sequence, let body):
            let element = elementType(of: sequence)
            scopes.push()
            if checkAssignable(variable) {
                scopes.defineLocal(variable.text, Symbol(type: element, constant: nil, location: variable.location))
            }
            check(body)
            scopes.pop()
        case .ifElse(let condition, let then, let otherwise):
            requireCondition(condition, for: "if")
            scopes.push()
            check(then)
            scopes.pop()
            if let otherwise {
                scopes.push()
                check(otherwise)
                scopes.pop()
            }
        case .cell(let declaration):
            checkCell(declaration)
        case .expression(let value):
            _ = typeOf(value)
            switch value.kind {
            case .call, .invalid:
                break
            default:
                report(StatementMessage.unusedValue(expression: "\(value)"), at: value)
            }
        }
    }

    private func checkAssignment(_ names: [Identifier], _ value: Expr) {
        let typed = typeOf(value)
        if typed.type == .nothing {
            report(StatementMessage.noValueToAssign(expression: "\(value)"), at: value)
        }
        if names.count == 1 {
            if checkAssignable(names[0]) {
                scopes.assign(names[0].text, type: typed.type, constant: typed.constant, at: names[0].location)
            }
            return
        }
        var seen: Set<String> = []
        for name in names where !seen.insert(name.text).inserted {
            report(StatementMessage.nameTwiceOnLeft(name: name.text), at: name.location, length: name.text.count)
        }
        var parts = [ValueType](repeating: .unknown, count: names.count)
        var constants = [ConstantValue?](repeating: nil, count: names.count)
        switch typed.type {
        case .tuple(let items):
            if items.count == names.count {
                parts = items
            } else {
                report(StatementMessage.unpackCount(values: items.count, names: names.count), at: value)
            }
        case .list(let element):
            parts = [ValueType](repeating: element, count: names.count)
            if case .list(let items)? = typed.constant {
                if items.count == names.count {
                    constants = items.map { $0 }
                } else {
                    report(StatementMessage.unpackCount(values: items.count, names: names.count), at: value)
                }
            }
        case .unknown, .nothing:
            break
        default:
            report(StatementMessage.unpackType(type: typed.type, names: names.count), at: value)
        }
        for (i, name) in names.enumerated() where checkAssignable(name) {
            scopes.assign(name.text, type: parts[i], constant: constants[i], at: name.location)
        }
    }

    /// Whether `name` may be assigned (it must not be a builtin, a namespace or `params`); reports if not.
    func checkAssignable(_ name: Identifier) -> Bool {
        let reserved = name.text == "params" || builtins.function(named: name.text) != nil
            || builtins.namespaces.contains(name.text) || cells[name.text] != nil
        if reserved {
            report(StatementMessage.assignToBuiltin(name: name.text), at: name.location, length: name.text.count)
        }
        return !reserved
    }

    private func requireValue(_ typed: Typed, of value: Expr, for keyword: String) {
        if typed.type == .nothing { report(StatementMessage.noValueFor(expression: "\(value)", keyword: keyword), at: value) }
    }

    private func requireCondition(_ condition: Expr, for keyword: String) {
        let typed = typeOf(condition)
        if !typed.type.isAssignable(to: .bool) {
            report(StatementMessage.conditionNotBool(keyword: keyword, got: typed.type), at: condition)
        }
    }

    private func elementType(of sequence: Expr) -> ValueType {
        let typed = typeOf(sequence)
        switch typed.type {
        case .list(let element): return element
        case .range: return .int
        case .series: return .float
        case .tuple(let items): return items.dropFirst().reduce(items.first ?? .unknown) { $0.joined(with: $1) }
        case .unknown: return .unknown
        default:
            report(StatementMessage.cannotLoop(type: typed.type), at: sequence)
            return .unknown
        }
    }

    // MARK: - Prepass

    private func collectDefinitions(_ statements: [Statement]) {
        for statement in statements {
            switch statement.kind {
            case .assign(let names, _):
                for name in names { definitions[name.text, default: []].append(name.location) }
            case .forLoop(let variable, _, let body):
                definitions[variable.text, default: []].append(variable.location)
                collectDefinitions(body)
            case .ifElse(_, let then, let otherwise):
                collectDefinitions(then)
                collectDefinitions(otherwise ?? [])
            default:
                break
            }
        }
    }

    // MARK: - Reporting

    /// Reports `message` at `expression`.
    func report(_ message: some DiagnosticMessage, at expression: Expr, notes: [DiagnosticNote] = []) {
        diagnostics.append(Diagnostic(message, at: expression.range, notes: notes))
    }

    /// Reports `message` at `location`, underlining `length` columns.
    func report(_ message: some DiagnosticMessage, at location: SourceLocation, length: Int = 1) {
        diagnostics.append(Diagnostic(message, at: SourceRange(start: location, length: length)))
    }

    func error(_ message: String, at expression: Expr) {
        diagnostics.append(Diagnostic(.error, message, at: expression.location, length: expression.range.length))
    }

    func error(_ message: String, at location: SourceLocation, length: Int = 1) {
        diagnostics.append(Diagnostic(.error, message, at: location, length: length))
    }

    func warning(_ message: String, at expression: Expr) {
        diagnostics.append(Diagnostic(.warning, message, at: expression.location, length: expression.range.length))
    }

    func warning(_ message: String, at location: SourceLocation, length: Int = 1) {
        diagnostics.append(Diagnostic(.warning, message, at: location, length: length))
    }
}
