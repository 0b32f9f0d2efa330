/// One sequence with a tag per token (e.g. the characters of a sentence and their BMES tags).
public struct TaggingExample: Equatable, Sendable {
    /// The token ids.
    public var tokens: [Int]
    /// One tag id per token, indexes into the data set's `tagNames`.
    public var tags: [Int]

    /// An example from its token ids and tag ids (the same number of each).
    public init(tokens: [Int], tags: [Int]) {
        precondition(tokens.count == tags.count,
                     "TaggingExample: \(tokens.count) tokens but \(tags.count) tags")
        self.tokens = tokens
        self.tags = tags
    }
}
