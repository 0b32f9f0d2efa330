import UnrollNotebook
import UnrollRecord
import UnrollReport

extension PreparedNotebook {
    /// The document the HTML and Markdown reports render for a run of this notebook that made `record`: the
    /// notebook's prose and code blocks with each cell's record in its place, and the record's title, seed, hash,
    /// version and time; `images` says what each prose image became (embedded, linked or a note). A baseline
    /// (which is a run record) gives the reports that run wrote.
    public func reportDocument(for record: RunRecord, images: [Int: ProseImageEmbedding] = [:]) -> ReportDocument {
        let byIndex = Dictionary(record.cells.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        let blocks: [ReportBlock] = notebook.blocks.compactMap { block in
            switch block {
            case .prose(let prose): return .prose(html: ProseImageEmbedding.apply(images, to: prose.html), markdown: prose.markdown)
            case .code(let code): return .code(language: code.language, text: code.code)
            case .cell(let cell):
                return byIndex[cell.index].map { .cell(ReportCell(source: cell.source, echo: cell.options.echo, record: $0)) }
            }
        }
        return ReportDocument(title: record.title, notebookPath: path, seed: record.seed,
                              params: params.map { Parameter(name: $0.name, value: $0.value) }, blocks: blocks,
                              unrollVersion: record.unrollVersion, notebookHash: record.notebookHash,
                              totalSeconds: record.totalSeconds)
    }
}
