import UnrollFileIO

/// The value of a notebook parameter (front-matter `params`, or `-p key=value`).
public enum ParamValue: Equatable, Sendable, CustomStringConvertible {
    /// A whole number, such as `epochs: 3`.
    case integer(Int)
    /// A number with a fraction or exponent, such as `lr: 3e-3`.
    case number(Double)
    /// Text.
    case string(String)
    /// `true` or `false`.
    case bool(Bool)
    /// A list of values.
    case list([ParamValue])

    /// The value as a reader would write it: `3`, `0.003`, `"text"`, `true`, `[1, 2]`.
    public var description: String {
        switch self {
        case .integer(let value): return "\(value)"
        case .number(let value): return "\(value)"
        case .string(let text): return JSONString.quote(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// The JSON form: numbers, strings, booleans and arrays map to themselves.
    var json: JSONValue {
        switch self {
        case .integer(let value): return .integer(value)
        case .number(let value): return .double(value)
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .list(let items): return .array(items.map(\.json))
        }
    }

    /// Reads the JSON form; a number literal without fraction or exponent reads as an integer, and a
    /// non-finite number (written `"nan"`, `"inf"`, `"-inf"`) reads back as a string.
    init(json: JSONValue, path: String) throws {
        switch json {
        case .number(let text):
            if let whole = Int(text) {
                self = .integer(whole)
            } else {
                self = .number(try JSONDecoding.double(json, path: path))
            }
        case .string(let text): self = .string(text)
        case .bool(let flag): self = .bool(flag)
        case .array(let items):
            self = .list(try items.enumerated().map { try ParamValue(json: $1, path: "\(path)[\($0)]") })
        case .null, .object:
            throw JSONDecoding.mismatch("a number, string, boolean or list", json, path)
        }
    }
}
