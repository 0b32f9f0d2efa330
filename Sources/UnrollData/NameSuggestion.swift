import UnrollDiagnostics

/// "Did you mean …?" messages for names the user typed in data files (columns, labels, tags, token units).
enum NameSuggestion {
    /// The candidate closest to `word`, if it is a plausible typo (see `Suggestion.closest`).
    static func closest(to word: String, in candidates: [String]) -> String? {
        Suggestion.closest(to: word, in: candidates)
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
