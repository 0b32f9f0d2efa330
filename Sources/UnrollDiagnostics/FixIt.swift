/// A change that would fix the problem a diagnostic reports: replace the text at `range` with `replacement`.
public struct FixIt: Hashable, Codable, Sendable {
    /// The text to take out.
    public let range: SourceRange
    /// What to put in its place.
    public let replacement: String

    /// A fix-it replacing `range` with `replacement`.
    public init(replacing range: SourceRange, with replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}
