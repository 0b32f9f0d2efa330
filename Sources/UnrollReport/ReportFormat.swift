import UnrollDiagnostics

/// The report files `unroll run --format` can ask for.
public enum ReportFormat: String, CaseIterable, Sendable, Comparable {
    /// `NAME.html`, self-contained.
    case html
    /// `NAME.md` plus figures in `NAME/`.
    case md
    /// `NAME.json`, the run record.
    case json

    /// Reads a comma-separated list such as `html,md`, throwing `ReportFormatError` for an unknown or empty
    /// entry; duplicates are dropped and the result is in declaration order.
    public static func list(from text: String) throws -> [ReportFormat] {
        var formats: Set<ReportFormat> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let word = part.trimmingCharacters(in: " ")
            guard let format = ReportFormat(rawValue: word.lowercased()) else {
                var message = word.isEmpty ? "empty report format in '\(text)'" : "unknown report format '\(word)'"
                if let guess = Suggestion.closest(to: word, in: allCases.map(\.rawValue)), !word.isEmpty {
                    message += "; did you mean '\(guess)'?"
                } else {
                    message += "; expected a comma-separated list of html, md, json"
                }
                throw ReportFormatError(message: message)
            }
            formats.insert(format)
        }
        return allCases.filter(formats.contains)
    }

    /// Declaration order: html, md, json.
    public static func < (lhs: ReportFormat, rhs: ReportFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Substring {
    /// The text without leading and trailing copies of `character`.
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var result = self
        while result.first == character { result = result.dropFirst() }
        while result.last == character { result = result.dropLast() }
        return String(result)
    }
}
