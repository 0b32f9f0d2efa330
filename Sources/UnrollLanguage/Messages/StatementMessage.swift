import UnrollDiagnostics

/// The messages about statements: assignment and unpacking, conditions, loops and `seed`, shared by the
/// checker and the interpreter.
public enum StatementMessage: DiagnosticMessage, Hashable {
    /// An assignment to a builtin's name or to `params`.
    case assignToBuiltin(name: String)
    /// The same name twice on the left of `=`.
    case nameTwiceOnLeft(name: String)
    /// More or fewer values than names.
    case unpackCount(values: Int, names: Int)
    /// A value that cannot be unpacked.
    case unpackType(type: ValueType, names: Int)
    /// An assignment of something that gives no value (`x = fit …`).
    case noValueToAssign(expression: String)
    /// `print` or `show` of something that gives no value.
    case noValueFor(expression: String, keyword: String)
    /// An `if` or `while` condition that is not a bool.
    case conditionNotBool(keyword: String, got: ValueType)
    /// A `for` over something that is not a sequence.
    case cannotLoop(type: ValueType)
    /// `seed` with a value that is not an int.
    case seedNotInt(got: ValueType)
    /// `seed` with a negative value.
    case negativeSeed(value: Int)
    /// A value computed and dropped.
    case unusedValue(expression: String)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .assignToBuiltin(let name):
            return "cannot assign to '\(name)'; it is a builtin name"
        case .nameTwiceOnLeft(let name):
            return "'\(name)' appears twice on the left of '='"
        case .unpackCount(let values, let names):
            return "cannot unpack \(values) values into \(names) names"
        case .unpackType(let type, let names):
            return "cannot unpack \(type) into \(names) names; only tuples and lists can be unpacked"
        case .noValueToAssign(let expression):
            return "'\(expression)' gives no value to assign"
        case .noValueFor(let expression, let keyword):
            return "'\(expression)' has no value to \(keyword)"
        case .conditionNotBool(let keyword, let got):
            return "'\(keyword)' needs a condition that is true or false, got \(got)"
        case .cannotLoop(let type):
            return "cannot loop over \(type); 'for' takes a list, a range or a Series"
        case .seedNotInt(let got):
            return "'seed' needs an int, got \(got)"
        case .negativeSeed(let value):
            return "'seed' must be non-negative, got \(value)"
        case .unusedValue(let expression):
            return "the value of '\(expression)' is not used; write 'show \(expression)' to display it"
        }
    }

    /// Only an unused value is a warning.
    public var severity: Severity {
        if case .unusedValue = self { return .warning }
        return .error
    }
}
