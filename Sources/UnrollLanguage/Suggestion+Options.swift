import UnrollDiagnostics

extension Suggestion {
    /// The closest of a small fixed set of options (`"chr"` → `"char"`), allowing a distance of up to half
    /// the word, since option lists are short and a wrong pick is cheap to spot.
    static func closestOption(to word: String, in options: [String]) -> String? {
        if let close = closest(to: word, in: options) { return close }
        let limit = max(1, word.count / 2)
        var best: (String, Int)?
        for option in options {
            let d = distance(word.lowercased(), option.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (option, d) }
        }
        return best?.0
    }
}
