import Foundation
import UnrollDiagnostics
import UnrollRecord
@testable import UnrollReport

/// A report document that uses every block kind, output kind and cell status.
enum ReportFixtures {
    static let lossCurve = SeriesOutput(
        title: "Training loss", xLabel: "epoch", yLabel: "cross-entropy",
        lines: [
            SeriesLine(name: "train", y: (1...30).map { 2.4 * exp(-Double($0) / 9) + 0.35 }),
            SeriesLine(name: "valid", y: (1...30).map { $0 == 12 ? .nan : 2.5 * exp(-Double($0) / 10) + 0.52 }),
        ])

    static let attention = HeatmapOutput(
        title: "Attention for \"3 1 4 1 5 9\"", rowLabels: ["9", "5", "1", "4", "1", "3"],
        columnLabels: ["3", "1", "4", "1", "5", "9"],
        values: (0..<6).map { row in
            let raw = (0..<6).map { col in exp(-Double(abs(5 - row - col)) * 1.6) }
            let total = raw.reduce(0, +)
            return raw.map { $0 / total }
        })

    static let confusion = TableOutput(
        title: "Confusion matrix", columns: ["predicted ham", "predicted spam"], rowHeaders: ["ham", "spam"],
        rows: [[.number(412), .number(9)], [.number(14), .number(165)]])

    static func document() -> ReportDocument {
        let train = CellRecord(
            id: "train", index: 0, sourceLine: 14, status: .passed,
            check: CheckSettings(mode: .loose, relativeTolerance: 1e-3),
            outputs: [
                .series("lm/history", lossCurve),
                .scalar("print-1", 0.943_218_75, label: "accuracy"),
                .scalar("print-2", 1.5e-7),
                .text("print-3", "sample: 床前明月光 <script>alert('x')</script>\nsecond line & more"),
            ])
        let attend = CellRecord(
            id: "attend", index: 1, sourceLine: 30, status: .passed,
            outputs: [.heatmap("attention-1", attention), .table("table-1", confusion)])
        let failing = CellRecord(
            id: "cell-3", index: 2, sourceLine: 40, status: .failed,
            error: CellError(
                message: "unknown layer 'LTSM'; did you mean 'LSTM'? <script>alert(1)</script>",
                location: SourceLocation(file: "notebooks/demo.md", line: 41, column: 18)))
        let skipped = CellRecord(id: "cell-4", index: 3, sourceLine: 46, status: .skipped)
        let notRun = CellRecord(id: "slow", index: 4, sourceLine: 52, status: .notRun)
        return ReportDocument(
            title: "Demo <notebook>", notebookPath: "notebooks/demo.md", seed: 7,
            params: [
                Parameter(name: "hidden", value: .int(64)), Parameter(name: "lr", value: .double(0.003)),
                Parameter(name: "cell", value: .string("LSTM")),
            ],
            blocks: [
                .prose(
                    html: "<h2>Language model</h2>\n<p>We train a <em>small</em> LSTM on poems.</p>\n",
                    markdown: "## Language model\n\nWe train a *small* LSTM on poems.\n"),
                .code(language: "python", text: "print('hello')\n"),
                .cell(ReportCell(source: "fit lm on train { epochs: 30 }\nplot lm.history\n", record: train)),
                .prose(html: "<p>Attention of the reverser:</p>\n", markdown: "Attention of the reverser:\n"),
                .cell(ReportCell(source: "show attention(mt, \"3 1 4 1 5 9\")\n", echo: false, record: attend)),
                .cell(ReportCell(source: "m = Seq(rnn: LTSM(hidden: 8))\n", record: failing)),
                .cell(ReportCell(source: "print \"<b>never</b>\"\n", record: skipped)),
                .cell(ReportCell(source: "fit big on corpus { epochs: 500 }\n", record: notRun)),
            ])
    }

    static func record() -> RunRecord {
        let document = document()
        return RunRecord(
            notebookPath: document.notebookPath, notebookSource: "---\ntitle: Demo\n---\n", unrollVersion: "0.1.0",
            seed: document.seed, params: document.params, title: document.title,
            cells: document.cells.map(\.record))
    }
}
