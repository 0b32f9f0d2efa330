import UnrollSettings

extension ParamValue {
    /// The JSON form: numbers, strings, booleans and arrays map to themselves.
    var json: JSONValue {
        switch self {
        case .int(let value): return .integer(value)
        case .double(let value): return .double(value)
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
                self = .int(whole)
            } else {
                self = .double(try JSONDecoding.double(json, path: path))
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
