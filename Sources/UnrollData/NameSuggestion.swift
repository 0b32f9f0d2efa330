/// "Did you mean …?" hints for names the user typed (columns, token units), by edit distance.
///
/// This module depends only on UnrollTensor, so it keeps its own small edit-distance helper.
enum NameSuggestion {
    /// The candidate closest to `word` (case-insensitive edit distance, a swap of neighbours counting as one
    /// edit) if it is within a third of the word's length (at least one edit) and does not replace every
    /// character (so `Q` does not suggest `B`).
    static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            let replacesEverything = d >= max(word.count, candidate.count)
            if d <= limit, !replacesEverything, best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best?.name
    }

    /// The optimal-string-alignment distance (insert, delete, substitute, swap neighbours), in characters.
    static func distance(_ a: String, _ b: String) -> Int {
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

    /// `unknown KIND 'name'; did you mean 'x'? (available: 'a', 'b')`, the hint only when one is close.
    static func unknownNameMessage(kind: String, name: String, available: [String]) -> String {
        var message = "unknown \(kind) '\(name)'"
        if let near = closest(to: name, in: available) { message += "; did you mean '\(near)'?" }
        let listed = available.map { "'\($0)'" }.joined(separator: ", ")
        message += available.isEmpty ? " (there are none)" : " (available: \(listed))"
        return message
    }
}
