import UnrollFileIO

/// The value of a notebook parameter (front-matter `params`, or `-p key=value`): what the DSL reads as
/// `params.NAME`, and what the run record and the reports show.
///
/// It encodes as plain JSON (number, string, bool, array). JSON does not tell `1.0` from `1`, so a
/// `.double` with an integral value decodes back as `.int`; compare numbers through `numberValue`.
public enum ParamValue: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// A whole number, such as `epochs: 3`.
    case int(Int)
    /// A number with a fraction or exponent, such as `lr: 3e-3`.
    case double(Double)
    /// Text.
    case string(String)
    /// `true` or `false`.
    case bool(Bool)
    /// A list of values (which may mix kinds).
    case list([ParamValue])

    /// The value as a `Double` when it is a number (int or double), else nil.
    public var numberValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The kind's name as messages use it: "an integer", "a number", "a string", "a bool", "a list".
    public var kindDescription: String {
        switch self {
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .bool: return "a bool"
        case .list: return "a list"
        }
    }

    /// The value as a reader would write it: `3`, `0.003`, `"text"` (a JSON string literal), `true`, `[1, 2]`;
    /// doubles use Swift's shortest round-trip form.
    public var description: String {
        switch self {
        case .int(let value): return "\(value)"
        case .double(let value): return "\(value)"
        case .string(let text): return JSONString.quote(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// Decodes a JSON bool, integer, number, string or array.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ParamValue].self) {
            self = .list(value)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a bool, number, string or list")
        }
    }

    /// Encodes as the plain JSON value.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .list(let values): try container.encode(values)
        }
    }
}
