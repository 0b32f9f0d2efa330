import UnrollDiagnostics
import UnrollLanguage

extension Interpreter {
    /// A call: a builtin function (`text(…)`, `task.adding(…)`) or a method (`corpus.split(0.9)`).
    func call(_ callee: Expr, _ arguments: [Argument], at expression: Expr) throws -> Value {
        let given = arguments.map { (label: $0.label, value: $0.value) }
        switch callee.kind {
        case .identifier(let name):
            if let cell = cells[name] { return try callCell(cell, given, site: callee.range) }
            if let value = environment.lookup(name) {
                throw RuntimeError(CallMessage.notAFunction(name: name, described: value.type.withArticle), at: callee.range)
            }
            guard let function = library.function(named: name) else {
                let suggestion = Suggestion.closestOrAlias(to: name, in: builtins.globalFunctions.map(\.name))
                let noun = suggestion.flatMap { builtins.function(named: $0)?.family.noun } ?? "function"
                throw RuntimeError(CallMessage.unknownFunction(noun: noun, name: name, suggestion: suggestion), at: callee.range)
            }
            return try call(function, given, site: callee.range)
        case .member(let base, let name):
            let nameRange = SourceRange(start: name.location, length: name.text.count)
            if case .identifier(let namespace) = base.kind, environment.lookup(namespace) == nil,
               builtins.namespaces.contains(namespace) {
                guard let function = library.function(named: "\(namespace).\(name.text)") else {
                    throw RuntimeError(CallMessage.unknownNamespaceFunction(namespace: namespace, name: name.text,
                                                                            suggestion: namespaceSuggestion(namespace, name.text)),
                                       at: nameRange)
                }
                return try call(function, given, site: callee.range)
            }
            let receiver = try evaluate(base)
            guard let receiverName = receiver.type.receiverName,
                  let method = library.method(name.text, of: receiverName) else {
                throw RuntimeError(CallMessage.noSuchMethod(name: name.text, described: receiver.type.withArticle), at: nameRange)
            }
            let bound = try bind(method.signature, given, noun: "argument", owner: name.text, site: nameRange)
            return try method.body(self, receiver, bound)
        default:
            throw RuntimeError(CallMessage.notCallable(callee: "\(callee)"), at: callee.range)
        }
    }

    private func call(_ function: (signature: Signature, body: Builtin.FunctionBody),
                      _ given: [(label: Identifier?, value: Expr)], site: SourceRange) throws -> Value {
        let bound = try bind(function.signature, given, noun: "argument", owner: function.signature.name, site: site)
        return try function.body(self, bound)
    }

    /// Calls the builtin `name` with no arguments (the default `Adam()` of `fit`'s optimizer).
    func callWithoutArguments(_ name: String, site: SourceRange) throws -> Value {
        guard let function = library.function(named: name) else {
            preconditionFailure("interpreter: a parameter's default calls '\(name)', which the library does not have")
        }
        return try call(function, [], site: site)
    }

    /// Matches `given` to the parameters of `signature`, evaluates the arguments in source order, checks their
    /// types and constraints, and fills in defaults. `noun` is "argument" or "option".
    func bind(_ signature: Signature, _ given: [(label: Identifier?, value: Expr)], noun: String, owner: String,
              site: SourceRange) throws -> Arguments {
        let (bound, problems) = signature.bind(labels: given.map { $0.label?.text })
        if let problem = problems.first {
            throw bindingError(problem, given, noun: noun, owner: owner, site: site)
        }
        var values: [String: Value] = [:]
        var places: [String: SourceRange] = [:]
        var sources: [String: String] = [:]
        for (name, index) in bound.sorted(by: { $0.value < $1.value }) {
            guard let parameter = signature.parameter(named: name) else { continue }
            let expression = given[index].value
            let value = try evaluate(expression)
            if !value.fits(parameter.type) {
                throw RuntimeError(CallMessage.wrongType(noun: noun, parameter: name, owner: owner, expected: parameter.type,
                                                         got: value.type),
                                   at: expression.range)
            }
            if let constraint = parameter.constraint, let constant = value.constant,
               let why = constraint.violation(by: constant) {
                var param: String?
                if case .parameter(let name) = expression.kind { param = name }
                throw RuntimeError(CallMessage.constraintViolated(parameter: name, why: why, param: param), at: expression.range)
            }
            values[name] = value
            places[name] = expression.range
            sources[name] = expression.description
        }
        for parameter in signature.parameters ?? [] where bound[parameter.name] == nil {
            switch parameter.defaultValue {
            case .value(let constant): values[parameter.name] = Value(constant)
            case .call(let builtin): values[parameter.name] = try callWithoutArguments(builtin, site: site)
            case .absent, .required: break
            }
        }
        return Arguments(owner: owner, values: values, places: places, sources: sources, site: site)
    }

    private func bindingError(_ problem: BindingProblem, _ given: [(label: Identifier?, value: Expr)], noun: String,
                              owner: String, site: SourceRange) -> RuntimeError {
        func labelRange(_ index: Int) -> SourceRange {
            guard let label = given[index].label else { return given[index].value.range }
            return SourceRange(start: label.location, length: label.text.count)
        }
        switch problem {
        case .tooManyPositional(let index, let accepted):
            let message = accepted == 0 ? CallMessage.labelledOnly(owner: owner, noun: noun, suggestion: nil)
                : .tooManyPositional(owner: owner, noun: noun, accepted: accepted, given: given.filter { $0.label == nil }.count)
            return RuntimeError(message, at: given[index].value.range)
        case .unknownLabel(let label, let index, let suggestion):
            if let misplaced = TrainingMessage.misplaced(label: label, owner: owner, value: given[index].value,
                                                         optimizer: TrainingMessage.optimizerName(in: given)) {
                return RuntimeError(misplaced, at: labelRange(index))
            }
            return RuntimeError(CallMessage.unknownLabel(noun: noun, label: label, owner: owner, suggestion: suggestion),
                                at: labelRange(index))
        case .labelOnPositional(let label, let index):
            return RuntimeError(CallMessage.labelOnPositional(label: label), at: labelRange(index))
        case .duplicate(let label, let index):
            return RuntimeError(CallMessage.givenTwice(noun: noun, label: label), at: labelRange(index))
        case .missing(let parameter, _):
            return RuntimeError(CallMessage.missing(noun: noun, parameter: parameter, owner: owner), at: site)
        }
    }
}
