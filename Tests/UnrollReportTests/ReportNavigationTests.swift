import Foundation
import UnrollDiagnostics
import UnrollRecord
import XCTest
@testable import UnrollReport

/// The parts of a report that help a reader find their way (issue 10, items 8 and 9): the header block, the table
/// of contents, foldable sources, numbered and captioned figures, expect outcomes with their values, and text that
/// wraps instead of being clipped.
final class ReportNavigationTests: XCTestCase {
    /// A document with three headings (two alike), a captioned plot, an uncaptioned one and two expects.
    private func document(timings: Double? = nil) -> ReportDocument {
        let cell = CellRecord(
            id: "train", index: 0, sourceLine: 9, status: .passed,
            outputs: [
                .series("fit-1", SeriesOutput(title: "fit lm on train", xLabel: "epoch", yLabel: "loss",
                                              lines: [SeriesLine(name: "train loss", y: [3, 2])])),
                .series("plot-1", SeriesOutput(title: "lm.history", xLabel: "epoch", yLabel: "loss",
                                               lines: [SeriesLine(name: "train loss", y: [3, 2])],
                                               caption: "Loss <falls> & keeps falling")),
                .scalar("expect-1", 1, label: "accuracy(m, test) >= 0.95",
                        expectation: Expectation(passed: true, left: "0.982", comparison: ">=", right: "0.95")),
                .scalar("expect-2", 1, label: "done",
                        expectation: Expectation(passed: true, left: "true")),
            ])
        let failing = CellRecord(
            id: "judge", index: 1, sourceLine: 20, status: .failed,
            error: CellError(message: "expected loss < 0.1, got 0.5 < 0.1",
                             location: SourceLocation(file: "n.md", line: 21, column: 8)),
            outputs: [.scalar("expect-1", 0, label: "loss < 0.1",
                              expectation: Expectation(passed: false, left: "0.5", comparison: "<", right: "0.1"))])
        return ReportDocument(
            title: "Poems", notebookPath: "notebooks/poems.md", seed: 3, params: [],
            blocks: [
                .prose(html: "<h1>Tang poems</h1>\n<p>x</p>\n<h2>Data &amp; &lt;vocab&gt;</h2>\n", markdown: "# Tang poems\n\nx\n\n## Data & <vocab>\n"),
                .cell(ReportCell(source: "fit lm on train\nplot lm.history { caption: \"Loss\" }\n", record: cell)),
                .prose(html: "<h2>Data &amp; &lt;vocab&gt;</h2>\n", markdown: "## Data & <vocab>\n"),
                .cell(ReportCell(source: "expect loss < 0.1", record: failing)),
            ],
            unrollVersion: "0.9.0", notebookHash: String(repeating: "ab", count: 32), totalSeconds: timings)
    }

    func testTheHeaderNamesVersionHashAndSeedAndTimesOnlyWithTimings() {
        let html = HTMLReport.render(document())
        XCTAssertTrue(html.contains("<dt>SHA-256</dt><dd><code class=\"hash\">\(String(repeating: "ab", count: 32))</code></dd>"), html)
        XCTAssertTrue(html.contains("<dt>Unroll</dt><dd>0.9.0</dd><dt>Seed</dt><dd>3</dd>"))
        XCTAssertFalse(html.contains("<dt>Time</dt>"))
        XCTAssertTrue(HTMLReport.render(document(timings: 12.345)).contains("<dt>Time</dt><dd>12.35 s</dd>"))
        let markdown = MarkdownReport(document(), name: "poems").text
        XCTAssertTrue(markdown.contains("- **SHA-256:** `\(String(repeating: "ab", count: 32))`\n- **Unroll:** 0.9.0\n- **Seed:** 3\n"), markdown)
        XCTAssertFalse(markdown.contains("**Time:**"))
        XCTAssertTrue(MarkdownReport(document(timings: 2), name: "poems").text.contains("- **Time:** 2.00 s\n"))
    }

    func testContentsLinkEveryHeadingWithUniqueGitHubAnchors() {
        let html = HTMLReport.render(document())
        XCTAssertTrue(html.contains("<nav class=\"toc\" aria-label=\"Contents\"><p class=\"toc-title\">Contents</p><ul>\n"
            + "<li class=\"toc-level-1\"><a href=\"#tang-poems\">Tang poems</a></li>\n"
            + "<li class=\"toc-level-2\"><a href=\"#data--vocab\">Data &amp; &lt;vocab&gt;</a></li>\n"
            + "<li class=\"toc-level-2\"><a href=\"#data--vocab-1\">Data &amp; &lt;vocab&gt;</a></li>\n</ul></nav>"), html)
        XCTAssertTrue(html.contains("<h1 id=\"tang-poems\">Tang poems</h1>"))
        XCTAssertTrue(html.contains("<h2 id=\"data--vocab\">Data &amp; &lt;vocab&gt;</h2>"))
        XCTAssertTrue(html.contains("<h2 id=\"data--vocab-1\">Data &amp; &lt;vocab&gt;</h2>"))
        let markdown = MarkdownReport(document(), name: "poems").text
        XCTAssertTrue(markdown.contains("**Contents**\n\n- [Tang poems](#tang-poems)\n  - [Data \\& \\<vocab\\>](#data--vocab)\n"
            + "  - [Data \\& \\<vocab\\>](#data--vocab-1)\n"), markdown)
    }

    func testHeadingAnchorsAvoidCellIdsAndOneHeadingGetsNoContents() {
        XCTAssertEqual(ReportHeadings.slug("Cell Train!"), "cell-train")
        XCTAssertEqual(ReportHeadings.slug("床前 明月"), "床前-明月")
        XCTAssertEqual(ReportHeadings.slug("?!"), "section")
        let document = ReportDocument(
            title: "t", notebookPath: "n.md", seed: 1, params: [],
            blocks: [.prose(html: "<h2>Cell train</h2>\n", markdown: "## Cell train\n"),
                     .cell(ReportCell(source: "", record: CellRecord(id: "train", index: 0, sourceLine: 3, status: .passed)))])
        let html = HTMLReport.render(document)
        XCTAssertTrue(html.contains("<h2 id=\"cell-train-1\">Cell train</h2>"), html)
        XCTAssertFalse(html.contains("<nav class=\"toc\""))
    }

    func testSourcesFoldOpenInDetailsWithoutAScript() {
        let html = HTMLReport.render(document())
        XCTAssertTrue(html.contains("<details class=\"source\" open=\"\"><summary>Source, 2 lines</summary><pre class=\"source\">"), html)
        XCTAssertTrue(html.contains("<summary>Source, 1 line</summary>"))
        XCTAssertFalse(html.lowercased().contains("<script"))
    }

    func testFiguresAreNumberedInOrderAndCaptioned() {
        let html = HTMLReport.render(document())
        XCTAssertTrue(html.contains("<figcaption><strong>Figure 1</strong></figcaption>"), html)
        XCTAssertTrue(html.contains("<figcaption><strong>Figure 2.</strong> Loss &lt;falls&gt; &amp; keeps falling</figcaption>"))
        let markdown = MarkdownReport(document(), name: "poems").text
        XCTAssertTrue(markdown.contains("(poems/train-fit-1.svg)\n\n*Figure 1*\n"), markdown)
        XCTAssertTrue(markdown.contains("(poems/train-plot-1.svg)\n\n*Figure 2. Loss \\<falls\\> \\& keeps falling*\n"), markdown)
    }

    func testExpectShowsItsMarkAndValuesInsteadOfOne() {
        let html = HTMLReport.render(document())
        XCTAssertTrue(html.contains("<div class=\"output output-expect expect-passed\" data-output=\"expect-1\">"
            + "<span class=\"expect-mark\" aria-label=\"passed\">✓</span> <code>expect accuracy(m, test) &gt;= 0.95</code> "
            + "<span class=\"expect-values\">(0.982 ≥ 0.95)</span></div>"), html)
        XCTAssertTrue(html.contains("<code>expect done</code> <span class=\"expect-values\">(true)</span>"))
        XCTAssertTrue(html.contains("<span class=\"expect-mark\" aria-label=\"failed\">✗</span> <code>expect loss &lt; 0.1</code> "
            + "<span class=\"expect-values\">(0.5 is not &lt; 0.1)</span>"))
        XCTAssertFalse(html.contains("<span class=\"scalar-value\">1</span>"))
        let markdown = MarkdownReport(document(), name: "poems").text
        XCTAssertTrue(markdown.contains("✓ `expect accuracy(m, test) >= 0.95` (0.982 ≥ 0.95)\n"), markdown)
        XCTAssertTrue(markdown.contains("✗ `expect loss < 0.1` (0.5 is not \\< 0.1)\n"), markdown)
        XCTAssertFalse(markdown.contains("**accuracy(m, test) >= 0.95:** 1"))
    }

    func testLongLinesWrapInsteadOfBeingClipped() {
        let css = ReportStyleSheet.css
        let pre = css.range(of: "pre {")!
        let rule = css[pre.lowerBound...].prefix { $0 != "}" }
        XCTAssertTrue(rule.contains("white-space: pre-wrap; overflow-wrap: anywhere;"), String(rule))
        XCTAssertFalse(rule.contains("overflow-x: auto"), "a clipped, scrolled sample is what issue 10 reported")
    }
}
