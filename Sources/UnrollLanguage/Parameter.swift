/// What a parameter takes when the call leaves it out.
public enum ParameterDefault: Hashable, Sendable, CustomStringConvertible {
    /// The call must give it.
    case required
    /// This constant.
    case value(ConstantValue)
    /// Nothing: the feature it controls is off (`clip` not given means no clipping).
    case absent
    /// The result of calling the named builtin with no arguments (`optimizer` defaults to `Adam()`).
    case call(String)

    /// How the reference shows it: `required`, `64`, `"char"`, `none`, `Adam()`.
    public var description: String {
        switch self {
        case .required: return "required"
        case .value(let v): return v.description
        case .absent: return "none"
        case .call(let name): return "\(name)()"
        }
    }
}

/// One parameter of a builtin, or one option of `fit` or `plot`.
public struct Parameter: Hashable, Sendable {
    /// Its name: the label for a labelled parameter, the documented name for a positional one.
    public var name: String
    /// Whether it is passed by position, without a label (positional parameters come first).
    public var isPositional: Bool
    /// The type it accepts.
    public var type: ValueType
    /// What it takes when left out.
    public var defaultValue: ParameterDefault
    /// A rule on its value beyond the type, if any.
    public var constraint: Constraint?
    /// One line saying what it does.
    public var doc: String

    /// A parameter from its parts.
    public init(name: String, isPositional: Bool, type: ValueType, defaultValue: ParameterDefault,
                constraint: Constraint? = nil, doc: String) {
        self.name = name
        self.isPositional = isPositional
        self.type = type
        self.defaultValue = defaultValue
        self.constraint = constraint
        self.doc = doc
    }

    /// A parameter passed by position: `text("poems.txt")`.
    public static func positional(_ name: String, _ type: ValueType, _ defaultValue: ParameterDefault = .required,
                                  _ constraint: Constraint? = nil, doc: String) -> Parameter {
        Parameter(name: name, isPositional: true, type: type, defaultValue: defaultValue, constraint: constraint, doc: doc)
    }

    /// A parameter passed with its label: `LSTM(hidden: 64)`.
    public static func labelled(_ name: String, _ type: ValueType, _ defaultValue: ParameterDefault = .required,
                                _ constraint: Constraint? = nil, doc: String) -> Parameter {
        Parameter(name: name, isPositional: false, type: type, defaultValue: defaultValue, constraint: constraint, doc: doc)
    }

    /// Whether a call must give it.
    public var isRequired: Bool { defaultValue == .required }
}
