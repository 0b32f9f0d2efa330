/// How often each n-gram of one order occurs in a token sequence.
struct NGramCounts<Token: Hashable> {
    /// The count of every n-gram that occurs.
    private(set) var counts: [ArraySlice<Token>: Int] = [:]
    /// The number of n-grams in the sequence (`max(0, length − order + 1)`).
    let total: Int

    /// The `order`-grams of `tokens`.
    init(_ tokens: [Token], order: Int) {
        precondition(order >= 1, "n-gram order must be at least 1, got \(order)")
        total = max(0, tokens.count - order + 1)
        for start in 0..<total {
            counts[tokens[start..<(start + order)], default: 0] += 1
        }
    }

    /// The occurrences of `gram` (0 when absent).
    subscript(gram: ArraySlice<Token>) -> Int { counts[gram] ?? 0 }

    /// The matches clipped as Papineni et al. do: each n-gram counts at most as often as it occurs in the
    /// reference that holds it most often.
    func clippedMatches(against references: [NGramCounts<Token>]) -> Int {
        var matched = 0
        for (gram, count) in counts {
            let allowed = references.reduce(0) { max($0, $1[gram]) }
            matched += min(count, allowed)
        }
        return matched
    }
}
