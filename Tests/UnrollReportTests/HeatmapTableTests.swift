import UnrollRecord
import XCTest
@testable import UnrollReport

final class HeatmapTableTests: XCTestCase {
    func testTableHasCaptionScopedHeadersNumbersAndLevels() {
        let heatmap = HeatmapOutput(
            title: "attn", rowLabels: ["<s>", "b"], columnLabels: ["x", "y"], values: [[0, 1], [0.25, .nan]])
        let html = HeatmapTable.node(heatmap).render()
        XCTAssertEqual(
            html,
            "<table class=\"heatmap\"><caption>attn<span class=\"heatmap-key\">Bold, outlined: largest value in its row.</span></caption>"
                + "<thead><tr><td class=\"corner\"></td><th scope=\"col\">x</th><th scope=\"col\">y</th></tr></thead><tbody>\n"
                + "<tr><th scope=\"row\">&lt;s&gt;</th><td class=\"l0\">0.00</td>"
                + "<td class=\"l10 max\"><strong>1.00</strong><span class=\"visually-hidden\"> (largest in row)</span></td></tr>\n"
                + "<tr><th scope=\"row\">b</th><td class=\"l3 max\"><strong>0.25</strong><span class=\"visually-hidden\"> (largest in row)</span></td>"
                + "<td class=\"missing\">nan</td></tr>\n</tbody></table>")
        let collector = XMLCollector.parse(html)
        XCTAssertNil(collector.error)
        XCTAssertEqual(collector.all("td").count, 5, "the corner and four values")
        XCTAssertEqual(collector.all("tr").count, 3)
        XCTAssertEqual(collector.all("th").filter { $0.attributes["scope"] == "row" }.map(\.text), ["<s>", "b"])
    }

    func testLabelsAndTitleAreEscaped() {
        let heatmap = HeatmapOutput(
            title: "a<b & \"c\"", rowLabels: ["'q'", "</td>"], columnLabels: ["&amp;", "<script>"],
            values: [[0.1, 0.9], [0.6, 0.4]])
        let html = HeatmapTable.node(heatmap).render()
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("<caption>a&lt;b &amp; &quot;c&quot;<span"))
        XCTAssertTrue(html.contains("<th scope=\"col\">&amp;amp;</th><th scope=\"col\">&lt;script&gt;</th>"))
        XCTAssertTrue(html.contains("<th scope=\"row\">&#39;q&#39;</th>"))
        XCTAssertTrue(html.contains("<th scope=\"row\">&lt;/td&gt;</th>"))
        let collector = XMLCollector.parse(html)
        XCTAssertNil(collector.error)
        XCTAssertEqual(collector.all("th").map(\.text), ["&amp;", "<script>", "'q'", "</td>"])
        XCTAssertEqual(collector.all("strong").map(\.text), ["0.90", "0.60"], "one bold maximum per row")
    }

    func testEveryRowMarksItsMaximaAndTies() {
        XCTAssertEqual(HeatmapScale.maximumColumns(of: [0.2, 0.5, 0.3]), [1])
        XCTAssertEqual(HeatmapScale.maximumColumns(of: [0.5, .nan, 0.5]), [0, 2], "ties are all marked")
        XCTAssertEqual(HeatmapScale.maximumColumns(of: [.nan, .infinity]), [])
        XCTAssertEqual(HeatmapScale.maximumColumns(of: []), [])
        let heatmap = HeatmapOutput(
            title: "", rowLabels: ["a", "b", "c"], columnLabels: ["x", "y", "z"],
            values: [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.25, 0.5, 0.25]])
        let collector = XMLCollector.parse(HeatmapTable.node(heatmap).render())
        let marked = collector.all("td").filter { $0.attributes["class"]?.hasSuffix(" max") == true }
        XCTAssertEqual(marked.map { $0.attributes["class"] }, ["l7 max", "l8 max", "l5 max"])
        XCTAssertEqual(collector.all("strong").map(\.text), ["0.70", "0.80", "0.50"])
        XCTAssertEqual(
            collector.all("span").map(\.text),
            ["Bold, outlined: largest value in its row.", " (largest in row)", " (largest in row)", " (largest in row)"])
        XCTAssertEqual(collector.all("caption").map(\.text), [""], "no title: the caption holds only the key")
    }

    func testWideTablesAreCompactAndDeterministic() {
        let size = 30
        let values = (0..<size).map { row in
            (0..<size).map { column in 1 / (1 + Double(abs(row - column))) / 4.1 }
        }
        let labels = (0..<size).map { "t\($0)" }
        let heatmap = HeatmapOutput(title: "wide", rowLabels: labels, columnLabels: labels, values: values)
        let html = HeatmapTable.node(heatmap).render()
        XCTAssertTrue(html.hasPrefix("<table class=\"heatmap heatmap-dense\">"))
        XCTAssertEqual(html, HeatmapTable.node(heatmap).render())
        let collector = XMLCollector.parse(html)
        XCTAssertNil(collector.error)
        XCTAssertEqual(collector.all("td").count, size * size + 1)
        XCTAssertEqual(collector.all("strong").count, size, "the diagonal is each row's maximum")
        XCTAssertTrue(html.contains("<td class=\"l2 max\"><strong>0.24</strong>"))
        let narrow = HeatmapOutput(title: "", rowLabels: ["a"], columnLabels: Array(labels.prefix(12)), values: [Array(values[0].prefix(12))])
        XCTAssertTrue(HeatmapTable.node(narrow).render().hasPrefix("<table class=\"heatmap\">"))
    }

    func testStyleSheetHasOneLegibleRulePerLevelAndPrintsBackgrounds() {
        for level in 0..<HeatmapScale.levelCount {
            let shade = Double(level) / Double(HeatmapScale.levelCount - 1)
            let background = HeatmapScale.color(forShade: shade), text = HeatmapScale.textColor(forShade: shade)
            XCTAssertTrue(HeatmapTable.css.contains("table.heatmap td.l\(level) { background-color: \(background); color: \(text); }"))
            let a = HeatmapScale.relativeLuminance(background), b = HeatmapScale.relativeLuminance(text)
            let contrast = (max(a, b) + 0.05) / (min(a, b) + 0.05)
            XCTAssertGreaterThanOrEqual(contrast, 4.5, "level \(level): \(text) on \(background)")
        }
        XCTAssertEqual(HeatmapScale.textColor(forShade: 0), "#000000")
        XCTAssertEqual(HeatmapScale.textColor(forShade: 1), "#ffffff")
        XCTAssertEqual(HeatmapScale.relativeLuminance("#ffffff"), 1, accuracy: 1e-12)
        XCTAssertTrue(ReportStyleSheet.css.contains("print-color-adjust: exact"))
        XCTAssertTrue(ReportStyleSheet.css.hasSuffix("table.heatmap td.l10 { background-color: #08306b; color: #ffffff; }\n"))
        XCTAssertTrue(ReportStyleSheet.css.contains("table.heatmap td.max { font-weight: 700; outline: 2px solid currentColor;"))
    }

    func testShadeIsProportionalAndDarkensMonotonically() {
        let unit = HeatmapScale(HeatmapOutput(title: "", rowLabels: ["a"], columnLabels: ["x", "y"], values: [[0.2, 0.6]]))
        XCTAssertEqual(unit.shade(of: 0.6), 0.6, "weights in 0…1 are shaded as is")
        XCTAssertEqual(unit.level(of: 0.6), 6)
        XCTAssertEqual(unit.level(of: 0.04), 0)
        XCTAssertEqual(unit.level(of: 0.05), 1, "halves round up")
        XCTAssertNil(unit.level(of: .nan))
        let wide = HeatmapScale(HeatmapOutput(title: "", rowLabels: ["a"], columnLabels: ["x", "y", "z"], values: [[-2, 0.5, 6]]))
        XCTAssertEqual(wide.shade(of: 2) ?? -1, 0.5, accuracy: 1e-12)
        XCTAssertEqual(wide.decimals, 2)
        var previous = 256 * 3
        for step in 0...10 {
            let hex = HeatmapScale.color(forShade: Double(step) / 10).dropFirst()
            let channels = stride(from: 0, to: 6, by: 2).map { Int(hex.dropFirst($0).prefix(2), radix: 16)! }
            let brightness = channels.reduce(0, +)
            XCTAssertLessThan(brightness, previous)
            previous = brightness
        }
    }

    func testLargeValuesUseFewerDecimals() {
        let scale = HeatmapScale(HeatmapOutput(title: "", rowLabels: ["a"], columnLabels: ["x"], values: [[123.456]]))
        XCTAssertEqual(scale.label(123.456), "123")
    }

    func testCountsArePrintedWhole() {
        let confusion = HeatmapScale(HeatmapOutput(title: "", rowLabels: ["a", "b"], columnLabels: ["a", "b"], values: [[3, 0], [2, 1]]))
        XCTAssertEqual(confusion.decimals, 0)
        XCTAssertEqual(confusion.label(3), "3")
        let weights = HeatmapScale(HeatmapOutput(title: "", rowLabels: ["a"], columnLabels: ["x", "y"], values: [[0, 1]]))
        XCTAssertEqual(weights.label(1), "1.00", "weights of exactly 0 and 1 keep their decimals")
    }
}
