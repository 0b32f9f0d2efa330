/// Renders diagnostics the way compilers do: the location line, the source line, and a caret under the place.
public struct DiagnosticFormatter: Sendable {
    /// The full text of the file the diagnostics point into, split into lines.
    private let lines: [Substring]

    /// A formatter for diagnostics into `source` (the whole `.md` file).
    public init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `path:line:col: error: message`, then the source line and a caret line (`^~~~` for a range), then
    /// each note the same way.
    public func format(_ diagnostic: Diagnostic) -> String {
        var out = excerpt(diagnostic.description, at: diagnostic.range)
        for note in diagnostic.notes {
            out += "\n" + excerpt("\(note.range.start): \(Severity.note.rawValue): \(note.message)", at: note.range)
        }
        return out
    }

    /// `heading`, then the line `range` is on and a caret under the range, when the line exists.
    private func excerpt(_ heading: String, at range: SourceRange) -> String {
        var out = heading
        let line = range.start.line
        guard line >= 1, line <= lines.count else { return out }
        let text = Array(String(lines[line - 1]).replacingTabs())
        let column = max(1, range.start.column)
        // A very long line (a generated 100,000-term expression) is shown as a window around the caret.
        let width = Self.excerptWidth
        let start = text.count > width ? max(0, min(column - 1 - width / 2, text.count - width)) : 0
        let end = min(text.count, start + width)
        let lead = start > 0 ? "…" : ""
        out += "\n" + lead + String(text[start..<end]) + (end < text.count ? "…" : "")
        let caret = column - start + lead.count
        let pad = String(repeating: " ", count: caret - 1)
        let tildes = String(repeating: "~", count: max(0, min(range.length - 1, end - column)))
        out += "\n" + pad + "^" + tildes
        return out
    }

    /// The most characters of a source line an excerpt shows.
    static let excerptWidth = 160

    /// Every diagnostic formatted, separated by newlines.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }
}

extension String {
    /// Tabs shown as single spaces so that caret columns line up.
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
