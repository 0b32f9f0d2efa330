import UnrollRecord
import XCTest
@testable import UnrollReport

final class MarkdownReportTests: XCTestCase {
    private let report = MarkdownReport(ReportFixtures.document(), name: "demo")

    func testHeaderListsNotebookSeedParamsAndCounts() {
        XCTAssertTrue(
            report.text.hasPrefix(
                """
                # Demo \\<notebook\\>

                - **Notebook:** `notebooks/demo.md`
                - **Seed:** 7
                - **Parameters:** `hidden = 64`, `lr = 0.003`, `cell = "LSTM"`
                - **Cells:** 2 passed, 1 failed, 1 skipped, 1 not run

                ## Language model

                We train a *small* LSTM on poems.

                ```python
                print('hello')
                ```

                ```rnn
                fit lm on train { epochs: 30 }
                plot lm.history
                ```

                ![Training loss](demo/train-lm-history.svg)

                *Figure 1*

                | epoch | train | valid |
                | ---: | ---: | ---: |
                | 1 | 2.49761 | 2.78209 |

                """), report.text)
        XCTAssertTrue(report.text.hasSuffix("> *Not run:* cell `slow` has `eval=false`.\n"))
    }

    func testFiguresAreSVGFilesInTheReportFolder() {
        XCTAssertEqual(report.figures.map(\.relativePath), ["demo/train-lm-history.svg"])
        XCTAssertTrue(report.figures[0].contents.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        XCTAssertNil(XMLCollector.parse(report.figures[0].contents).error)
    }

    func testLongSeriesTableIsSampledWithFirstAndLast() {
        XCTAssertTrue(report.text.contains("| 30 | 0.435618 | 0.644468 |\n\n*20 of 30 points shown, evenly spaced.*\n"))
        XCTAssertTrue(report.text.contains("| 12 | 0.982633 | nan |"))
        let table = report.text.components(separatedBy: "| epoch | train | valid |\n")[1].components(separatedBy: "\n\n")[0]
        let rows = table.split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, 20)
        XCTAssertEqual(rows.first, "| 1 | 2.49761 | 2.78209 |")
    }

    func testLinesWithDifferentXGetTheirOwnTables() {
        let series = SeriesOutput(
            title: "", xLabel: "", yLabel: "",
            lines: [SeriesLine(name: "a", x: [1, 2], y: [3, 4]), SeriesLine(name: "b", x: [1, 3], y: [5, 6])])
        XCTAssertEqual(
            MarkdownReport.seriesTables(series),
            ["| x | a |\n| ---: | ---: |\n| 1 | 3 |\n| 2 | 4 |\n", "| x | b |\n| ---: | ---: |\n| 1 | 5 |\n| 3 | 6 |\n"])
    }

    func testTablesHeatmapsTextAndScalars() {
        XCTAssertTrue(report.text.contains(
            "**Confusion matrix**\n\n|  | predicted ham | predicted spam |\n| --- | ---: | ---: |\n| ham | 412 | 9 |\n| spam | 14 | 165 |\n"))
        XCTAssertTrue(report.text.contains("**Attention for \"3 1 4 1 5 9\"**\n\n|  | 3 | 1 | 4 | 1 | 5 | 9 |\n| --- | ---: |"))
        XCTAssertTrue(report.text.contains("| 9 | 0.00 | 0.00 | 0.01 | 0.03 | 0.16 | **0.80** |\n"))
        XCTAssertTrue(report.text.contains("| 3 | **0.80** | 0.16 | 0.03 | 0.01 | 0.00 | 0.00 |\n\n*Bold: largest value in its row.*\n"))
        XCTAssertTrue(report.text.contains("```text\nsample: 床前明月光 <script>alert('x')</script>\nsecond line & more\n```\n"))
        XCTAssertTrue(report.text.contains("**accuracy:** 0.943219\n\n**print-2:** 1.5e-7\n"))
        XCTAssertFalse(report.text.contains("show attention"), "echo=false hides the source")
        let mixed = TableOutput(columns: ["k", "v"], rows: [[.text("a"), .number(1)], [.text("b"), .number(.nan)]])
        XCTAssertEqual(MarkdownReport.table(mixed), "| k | v |\n| --- | ---: |\n| a | 1 |\n| b | nan |\n")
        XCTAssertEqual(MarkdownReport.table(TableOutput(columns: [], rows: [])), "*(empty table)*\n")
    }

    func testHeatmapLabelsAreEscapedAndRowMaximaBold() {
        let heatmap = HeatmapOutput(
            title: "t", rowLabels: ["a|b", "`x`"], columnLabels: ["<c>", "d*"], values: [[0.3, 0.7], [0.5, 0.5]])
        XCTAssertEqual(
            MarkdownReport.heatmapTable(heatmap),
            "|  | \\<c\\> | d\\* |\n| --- | ---: | ---: |\n| a\\|b | 0.30 | **0.70** |\n| \\`x\\` | **0.50** | **0.50** |\n"
                + "\n*Bold: largest value in its row.*\n")
        let missing = HeatmapOutput(title: "", rowLabels: ["r"], columnLabels: ["c"], values: [[.nan]])
        XCTAssertTrue(MarkdownReport.heatmapTable(missing).contains("| r | nan |\n"), "no bold without a finite value")
    }

    func testErrorsAreBlockquotesWithLocationAndEscapedMessage() {
        XCTAssertTrue(report.text.contains(
            "> **Error** in cell `cell-3` at `notebooks/demo.md:41:18`:\n>\n> unknown layer 'LTSM'; did you mean 'LSTM'? \\<script\\>alert(1)\\</script\\>\n"))
        XCTAssertTrue(report.text.contains("> *Skipped:* cell `cell-4` was not run because an earlier cell failed.\n"))
    }

    func testFigureNamesAreUniqueAndSafe() {
        var naming = FigureNaming()
        XCTAssertEqual(naming.fileName(cellID: "train", outputName: "lm/history"), "train-lm-history.svg")
        XCTAssertEqual(naming.fileName(cellID: "train", outputName: "lm history"), "train-lm-history-2.svg")
        XCTAssertEqual(naming.fileName(cellID: "../x", outputName: "p"), "-x-p.svg", "no leading dots, no slashes")
        XCTAssertEqual(naming.fileName(cellID: "图", outputName: "plot-1"), "--plot-1.svg")
        XCTAssertEqual(MarkdownReport.linkDestination("my notes/a b.svg"), "my%20notes/a%20b.svg")
    }

    func testSameDocumentSameBytes() {
        XCTAssertEqual(MarkdownReport(ReportFixtures.document(), name: "demo"), report)
    }
}
