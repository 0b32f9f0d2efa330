/// Writes GitHub-flavoured Markdown pipe tables, escaping every cell.
public enum MarkdownTable {
    /// How a column's cells align.
    public enum Alignment: Sendable {
        /// Left-aligned (text).
        case left
        /// Right-aligned (numbers).
        case right
    }

    /// The table text (header row, delimiter row, body rows), each line ending in a newline. Every row must
    /// have one cell per header; cells are escaped as inline text.
    public static func render(header: [String], rows: [[String]], alignments: [Alignment]? = nil) -> String {
        renderEscaped(
            header: header.map(MarkdownEscaping.inline), rows: rows.map { $0.map(MarkdownEscaping.inline) },
            alignments: alignments)
    }

    /// The table text from cells that are already inline Markdown (escaped by the caller, possibly with
    /// emphasis), written as given.
    static func renderEscaped(header: [String], rows: [[String]], alignments: [Alignment]? = nil) -> String {
        precondition(!header.isEmpty, "a markdown table needs at least one column")
        let alignments = alignments ?? Array(repeating: .left, count: header.count)
        precondition(
            alignments.count == header.count, "table has \(header.count) columns but \(alignments.count) alignments")
        var out = line(header)
        out += "|" + alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for (i, row) in rows.enumerated() {
            precondition(row.count == header.count, "table row \(i) has \(row.count) cells for \(header.count) columns")
            out += line(row)
        }
        return out
    }

    /// One row of escaped cells: `| a | b |`.
    private static func line(_ cells: [String]) -> String {
        "|" + cells.map { " " + $0 + " |" }.joined() + "\n"
    }
}
