/// One sequence with one class label (e.g. a message and whether it is spam).
public struct ClassificationExample: Equatable, Sendable {
    /// The token ids of the text.
    public var tokens: [Int]
    /// The class id, an index into the data set's `labelNames`.
    public var label: Int

    /// An example from its token ids and class id.
    public init(tokens: [Int], label: Int) {
        self.tokens = tokens
        self.label = label
    }
}
