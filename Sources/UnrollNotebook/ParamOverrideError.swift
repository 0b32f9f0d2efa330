/// Why `-p key=value` overrides could not be applied: one message per bad override.
public struct ParamOverrideError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The messages, lower-case, in the order the overrides were given.
    public var messages: [String]

    /// An error carrying `messages`.
    public init(messages: [String]) {
        self.messages = messages
    }

    /// The messages, one per line.
    public var description: String { messages.joined(separator: "\n") }
}
