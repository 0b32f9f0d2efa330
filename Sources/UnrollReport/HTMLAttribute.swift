/// One `name="value"` pair of an element; the value is escaped when rendered.
public struct HTMLAttribute: Equatable, Sendable {
    /// The attribute name, written as is (names come from code, never from users).
    public var name: String
    /// The attribute value, escaped when rendered.
    public var value: String

    /// An attribute from its parts.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
