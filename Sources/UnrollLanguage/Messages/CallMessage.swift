import UnrollDiagnostics

/// The messages about calls and their arguments, raised by the checker before a run and by the interpreter
/// during one; `noun` is `argument`, or `option` for the options of `fit` and `plot`, and `owner` names the call.
public enum CallMessage: DiagnosticMessage, Hashable {
    /// A variable called as if it were a function; `described` is its type with an article (`an int`).
    case notAFunction(name: String, described: String)
    /// A namespace called as a function (`task(…)`).
    case namespaceCalled(name: String)
    /// No function of that name; `noun` is `layer`, `model`, `optimizer` or `function`, after the suggestion's family.
    case unknownFunction(noun: String, name: String, suggestion: String?)
    /// No function of that name in the namespace (`task.add`).
    case unknownNamespaceFunction(namespace: String, name: String, suggestion: String?)
    /// A record's field called as a method.
    case fieldCalled(name: String)
    /// A property called as a method (`corpus.vocab()`).
    case propertyCalled(name: String, receiver: String)
    /// A value of a type without that method; `described` is the type with an article.
    case noSuchMethod(name: String, described: String)
    /// Something that is neither a function nor a method, called (`(1)(2)`).
    case notCallable(callee: String)
    /// A positional argument to a builtin that takes labelled ones only; `suggestion` is the labelled form.
    case labelledOnly(owner: String, noun: String, suggestion: String?)
    /// More positional arguments than the builtin takes.
    case tooManyPositional(owner: String, noun: String, accepted: Int, given: Int)
    /// A label that names no parameter.
    case unknownLabel(noun: String, label: String, owner: String, suggestion: String?)
    /// A label on an argument that is passed by position.
    case labelOnPositional(label: String)
    /// The same parameter given twice.
    case givenTwice(noun: String, label: String)
    /// A required parameter left out.
    case missing(noun: String, parameter: String, owner: String)
    /// An argument of the wrong type.
    case wrongType(noun: String, parameter: String, owner: String, expected: ValueType, got: ValueType)
    /// A known value that breaks the parameter's constraint; `param` is the front-matter param it came from.
    case constraintViolated(parameter: String, why: String, param: String?)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .notAFunction(let name, let described):
            return "'\(name)' is \(described), not a function"
        case .namespaceCalled(let name):
            return "'\(name)' is a namespace; call one of its functions"
        case .unknownFunction(let noun, let name, let suggestion):
            return "unknown \(noun) '\(name)'" + Suggestion.hint(suggestion)
        case .unknownNamespaceFunction(let namespace, let name, let suggestion):
            return "'\(namespace)' has no function '\(name)'" + Suggestion.hint(suggestion)
        case .fieldCalled(let name):
            return "'\(name)' is a field of a record, not a method"
        case .propertyCalled(let name, let receiver):
            return "'\(name)' is a property of \(receiver), not a method; write '.\(name)' without '()'"
        case .noSuchMethod(let name, let described):
            return "\(described) has no method '\(name)'"
        case .notCallable(let callee):
            return "only functions and methods can be called; '\(callee)' is neither"
        case .labelledOnly(let owner, let noun, let suggestion):
            return "'\(owner)' takes labelled \(noun)s only" + Suggestion.hint(suggestion)
        case .tooManyPositional(let owner, let noun, let accepted, let given):
            return "'\(owner)' takes \(accepted) positional \(noun)\(accepted == 1 ? "" : "s"), got \(given)"
        case .unknownLabel(let noun, let label, let owner, let suggestion):
            return "unknown \(noun) '\(label)' for '\(owner)'" + Suggestion.hint(suggestion)
        case .labelOnPositional(let label):
            return "'\(label)' is passed by position; remove the label '\(label):'"
        case .givenTwice(let noun, let label):
            return "\(noun) '\(label)' is given twice"
        case .missing(let noun, let parameter, let owner):
            return "missing required \(noun) '\(parameter)' for '\(owner)'"
        case .wrongType(let noun, let parameter, let owner, let expected, let got):
            return "\(noun) '\(parameter)' of '\(owner)' expects \(expected), got \(got)"
        case .constraintViolated(let parameter, let why, let param):
            return "'\(parameter)' \(why)" + (param.map { " from 'params.\($0)'" } ?? "")
        }
    }

    /// The replacement the did-you-mean offers.
    public var suggestion: String? {
        switch self {
        case .unknownFunction(_, _, let s), .unknownNamespaceFunction(_, _, let s), .labelledOnly(_, _, let s),
             .unknownLabel(_, _, _, let s):
            return s
        default:
            return nil
        }
    }
}
