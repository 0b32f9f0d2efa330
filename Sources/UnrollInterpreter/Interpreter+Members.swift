import UnrollData
import UnrollDiagnostics
import UnrollLanguage

extension Interpreter {
    /// A property read, `base.name`: a builtin type's member or a record's field.
    func member(of base: Expr, _ name: Identifier, at expression: Expr) throws -> Value {
        let nameRange = SourceRange(start: name.location, length: name.text.count)
        if case .identifier(let namespace) = base.kind, environment.lookup(namespace) == nil,
           builtins.namespaces.contains(namespace) {
            let full = "\(namespace).\(name.text)"
            if builtins.function(named: full) != nil {
                throw RuntimeError(NameMessage.functionNotCalled(name: full), at: expression.range)
            }
            throw RuntimeError(CallMessage.unknownNamespaceFunction(namespace: namespace, name: name.text,
                                                                    suggestion: namespaceSuggestion(namespace, name.text)),
                               at: nameRange)
        }
        let receiver = try evaluate(base)
        if case .record(let fields) = receiver {
            if let field = fields.first(where: { $0.name == name.text }) { return field.value }
            throw RuntimeError(NameMessage.unknownField(name: name.text, suggestion: Suggestion.closest(to: name.text, in: fields.map(\.name))),
                               at: nameRange)
        }
        guard let receiverName = receiver.type.receiverName, let signature = builtins.member(name.text, of: receiverName) else {
            let available = receiver.type.receiverName.map { builtins.members(of: $0).map(\.name) } ?? []
            throw RuntimeError(NameMessage.unknownMember(name: name.text, type: "\(receiver.type.receiverName ?? "\(receiver.type)")",
                                                         suggestion: Suggestion.closest(to: name.text, in: available)),
                               at: nameRange)
        }
        guard let property = library.property(signature.name, of: receiverName) else {
            throw RuntimeError(NameMessage.methodNotCalled(name: name.text, receiver: receiverName), at: nameRange)
        }
        return try property.body(self, receiver, nameRange)
    }

    /// The function of `namespace` whose name is closest to `name`, for a did-you-mean.
    func namespaceSuggestion(_ namespace: String, _ name: String) -> String? {
        let names = builtins.functions(in: namespace).map { String($0.name.dropFirst(namespace.count + 1)) }
        return Suggestion.closest(to: name, in: names)
    }

    /// The two parts of `d`'s standard split (`train`, `test`), drawn with the notebook's generator.
    func standardParts(of d: DatasetValue, at place: SourceRange) throws -> (train: DatasetValue, test: DatasetValue) {
        try Self.dataErrors(at: place) { try d.standardParts(rng: &rng) }
    }

}
