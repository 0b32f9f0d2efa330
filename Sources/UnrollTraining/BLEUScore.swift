/// The parts of a corpus BLEU score: the score, the clipped n-gram counts behind each precision, the brevity
/// penalty and the corpus lengths it came from.
public struct BLEUScore: Equatable, Sendable {
    /// The score in 0…1: `brevityPenalty · exp(Σ log(pₙ) / maxOrder)`, 0 when any precision is 0.
    public var bleu: Double
    /// Clipped n-gram matches summed over the corpus, index 0 for unigrams.
    public var matches: [Int]
    /// Hypothesis n-grams summed over the corpus (the precision denominators), index 0 for unigrams.
    public var totals: [Int]
    /// The brevity penalty: 1 when the hypotheses are longer than the references, else `exp(1 − r/c)`
    /// (0 when the hypotheses are empty).
    public var brevityPenalty: Double
    /// The total hypothesis length `c` in tokens.
    public var hypothesisLength: Int
    /// The total reference length `r` in tokens (for each hypothesis, its closest reference's length).
    public var referenceLength: Int

    /// A score from its parts, as `CorpusBLEU` computes them.
    public init(
        bleu: Double, matches: [Int], totals: [Int], brevityPenalty: Double, hypothesisLength: Int,
        referenceLength: Int
    ) {
        precondition(
            matches.count == totals.count, "BLEU score has \(matches.count) match counts for \(totals.count) totals")
        self.bleu = bleu
        self.matches = matches
        self.totals = totals
        self.brevityPenalty = brevityPenalty
        self.hypothesisLength = hypothesisLength
        self.referenceLength = referenceLength
    }

    /// The highest n-gram order counted.
    public var maxOrder: Int { matches.count }

    /// The modified precisions `matches[n] / totals[n]`, index 0 for unigrams; 0 where an order has no
    /// hypothesis n-grams at all.
    public var precisions: [Double] {
        zip(matches, totals).map { $1 == 0 ? 0 : Double($0) / Double($1) }
    }

    /// The ratio of hypothesis to reference length `c / r` (0 when both are empty).
    public var lengthRatio: Double {
        referenceLength == 0 ? 0 : Double(hypothesisLength) / Double(referenceLength)
    }
}
