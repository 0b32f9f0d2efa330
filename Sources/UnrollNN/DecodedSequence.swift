/// One decoded output sequence: its tokens, where each step attended, and its log-probability.
public struct DecodedSequence: Equatable, Sendable {
    /// The generated target ids, without bos, ending with eos when one was produced.
    public var tokens: [Int]
    /// One row per output step, one column per source position of that example (empty rows without attention).
    public var attention: [[Float]]
    /// The sum of the log-probabilities of `tokens` under the model.
    public var logProbability: Double

    /// A decoding from its parts.
    public init(tokens: [Int], attention: [[Float]], logProbability: Double) {
        self.tokens = tokens
        self.attention = attention
        self.logProbability = logProbability
    }
}
