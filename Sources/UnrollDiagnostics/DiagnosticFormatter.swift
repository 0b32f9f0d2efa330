/// Renders diagnostics the way compilers do: the location line, the source line, and a caret under the place.
public struct DiagnosticFormatter: Sendable {
    /// The full text of the file the diagnostics point into, split into lines.
    private let lines: [Substring]

    /// A formatter for diagnostics into `source` (the whole `.md` file).
    public init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `path:line:col: error: message`, then the source line and a caret line (`^~~~` for a range).
    public func format(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description
        let line = diagnostic.location.line
        guard line >= 1, line <= lines.count else { return out }
        let text = String(lines[line - 1]).replacingTabs()
        out += "\n" + text
        let column = max(1, diagnostic.location.column)
        let pad = String(repeating: " ", count: column - 1)
        let tildes = String(repeating: "~", count: max(0, diagnostic.range.length - 1))
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
