/// "Did you mean …?" hints for names the user typed (columns, token units), by edit distance.
///
/// This module depends only on UnrollTensor, so it keeps its own small edit-distance helper.
enum NameSuggestion {
    /// The candidate closest to `word` (case-insensitive Levenshtein distance) if it is within a third of the
    /// word's length (at least one edit).
    static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit, best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best?.name
    }

    /// The Levenshtein distance between two strings, counted in characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
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
