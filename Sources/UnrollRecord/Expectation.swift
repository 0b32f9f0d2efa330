/// What an `expect` statement compared: its condition as written, whether it held, and the values it saw
/// (`0.982 >= 0.95`), kept beside the scalar so that the reports can show them; `check` compares the scalar only.
public struct Expectation: Equatable, Sendable {
    /// Whether the condition held.
    public var passed: Bool
    /// The left side's value as text (for a condition that is no comparison: `true` or `false`).
    public var left: String
    /// The comparison operator as written (`>=`, `<`, `==`, …); nil for a condition that is no comparison.
    public var comparison: String?
    /// The right side's value as text; nil for a condition that is no comparison.
    public var right: String?

    /// An expectation from its parts.
    public init(passed: Bool, left: String, comparison: String? = nil, right: String? = nil) {
        self.passed = passed
        self.left = left
        self.comparison = comparison
        self.right = right
    }

    /// The JSON form: `{"passed", "left", "op", "right"}` (the last two only for a comparison).
    var json: JSONValue {
        var fields: [String: JSONValue] = ["passed": .bool(passed), "left": .string(left)]
        if let comparison { fields["op"] = .string(comparison) }
        if let right { fields["right"] = .string(right) }
        return .object(fields)
    }

    /// Reads the JSON form.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        passed = try reader.bool("passed")
        left = try reader.string("left")
        comparison = try reader.optionalString("op")
        right = try reader.optionalString("right")
        try reader.finish()
    }
}
