import UnrollDiagnostics

extension Checker {
    /// The type of a call, after resolving the callee to a catalog entry and checking the arguments.
    func typeOfCall(_ callee: Expr, _ arguments: [Argument], at expression: Expr) -> Typed {
        let typed = arguments.map { typeOf($0.value) }
        switch callee.kind {
        case .identifier(let name):
            if let cell = cells[name] {
                return apply(cell.signature, receiver: nil, arguments, typed, callee: callee)
            }
            if let symbol = scopes.lookup(name) {
                report(CallMessage.notAFunction(name: name, described: symbol.type.withArticle), at: callee)
                return .unknown
            }
            if let signature = builtins.function(named: name) {
                return apply(signature, receiver: nil, arguments, typed, callee: callee)
            }
            if builtins.namespaces.contains(name) {
                report(CallMessage.namespaceCalled(name: name), at: callee)
            } else {
                reportUnknownFunction(name, at: callee)
            }
            return .unknown
        case .member(let base, let name):
            if let namespace = namespaceName(base) {
                guard let signature = builtins.function(named: "\(namespace).\(name.text)") else {
                    reportUnknownNamespaceMember(namespace, name)
                    return .unknown
                }
                return apply(signature, receiver: nil, arguments, typed, callee: callee)
            }
            let receiver = typeOf(base)
            if case .record = receiver.type {
                report(CallMessage.fieldCalled(name: name.text), at: name.location, length: name.text.count)
                return .unknown
            }
            guard let signature = memberSignature(of: receiver.type, name) else { return .unknown }
            if signature.isProperty {
                report(CallMessage.propertyCalled(name: name.text, receiver: signature.receiver!), at: name.location,
                       length: name.text.count)
                return Typed(signature.result)
            }
            return apply(signature, receiver: receiver.type, arguments, typed, callee: callee, calleeName: name)
        default:
            _ = typeOf(callee)
            report(CallMessage.notCallable(callee: "\(callee)"), at: callee)
            return .unknown
        }
    }

    private func reportUnknownFunction(_ name: String, at callee: Expr) {
        let functions = builtins.globalFunctions
        guard let suggestion = Suggestion.closestOrAlias(to: name, in: functions.map(\.name)),
              let family = builtins.function(named: suggestion)?.family else {
            if let defined = definitions[name]?.first {
                report(NameMessage.usedBeforeDefinition(name: name, line: defined.line, column: defined.column), at: callee,
                       notes: [DiagnosticNote("'\(name)' is defined here", at: SourceRange(start: defined, length: name.count))])
            } else {
                report(CallMessage.unknownFunction(noun: "function", name: name, suggestion: nil), at: callee)
            }
            return
        }
        report(CallMessage.unknownFunction(noun: family.noun, name: name, suggestion: suggestion), at: callee)
    }

    /// Checks `arguments` against `signature` and runs its rule; `callee` is where missing arguments are reported.
    func apply(_ signature: Signature, receiver: ValueType?, _ arguments: [Argument], _ typed: [Typed],
                       callee: Expr, calleeName: Identifier? = nil) -> Typed {
        let place = calleeName.map { (location: $0.location, length: $0.text.count) }
            ?? (location: callee.location, length: callee.range.length)
        let outcome = checkArguments(
            signature, receiver: receiver,
            given: arguments.map { (label: $0.label, value: $0.value) }, typed: typed,
            noun: "argument", owner: signature.name, at: place.location, length: place.length
        )
        return Typed(outcome)
    }

    /// The call written with its extra positional arguments labelled, each with the first free labelled
    /// parameter (in declaration order) that takes its type and, when known, its value; nil when some extra
    /// argument fits none.
    private func labelledCall(_ signature: Signature, _ given: [(label: Identifier?, value: Expr)], _ typed: [Typed],
                              bound: [String: Int], owner: String) -> String? {
        var free = (signature.parameters ?? []).filter { !$0.isPositional && bound[$0.name] == nil }
        var parts: [String] = []
        for (index, argument) in given.enumerated() {
            if let label = argument.label {
                parts.append("\(label.text): \(argument.value)")
            } else if bound.values.contains(index) {
                parts.append("\(argument.value)")
            } else {
                let fact = typed[index]
                guard let slot = free.firstIndex(where: { parameter in
                    fact.type != .unknown && fact.type.isAssignable(to: parameter.type)
                        && (fact.constant.flatMap { parameter.constraint?.violation(by: $0) } == nil)
                }) else { return nil }
                parts.append("\(free[slot].name): \(argument.value)")
                free.remove(at: slot)
            }
        }
        return "\(owner)(\(parts.joined(separator: ", ")))"
    }

    /// Binds and checks the arguments (or options) `given` for `signature`, reports binding, type and
    /// constraint problems and the rule's problems, and returns the refined result type. `noun` is
    /// "argument" or "option"; `owner` names the call in messages.
    func checkArguments(_ signature: Signature, receiver: ValueType?, given: [(label: Identifier?, value: Expr)],
                        typed: [Typed], noun: String, owner: String, at location: SourceLocation, length: Int) -> ValueType {
        let (bound, problems) = signature.bind(labels: given.map { $0.label?.text })
        let positionalCount = given.filter { $0.label == nil }.count
        /// Required parameters whose absence a hint already explains (`LSTM(64)` → `hidden: 64`).
        var explained: Set<String> = []
        var extraReported = false
        for problem in problems {
            switch problem {
            case .tooManyPositional(let index, let accepted):
                let value = given[index].value
                if extraReported { continue }
                extraReported = true
                if accepted > 0, let call = labelledCall(signature, given, typed, bound: bound, owner: owner) {
                    report(CallMessage.passByLabel(owner: owner, accepted: accepted, given: positionalCount, suggestion: call),
                           at: value)
                } else if accepted == 0 {
                    let wanted = (signature.parameters ?? []).first { $0.isRequired && bound[$0.name] == nil }
                    if let wanted { explained.insert(wanted.name) }
                    report(CallMessage.labelledOnly(owner: owner, noun: noun, suggestion: wanted.map { "\($0.name): \(value)" }),
                           at: value)
                } else {
                    report(CallMessage.tooManyPositional(owner: owner, noun: noun, accepted: accepted, given: positionalCount),
                           at: value)
                }
            case .unknownLabel(let label, let index, _):
                let name = given[index].label!
                if let misplaced = TrainingMessage.misplaced(label: label, owner: owner, value: given[index].value,
                                                             optimizer: TrainingMessage.optimizerName(in: given)) {
                    report(misplaced, at: name.location, length: label.count)
                    continue
                }
                let suggestion = signature.labelSuggestion(for: label, argument: typed[index].type, excluding: Set(bound.keys))
                report(CallMessage.unknownLabel(noun: noun, label: label, owner: owner, suggestion: suggestion),
                       at: name.location, length: label.count)
            case .labelOnPositional(let label, let index):
                let name = given[index].label!
                report(CallMessage.labelOnPositional(label: label), at: name.location, length: label.count)
            case .duplicate(let label, let index):
                let name = given[index].label!
                report(CallMessage.givenTwice(noun: noun, label: label), at: name.location, length: label.count)
            case .missing(let parameter, _):
                if explained.contains(parameter) { continue }
                report(CallMessage.missing(noun: noun, parameter: parameter, owner: owner), at: location, length: length)
            }
        }
        var facts: [String: ArgumentFact] = [:]
        for (name, index) in bound.sorted(by: { $0.value < $1.value }) {
            guard let parameter = signature.parameter(named: name) else { continue }
            let value = given[index].value
            let argument = typed[index]
            if !argument.type.isAssignable(to: parameter.type) {
                report(CallMessage.wrongType(noun: noun, parameter: name, owner: owner, expected: parameter.type, got: argument.type),
                       at: value)
            } else if let constant = argument.constant, let constraint = parameter.constraint,
                      let why = constraint.violation(by: constant) {
                var param: String?
                if case .parameter(let name) = value.kind { param = name }
                report(CallMessage.constraintViolated(parameter: name, why: why, param: param), at: value)
            }
            facts[name] = ArgumentFact(type: argument.type, constant: argument.constant, range: value.range)
        }
        var defaults: [String: ConstantValue] = [:]
        for parameter in signature.parameters ?? [] where bound[parameter.name] == nil {
            if case .value(let v) = parameter.defaultValue { defaults[parameter.name] = v }
        }
        let outcome = signature.rule?(CallFacts(receiver: receiver, arguments: facts, defaults: defaults))
            ?? CallOutcome(signature.result)
        for problem in outcome.problems {
            if let parameter = problem.parameter, let fact = facts[parameter] {
                diagnostics.append(problem.diagnostic(at: fact.range))
            } else {
                diagnostics.append(problem.diagnostic(at: SourceRange(start: location, length: length)))
            }
        }
        return outcome.result
    }
}
