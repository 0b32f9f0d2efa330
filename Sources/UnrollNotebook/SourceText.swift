/// A notebook's text with line endings normalised to LF, split into lines so that parts can be sliced out
/// by the 1-based line numbers that cmark, YAML and diagnostics use.
struct SourceText: Sendable {
    /// The whole text: CRLF and lone CR turned into LF, a leading byte-order mark dropped.
    let text: String
    /// The lines without their terminators; a final line terminator does not start an extra line.
    let lines: [String]

    /// Normalises `raw` and splits it into lines.
    init(_ raw: String) {
        var scalars = String.UnicodeScalarView()
        var iterator = raw.unicodeScalars.makeIterator()
        var pending = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        while let scalar = pending {
            pending = iterator.next()
            if scalar == "\r" {
                scalars.append("\n")
                if pending == "\n" { pending = iterator.next() }
            } else {
                scalars.append(scalar)
            }
        }
        let text = String(scalars)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.isEmpty || text.hasSuffix("\n") { lines.removeLast() }
        self.text = text
        self.lines = lines
    }

    /// The number of lines.
    var lineCount: Int { lines.count }

    /// Line `number` (1-based) without its terminator, or nil past either end.
    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// Lines `first...last` (1-based, clamped to the text), each followed by LF; empty when the range is.
    func slice(from first: Int, through last: Int) -> String {
        let low = max(1, first), high = min(lines.count, last)
        guard low <= high else { return "" }
        return lines[(low - 1)...(high - 1)].map { $0 + "\n" }.joined()
    }

    /// Whether line `number` is empty or holds only spaces and tabs (lines past the end count as blank).
    func isBlank(_ number: Int) -> Bool {
        guard let text = line(number) else { return true }
        return text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The same text with lines `first...last` emptied (their content removed, their terminators kept), so
    /// that a parser given the result still counts lines as the file does.
    func blankingLines(from first: Int, through last: Int) -> String {
        var out = ""
        for (offset, text) in lines.enumerated() {
            let number = offset + 1
            if number < first || number > last { out += text }
            out += "\n"
        }
        return out
    }
}
