/// Names one kind of message, whatever its arguments: the domain that defines it and its name there
/// (`UnrollLanguage.unknownFunction`), so that tests and tools can tell messages apart without parsing text.
public struct MessageID: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The module or stage that defines the message: `UnrollLanguage`, `UnrollInterpreter`.
    public let domain: String
    /// The message's name within its domain: `unknownFunction`.
    public let id: String

    /// An identifier from its parts.
    public init(domain: String, id: String) {
        self.domain = domain
        self.id = id
    }

    /// `domain.id`.
    public var description: String { "\(domain).\(id)" }
}
