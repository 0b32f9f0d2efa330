/// "Did you mean …?" suggestions by edit distance.
public enum Suggestion {
    /// The `; did you mean 'x'?` ending of a message, or nothing when there is no suggestion.
    public static func hint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The candidate closest to `word` (case-insensitive Damerau–Levenshtein distance), if it is close enough
    /// to be a plausible typo: at most a third of the word's length (at least 1 edit allowed), and not a
    /// replacement of every character (so `Q` does not suggest `B`).
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            let replacesEverything = d >= max(word.count, candidate.count)
            if d <= limit, !replacesEverything, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    /// The optimal-string-alignment edit distance (insert, delete, substitute, swap neighbours).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
