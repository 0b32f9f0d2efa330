import UnrollDiagnostics

/// The messages about names: variables, params, namespaces, members of types and fields of records,
/// shared by the checker and the interpreter.
public enum NameMessage: DiagnosticMessage, Hashable {
    /// A builtin function used as a value.
    case functionNotCalled(name: String)
    /// A namespace used as a value; `example` is one of its functions.
    case namespaceNotCalled(name: String, example: String?)
    /// `params` used as a value.
    case paramsAsValue
    /// A name used before the place that first assigns it.
    case usedBeforeDefinition(name: String, line: Int, column: Int)
    /// A name used outside the block that assigned it.
    case localToBlock(name: String, line: Int, column: Int)
    /// A name nothing defines.
    case unknownName(name: String, suggestion: String?)
    /// `params.NAME` when the front matter has no params.
    case noParams(name: String)
    /// `params.NAME` for a param the front matter does not define; `known` are the ones it does.
    case unknownParam(name: String, suggestion: String?, known: [String])
    /// A record field read that the record does not have.
    case unknownField(name: String, suggestion: String?)
    /// The same field twice in a record literal.
    case fieldGivenTwice(name: String)
    /// A method read as a property (`corpus.split`).
    case methodNotCalled(name: String, receiver: String)
    /// A member the type does not have; `type` is the type as written in messages.
    case unknownMember(name: String, type: String, suggestion: String?)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .functionNotCalled(let name):
            return "'\(name)' is a function; call it as '\(name)(...)'"
        case .namespaceNotCalled(let name, let example):
            return "'\(name)' is a namespace; call one of its functions" + (example.map { ", such as '\($0)(...)'" } ?? "")
        case .paramsAsValue:
            return "'params' holds the front-matter params; read one as 'params.NAME'"
        case .usedBeforeDefinition(let name, let line, let column):
            return "'\(name)' is used before its definition at \(line):\(column)"
        case .localToBlock(let name, let line, let column):
            return "'\(name)' is not defined here; the '\(name)' at \(line):\(column) is local to its block"
        case .unknownName(let name, let suggestion):
            return "unknown name '\(name)'" + Suggestion.hint(suggestion)
        case .noParams(let name):
            return "unknown param 'params.\(name)'; the front matter defines no params"
        case .unknownParam(let name, let suggestion, let known):
            let hint = suggestion.map { "; did you mean 'params.\($0)'?" }
                ?? "; the front matter defines " + known.map { "'\($0)'" }.joined(separator: ", ")
            return "unknown param 'params.\(name)'" + hint
        case .unknownField(let name, let suggestion):
            return "the record has no field '\(name)'" + Suggestion.hint(suggestion)
        case .fieldGivenTwice(let name):
            return "field '\(name)' is given twice"
        case .methodNotCalled(let name, let receiver):
            return "'\(name)' is a method of \(receiver); call it as '\(name)(...)'"
        case .unknownMember(let name, let type, let suggestion):
            return "unknown member '\(name)' of \(type)" + Suggestion.hint(suggestion)
        }
    }

    /// The replacement the did-you-mean offers.
    public var suggestion: String? {
        switch self {
        case .unknownName(_, let s), .unknownField(_, let s), .unknownMember(_, _, let s): return s
        case .unknownParam(_, let s, _): return s.map { "params.\($0)" }
        default: return nil
        }
    }
}
