import UnrollRecord

/// Everything a report shows: the notebook's title, path, hash, seed, parameters and the Unroll version, then its
/// blocks in order.
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
    /// The version of Unroll that ran the notebook; empty when unknown (the header leaves it out).
    public var unrollVersion: String
    /// The SHA-256 of the notebook's text (64 hex digits); empty when unknown (the header leaves it out).
    public var notebookHash: String
    /// Wall-clock seconds of the whole run, only with `--timings`.
    public var totalSeconds: Double?

    /// A document from its parts.
    public init(title: String, notebookPath: String, seed: UInt64, params: [Parameter], blocks: [ReportBlock],
                unrollVersion: String = "", notebookHash: String = "", totalSeconds: Double? = nil) {
        self.title = title
        self.notebookPath = notebookPath
        self.seed = seed
        self.params = params
        self.blocks = blocks
        self.unrollVersion = unrollVersion
        self.notebookHash = notebookHash
        self.totalSeconds = totalSeconds
    }

    /// The title, or the notebook path when the title is empty.
    public var displayTitle: String { title.isEmpty ? notebookPath : title }

    /// The rnn cells, in order.
    public var cells: [ReportCell] {
        blocks.compactMap { if case .cell(let cell) = $0 { return cell } else { return nil } }
    }

    /// The number of each figure (a series output), by cell id and output name, counting from 1 in notebook order.
    public var figureNumbers: [String: Int] {
        var numbers: [String: Int] = [:]
        for cell in cells {
            for output in cell.record.outputs {
                if case .series = output.content { numbers[cell.record.id + "/" + output.name] = numbers.count + 1 }
            }
        }
        return numbers
    }

    /// How many cells passed, failed, were skipped or not run.
    public var summary: ReportSummary { ReportSummary(cells: cells.map(\.record)) }
}
