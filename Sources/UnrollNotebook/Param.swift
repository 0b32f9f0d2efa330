import UnrollSettings

/// One named parameter from the front matter's `params`, with the file line it was declared on.
public struct Param: Equatable, Hashable, Sendable, Codable {
    /// The name the DSL reads as `params.NAME`.
    public var name: String
    /// The value (possibly overridden with `-p`).
    public var value: ParamValue
    /// The 1-based file line of the declaration.
    public var line: Int

    /// A parameter from its parts.
    public init(name: String, value: ParamValue, line: Int) {
        self.name = name
        self.value = value
        self.line = line
    }
}
