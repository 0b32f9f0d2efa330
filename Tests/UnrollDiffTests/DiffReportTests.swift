import UnrollRecord
import UnrollReport
import UnrollTestSupport
import XCTest
@testable import UnrollDiff

/// The diff reports: the value table in Markdown, the overlaid curves (files linked from Markdown, inline in
/// HTML), heatmaps as one table or side by side with their difference, word diffs, and escaping.
final class DiffReportTests: XCTestCase {
    private typealias F = RecordFixtures

    func testTheValueTableRendersInMarkdown() {
        let old = F.record([F.cell("a", [.scalar("show-1", 0)]), F.cell("b", [.text("print-1", "x|y")])])
        let new = F.record([F.cell("a", [.scalar("show-1", 1e-7)]), F.cell("b", [.text("print-1", "x|z")])])
        let text = DiffMarkdown(RecordDiff(old: old, new: new), oldLabel: "a.json", newLabel: "b.json", figureFolder: nil).text
        XCTAssertTrue(text.contains("""
            | cell | output | key | old | new | abs diff | rel diff | verdict |
            | --- | --- | --- | ---: | ---: | ---: | ---: | --- |
            | a | show-1 |  | 0 | 1e-7 | 1e-7 | inf | beyond tolerance |
            | b | print-1 |  | "x\\|y" | "x\\|z" |  |  | beyond tolerance |

            """), text)
        XCTAssertTrue(text.contains("- **Old:** a.json (seed 1, Unroll 0.1.0)\n- **New:** b.json (seed 1, Unroll 0.1.0)\n"), text)
        XCTAssertTrue(text.contains("## Text\n\n### b / print-1\n\n~~x\\|y~~ **x\\|z**\n"), text)
    }

    func testMarkdownLinksTheOverlaidCurveAndPutsHeatmapChangesInOneTable() {
        let old = F.record([F.cell("fit", [F.curve(train: [2, 1], valid: [3, 2]), F.heatmap([[0.1, 0.9], [0.5, 0.5]])])])
        let new = F.record([F.cell("fit", [F.curve(train: [2, 0.5], valid: [3, 2]), F.heatmap([[0.1, 0.9], [0.25, 0.75]])])])
        let diff = RecordDiff(old: old, new: new)
        let markdown = DiffMarkdown(diff, oldLabel: "a", newLabel: "b", figureFolder: "pr diff")
        XCTAssertEqual(markdown.figures.map(\.relativePath), ["pr diff/fit-fit-1.svg"])
        XCTAssertTrue(markdown.text.contains("![loss](pr%20diff/fit-fit-1.svg)\n"), markdown.text)
        XCTAssertTrue(markdown.figures[0].contents.contains("train (old)"))
        XCTAssertTrue(markdown.text.contains("""
            |  | x | y |
            | --- | ---: | ---: |
            | a | 0.1 | 0.9 |
            | b | 0.5 → 0.25 (-0.25) | 0.5 → 0.75 (+0.25) |
            """), markdown.text)
        let toStdout = DiffMarkdown(diff, oldLabel: "a", newLabel: "b", figureFolder: nil)
        XCTAssertEqual(toStdout.figures, [])
        XCTAssertTrue(toStdout.text.contains("*The figure is written only with `--output FILE.md` (into `FILE/`).*"))
    }

    func testTheOverlaidPlotDrawsTheOldLinesDashedInTheNewLinesColours() {
        let old = SeriesOutput(title: "loss", xLabel: "epoch", yLabel: "loss",
                               lines: [SeriesLine(name: "train", y: [2, 1]), SeriesLine(name: "valid", y: [3, 2])])
        var new = old
        new.lines[0].y = [2, 0.5]
        let plot = OverlaidSeries.plot(old: old, new: new)
        XCTAssertEqual(plot.series.lines.map(\.name), ["train (old)", "train (new)", "valid (old)", "valid (new)"])
        XCTAssertEqual(plot.styles?.map(\.dashArray), ["6 4", nil, "6 4", nil])
        XCTAssertEqual(plot.styles?.map(\.color), [LineStyle.at(0).color, LineStyle.at(0).color,
                                                    LineStyle.at(1).color, LineStyle.at(1).color])
        let svg = plot.document()
        XCTAssertEqual(svg.components(separatedBy: "stroke-dasharray=\"6 4\"").count - 1, 4, "two dashed paths, two legend samples")
    }

    func testTheOverlaidPlotKeepsLogarithmicAxesAndPointStyles() {
        let old = SeriesOutput(title: "loss", xLabel: "epoch", yLabel: "loss",
                               lines: [SeriesLine(name: "obs", y: [2, 1], style: .points)], logY: true)
        var new = old
        new.lines[0].y = [2, 0.5]
        let plot = OverlaidSeries.plot(old: old, new: new)
        XCTAssertTrue(plot.series.logY)
        XCTAssertFalse(plot.series.logX)
        XCTAssertEqual(plot.series.lines.map(\.style), [.points, .points])
    }

    func testHTMLIsSelfContainedAndShowsHeatmapsSideBySideWithTheirDifference() {
        let old = F.record([F.cell("att", [F.heatmap([[0.1, 0.9], [0.5, 0.5]]), .text("print-1", "<script> x")])])
        let new = F.record([F.cell("att", [F.heatmap([[0.2, 0.8], [0.5, 0.5]]), .text("print-1", "<script> y")])])
        let html = DiffHTML.render(RecordDiff(old: old, new: new), oldLabel: "old.json", newLabel: "new.json")
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertFalse(html.contains("<script"), "text is escaped")
        XCTAssertTrue(html.contains("&lt;script&gt; <del>x</del><ins>y</ins>"), html)
        XCTAssertEqual(html.components(separatedBy: "<table class=\"heatmap").count - 1, 3, "old, new and difference")
        XCTAssertTrue(html.contains("difference (new − old)"))
        XCTAssertTrue(html.contains("<td class=\"verdict verdict-bad\">beyond tolerance</td>"))
        XCTAssertTrue(html.contains("default-src &#39;none&#39;"))
    }
}
