import UnrollSettings

/// One named notebook parameter.
public struct Parameter: Equatable, Sendable {
    /// The name the DSL reads as `params.NAME`.
    public var name: String
    /// Its value.
    public var value: ParamValue

    /// A parameter from its parts.
    public init(name: String, value: ParamValue) {
        self.name = name
        self.value = value
    }
}
