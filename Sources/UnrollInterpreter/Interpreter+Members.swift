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
                throw RuntimeError("'\(full)' is a function; call it as '\(full)(...)'", at: expression.range)
            }
            throw RuntimeError("'\(namespace)' has no function '\(name.text)'", at: nameRange)
        }
        let receiver = try evaluate(base)
        if case .record(let fields) = receiver {
            if let field = fields.first(where: { $0.name == name.text }) { return field.value }
            let hint = Suggestion.closest(to: name.text, in: fields.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
            throw RuntimeError("the record has no field '\(name.text)'\(hint)", at: nameRange)
        }
        guard let receiverName = receiver.type.receiverName, let signature = builtins.member(name.text, of: receiverName) else {
            let available = receiver.type.receiverName.map { builtins.members(of: $0).map(\.name) } ?? []
            let hint = Suggestion.closest(to: name.text, in: available).map { "; did you mean '\($0)'?" } ?? ""
            throw RuntimeError("unknown member '\(name.text)' of \(receiver.type)\(hint)", at: nameRange)
        }
        guard let property = library.property(signature.name, of: receiverName) else {
            throw RuntimeError("'\(name.text)' is a method of \(receiverName); call it as '\(name.text)(...)'", at: nameRange)
        }
        return try property.body(self, receiver, nameRange)
    }

    func standardParts(of d: DatasetValue, at place: SourceRange) throws -> (train: DatasetValue, test: DatasetValue) {
        try Self.dataErrors(at: place) { try d.standardParts(rng: &rng) }
    }

}
