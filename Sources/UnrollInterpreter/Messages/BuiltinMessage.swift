import UnrollDiagnostics

/// The messages of particular builtins, raised by their rules before a run and by their code during one.
enum BuiltinMessage: DiagnosticMessage, Hashable {
    /// A dataset member that only some kinds of dataset have (`classes` of tagged sequences).
    case datasetMemberUndefined(member: String, kinds: String, holds: String)

    /// Every message of this type belongs to the interpreter, where builtins are declared.
    static let domain = "UnrollInterpreter"

    /// The message as users read it.
    var text: String {
        switch self {
        case .datasetMemberUndefined(let member, let kinds, let holds):
            return "'\(member)' is only defined for \(kinds); this Dataset holds \(holds)"
        }
    }
}
