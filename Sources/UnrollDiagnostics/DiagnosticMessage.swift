/// The definition of a message: each case of a conforming enum is one message, its associated values are
/// the message's arguments, and `text` is the one place its wording is written.
///
/// The identifier and the arguments come from the case itself, so a new message is one new case and one
/// line of text. Raise it with `Diagnostic(_:at:)`.
public protocol DiagnosticMessage: Sendable {
    /// The domain of every message of the type (`UnrollLanguage`).
    static var domain: String { get }
    /// The message as users read it: lower-case, quoting the token, with the fix when one is known.
    var text: String { get }
    /// How serious it is; errors unless the message says otherwise.
    var severity: Severity { get }
    /// The replacement a did-you-mean offers for the place the message points at, if any.
    var suggestion: String? { get }
}

extension DiagnosticMessage {
    /// Errors unless the message says otherwise.
    public var severity: Severity { .error }

    /// No replacement unless the message offers one.
    public var suggestion: String? { nil }

    /// The case's name in the type's domain.
    public var id: MessageID {
        let name = Mirror(reflecting: self).children.first?.label ?? String(describing: self)
        return MessageID(domain: Self.domain, id: name)
    }

    /// The case's associated values, in order, as text (what tests compare).
    public var arguments: [String] {
        guard let payload = Mirror(reflecting: self).children.first?.value else { return [] }
        let parts = Mirror(reflecting: payload).children
        if Mirror(reflecting: payload).displayStyle == .tuple { return parts.map { Self.describe($0.value) } }
        return [Self.describe(payload)]
    }

    /// A value as text; absent optionals read `nil`.
    private static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "nil" }
            return describe(wrapped)
        }
        return String(describing: value)
    }
}
