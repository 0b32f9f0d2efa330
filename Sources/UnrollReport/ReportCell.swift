import UnrollRecord

/// A ```` ```rnn ```` cell as the reports show it: its source, whether to show the source, and what it did.
public struct ReportCell: Equatable, Sendable {
    /// The cell's source text (without the fences).
    public var source: String
    /// Whether the source is shown (`echo=false` hides it; outputs are shown either way).
    public var echo: Bool
    /// The cell's record: id, status, error and outputs.
    public var record: CellRecord

    /// A cell from its parts.
    public init(source: String, echo: Bool = true, record: CellRecord) {
        self.source = source
        self.echo = echo
        self.record = record
    }

    /// The 1-based line of the cell's opening fence in the `.md` file.
    public var sourceLine: Int { record.sourceLine }
}
