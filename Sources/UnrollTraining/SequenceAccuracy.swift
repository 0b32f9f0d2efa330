/// Token-level and whole-sequence accuracy of predicted sequences against their references, counted over a
/// corpus.
///
/// Token accuracy compares position by position. A pair of sequences counts `max(hypothesis length,
/// reference length)` positions, so a missing token and an extra token are both wrong: a hypothesis cannot
/// score well by stopping early or by running on.
public struct SequenceAccuracy: Equatable, Sendable {
    /// Positions where hypothesis and reference hold the same token.
    public var matchedTokens: Int
    /// Positions counted: for each pair, the longer of the two lengths.
    public var countedTokens: Int
    /// Hypotheses equal to their reference.
    public var exactSequences: Int
    /// Pairs counted.
    public var sequences: Int

    /// The counts for `hypotheses` against `references` (`references[i]` for hypothesis `i`).
    public init<Token: Equatable>(hypotheses: [[Token]], references: [[Token]]) {
        precondition(
            hypotheses.count == references.count,
            "accuracy got \(hypotheses.count) hypotheses for \(references.count) references")
        matchedTokens = 0
        countedTokens = 0
        exactSequences = 0
        sequences = hypotheses.count
        for (hypothesis, reference) in zip(hypotheses, references) {
            matchedTokens += zip(hypothesis, reference).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
            countedTokens += max(hypothesis.count, reference.count)
            if hypothesis == reference { exactSequences += 1 }
        }
    }

    /// `matchedTokens / countedTokens`; nil when no position was counted (no pairs, or only empty ones).
    public var tokenAccuracy: Double? {
        countedTokens == 0 ? nil : Double(matchedTokens) / Double(countedTokens)
    }

    /// `exactSequences / sequences`; nil for an empty corpus.
    public var exactMatch: Double? {
        sequences == 0 ? nil : Double(exactSequences) / Double(sequences)
    }
}
