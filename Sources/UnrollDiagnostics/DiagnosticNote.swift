/// Extra context attached to a diagnostic, pointing at another place (where a name is defined).
public struct DiagnosticNote: Hashable, Codable, Sendable {
    /// The note's text, lower-case.
    public var message: String
    /// Where it points.
    public var range: SourceRange

    /// A note with `message` pointing at `range`.
    public init(_ message: String, at range: SourceRange) {
        self.message = message
        self.range = range
    }
}
