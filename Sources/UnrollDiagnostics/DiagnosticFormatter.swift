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
        let text = String(lines[line - 1]).replacingTabs()
        out += "\n" + text
        let column = max(1, range.start.column)
        let pad = String(repeating: " ", count: column - 1)
        let tildes = String(repeating: "~", count: max(0, range.length - 1))
        out += "\n" + pad + "^" + tildes
        return out
    }

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
