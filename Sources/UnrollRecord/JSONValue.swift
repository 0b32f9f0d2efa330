/// A JSON document as a tree, with numbers kept as their literal text so that reading and writing is exact.
public enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its JSON literal text (for example `42`, `-0.5`, `1e-05`).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; the writer orders its keys, so dictionary order never reaches the output.
    case object([String: JSONValue])

    /// A double as a JSON value: the shortest text that reads back as the same double, or for values JSON
    /// cannot hold, the strings `"nan"`, `"inf"` and `"-inf"`.
    public static func double(_ value: Double) -> JSONValue {
        if value.isNaN { return .string("nan") }
        if value.isInfinite { return .string(value < 0 ? "-inf" : "inf") }
        return .number("\(value)")
    }

    /// An integer as a JSON value.
    public static func integer<Integer: BinaryInteger>(_ value: Integer) -> JSONValue {
        .number("\(value)")
    }

    /// The double this value holds, reading `"nan"`, `"inf"` and `"-inf"` back; nil for anything else.
    public var doubleValue: Double? {
        switch self {
        case .number(let text): return Double(text)
        case .string("nan"): return .nan
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        default: return nil
        }
    }

    /// The value as an integer of type `Integer`, if it is a whole-number literal that fits; nil otherwise.
    public func integerValue<Integer: FixedWidthInteger>(as type: Integer.Type = Int.self) -> Integer? {
        guard case .number(let text) = self else { return nil }
        return Integer(text)
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
