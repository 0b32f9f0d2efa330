import Foundation

/// Corpus-level BLEU (Papineni et al. 2002) over token sequences, without smoothing: modified n-gram
/// precisions for orders 1…`maxOrder` with clipped counts summed over the whole corpus, their geometric mean
/// with uniform weights, times the brevity penalty.
///
/// It agrees with NLTK's `corpus_bleu` and sacrebleu's `corpus_bleu(tokenize="none", smooth_method="none")`
/// (see `scripts/bleu_reference.py`) with two documented differences from NLTK: a precision with no matches
/// makes the score exactly 0 (NLTK returns a number near 1e-78), and a hypothesis too short to have n-grams
/// of some order adds nothing to that order's denominator (NLTK adds 1; sacrebleu adds nothing).
public enum CorpusBLEU {
    /// The score of `hypotheses`, each against one or more references (`references[i]` for hypothesis `i`).
    /// For the brevity penalty each hypothesis takes the length of its closest reference, the shorter one on a
    /// tie (as NLTK and sacrebleu do).
    public static func score<Token: Hashable>(
        hypotheses: [[Token]], references: [[[Token]]], maxOrder: Int = 4
    ) -> BLEUScore {
        precondition(maxOrder >= 1, "BLEU needs maxOrder ≥ 1, got \(maxOrder)")
        precondition(
            hypotheses.count == references.count,
            "BLEU got \(hypotheses.count) hypotheses for \(references.count) reference lists")
        var matches = Array(repeating: 0, count: maxOrder)
        var totals = Array(repeating: 0, count: maxOrder)
        var hypothesisLength = 0, referenceLength = 0
        for (i, (hypothesis, candidates)) in zip(hypotheses, references).enumerated() {
            precondition(!candidates.isEmpty, "BLEU hypothesis \(i) has no reference")
            hypothesisLength += hypothesis.count
            referenceLength += closestLength(candidates.map(\.count), to: hypothesis.count)
            for order in 1...maxOrder {
                let counts = NGramCounts(hypothesis, order: order)
                totals[order - 1] += counts.total
                matches[order - 1] += counts.clippedMatches(against: candidates.map { NGramCounts($0, order: order) })
            }
        }
        let penalty = brevityPenalty(hypothesisLength: hypothesisLength, referenceLength: referenceLength)
        var bleu = 0.0
        if zip(matches, totals).allSatisfy({ $0 > 0 && $1 > 0 }) {
            let logSum = zip(matches, totals).reduce(0.0) { $0 + log(Double($1.0) / Double($1.1)) }
            bleu = penalty * exp(logSum / Double(maxOrder))
        }
        return BLEUScore(
            bleu: bleu, matches: matches, totals: totals, brevityPenalty: penalty,
            hypothesisLength: hypothesisLength, referenceLength: referenceLength)
    }

    /// The score of `hypotheses` with one reference each.
    public static func score<Token: Hashable>(
        hypotheses: [[Token]], references: [[Token]], maxOrder: Int = 4
    ) -> BLEUScore {
        score(hypotheses: hypotheses, references: references.map { [$0] }, maxOrder: maxOrder)
    }

    /// The brevity penalty for total lengths `c` and `r`: 1 when `c > r`, 0 when `c = 0`, else `exp(1 − r/c)`.
    public static func brevityPenalty(hypothesisLength c: Int, referenceLength r: Int) -> Double {
        if c > r { return 1 }
        if c == 0 { return 0 }
        return exp(1 - Double(r) / Double(c))
    }

    /// The reference length closest to `length`, the shorter on a tie.
    static func closestLength(_ lengths: [Int], to length: Int) -> Int {
        lengths.min { a, b in
            let da = abs(a - length), db = abs(b - length)
            return da != db ? da < db : a < b
        }!
    }
}
