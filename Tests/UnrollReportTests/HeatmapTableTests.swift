import UnrollRecord
import XCTest
@testable import UnrollReport

final class HeatmapTableTests: XCTestCase {
    func testTableHasHeadersNumbersAndShades() {
        let heatmap = HeatmapOutput(
            title: "attn", rowLabels: ["<s>", "b"], columnLabels: ["x", "y"], values: [[0, 1], [0.25, .nan]])
        let html = HeatmapTable.node(heatmap).render()
        XCTAssertTrue(html.hasPrefix("<table class=\"heatmap\"><caption>attn</caption><thead><tr><th class=\"corner\" scope=\"col\"></th><th scope=\"col\">x</th><th scope=\"col\">y</th></tr></thead>"))
        XCTAssertTrue(html.contains("<th scope=\"row\">&lt;s&gt;</th><td style=\"background-color:#ffffff;color:#1f2328\">0.00</td><td style=\"background-color:#08306b;color:#ffffff\">1.00</td>"))
        XCTAssertTrue(html.contains("<td class=\"missing\">nan</td>"))
        let collector = XMLCollector.parse(html)
        XCTAssertNil(collector.error)
        XCTAssertEqual(collector.all("td").count, 4)
        XCTAssertEqual(collector.all("tr").count, 3)
    }

    func testShadeIsProportionalAndDarkensMonotonically() {
        let unit = HeatmapScale(HeatmapOutput(title: "", rowLabels: ["a"], columnLabels: ["x", "y"], values: [[0.2, 0.6]]))
        XCTAssertEqual(unit.shade(of: 0.6), 0.6, "weights in 0…1 are shaded as is")
        let wide = HeatmapScale(HeatmapOutput(title: "", rowLabels: ["a"], columnLabels: ["x", "y"], values: [[-2, 6]]))
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
}
