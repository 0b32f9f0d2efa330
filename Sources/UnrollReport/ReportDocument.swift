import UnrollRecord

/// Everything a report shows: the notebook's title, path, seed and parameters, then its blocks in order.
public struct ReportDocument: Equatable, Sendable {
    /// The notebook's title (front matter `title`).
    public var title: String
    /// The notebook's path as given on the command line.
    public var notebookPath: String
    /// The seed of the run.
    public var seed: UInt64
    /// The parameters in effect, in the order the reports list them.
    public var params: [Parameter]
    /// The prose, code blocks and cells, in notebook order.
    public var blocks: [ReportBlock]

    /// A document from its parts.
    public init(title: String, notebookPath: String, seed: UInt64, params: [Parameter], blocks: [ReportBlock]) {
        self.title = title
        self.notebookPath = notebookPath
        self.seed = seed
        self.params = params
        self.blocks = blocks
    }

    /// The title, or the notebook path when the title is empty.
    public var displayTitle: String { title.isEmpty ? notebookPath : title }

    /// The rnn cells, in order.
    public var cells: [ReportCell] {
        blocks.compactMap { if case .cell(let cell) = $0 { return cell } else { return nil } }
    }

    /// How many cells passed, failed, were skipped or not run.
    public var summary: ReportSummary { ReportSummary(cells: cells.map(\.record)) }
}
