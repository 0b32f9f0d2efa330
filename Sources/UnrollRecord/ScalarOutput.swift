/// One number a cell showed, such as a metric or a printed value.
public struct ScalarOutput: Equatable, Sendable {
    /// The number (NaN and infinities allowed).
    public var value: Double
    /// What the number is, for example `accuracy`; nil when the statement gave no label.
    public var label: String?
    /// For the outcome of an `expect` (1 passed, 0 failed): what it compared; nil for any other number.
    public var expectation: Expectation?

    /// A scalar from its parts.
    public init(value: Double, label: String? = nil, expectation: Expectation? = nil) {
        self.value = value
        self.label = label
        self.expectation = expectation
    }

    /// The fields of the JSON form (`value`, and `label` and `expect` when set).
    var jsonFields: [String: JSONValue] {
        var fields: [String: JSONValue] = ["value": .double(value)]
        if let label { fields["label"] = .string(label) }
        if let expectation { fields["expect"] = expectation.json }
        return fields
    }

    /// Reads the fields of the JSON form.
    init(reading reader: inout JSONObjectReader) throws {
        value = try reader.double("value")
        label = try reader.optionalString("label")
        let expectPath = reader.path(of: "expect")
        expectation = try reader.optional("expect").map { try Expectation(json: $0, path: expectPath) }
    }

    /// Equal when the labels and expectations match and the values are equal or both NaN.
    public static func == (lhs: ScalarOutput, rhs: ScalarOutput) -> Bool {
        lhs.label == rhs.label && lhs.expectation == rhs.expectation && sameNumber(lhs.value, rhs.value)
    }
}

/// Whether two doubles are equal, counting NaN as equal to NaN (records compare by content).
func sameNumber(_ a: Double, _ b: Double) -> Bool {
    a == b || (a.isNaN && b.isNaN)
}

/// Whether two arrays of doubles are equal element by element, counting NaN as equal to NaN.
func sameNumbers(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { sameNumber($0, $1) }
}
