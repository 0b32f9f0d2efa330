import Foundation
import UnrollRecord
import XCTest
@testable import UnrollReport

final class SVGLinePlotTests: XCTestCase {
    private func plot(_ lines: [SeriesLine], title: String = "loss") -> XMLCollector {
        let svg = SVGLinePlot(SeriesOutput(title: title, xLabel: "epoch", yLabel: "loss", lines: lines)).document()
        let collector = XMLCollector.parse(svg)
        XCTAssertNil(collector.error, "SVG is not well-formed XML: \(String(describing: collector.error))\n\(svg)")
        for element in collector.elements {
            for (name, value) in element.attributes where name != "aria-label" {
                XCTAssertFalse(value.contains("nan") || value.contains("inf"), "\(element.name) \(name)=\(value)")
            }
        }
        return collector
    }

    func testFullPlotIsWellFormedWithAxesTicksAndLegend() {
        let svg = plot(ReportFixtures.lossCurve.lines, title: "Training loss")
        XCTAssertEqual(svg.elements.first?.name, "svg")
        XCTAssertEqual(svg.elements.first?.attributes["xmlns"], "http://www.w3.org/2000/svg")
        let texts = svg.all("text").map(\.text)
        XCTAssertTrue(texts.contains("Training loss"))
        XCTAssertTrue(texts.contains("epoch"))
        XCTAssertTrue(texts.contains("loss"))
        XCTAssertTrue(texts.contains("train") && texts.contains("valid"), "legend names missing: \(texts)")
        for tick in ["1", "5", "10", "15", "20", "25", "30", "0.0", "0.5", "1.0", "2.5", "3.0"] {
            XCTAssertTrue(texts.contains(tick), "tick label \(tick) missing")
        }
        let paths = svg.all("path")
        XCTAssertEqual(paths.count, 2)
        // The valid line has a NaN at epoch 12: its path has two pieces.
        XCTAssertEqual(paths[0].attributes["d"]?.filter { $0 == "M" }.count, 1)
        XCTAssertEqual(paths[1].attributes["d"]?.filter { $0 == "M" }.count, 2)
        XCTAssertEqual(paths[1].attributes["d"]?.filter { $0 == "L" }.count, 27)
    }

    func testLinesDifferInColourAndDash() {
        let lines = (0..<6).map { SeriesLine(name: "line \($0)", y: [Double($0), Double($0) + 1, Double($0) * 2]) }
        let paths = plot(lines).all("path")
        XCTAssertEqual(paths.count, 6)
        XCTAssertEqual(Set(paths.map { $0.attributes["stroke"] ?? "" }).count, 6)
        XCTAssertEqual(Set(paths.map { $0.attributes["stroke-dasharray"] ?? "solid" }).count, 6)
        let legendSamples = plot(lines).all("line").filter { $0.attributes["stroke-width"] == "2" }
        XCTAssertEqual(legendSamples.map { $0.attributes["stroke-dasharray"] ?? "solid" }, paths.map { $0.attributes["stroke-dasharray"] ?? "solid" })
    }

    func testSinglePointIsADot() {
        let svg = plot([SeriesLine(name: "only", x: [3], y: [0.5])])
        XCTAssertTrue(svg.all("path").isEmpty)
        let dots = svg.all("circle")
        XCTAssertEqual(dots.count, 1)
        let scale = NiceScale(minimum: 0.5, maximum: 0.5)
        XCTAssertLessThan(scale.lower, 0.5)
        XCTAssertNotNil(dots.first?.attributes["cx"])
    }

    func testIsolatedPointBetweenGapsIsADot() {
        let svg = plot([SeriesLine(name: "gappy", y: [1, 2, .nan, 3, .nan, 4, 5])])
        XCTAssertEqual(svg.all("circle").count, 1)
        XCTAssertEqual(svg.all("path").first?.attributes["d"]?.filter { $0 == "M" }.count, 2)
    }

    func testConstantSeriesGetsARange() {
        let svg = plot([SeriesLine(name: "flat", y: [2, 2, 2, 2])])
        let d = svg.all("path").first?.attributes["d"] ?? ""
        let ys = Set(d.split(separator: " ").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
        XCTAssertEqual(ys.count, 1, "a constant line is horizontal: \(d)")
        XCTAssertTrue(svg.all("text").map(\.text).contains("2.0"))
    }

    func testNoFiniteDataSaysSo() {
        let svg = plot([SeriesLine(name: "broken", y: [.nan, .infinity])])
        XCTAssertTrue(svg.all("path").isEmpty)
        XCTAssertTrue(svg.all("circle").isEmpty)
        XCTAssertTrue(svg.all("text").map(\.text).contains("no data"))
        _ = plot([])
    }

    func testUserTextIsEscaped() {
        let svg = SVGLinePlot(
            SeriesOutput(title: "<script>alert(1)</script>", xLabel: "a&b", yLabel: "\"y\"",
                         lines: [SeriesLine(name: "</svg>", y: [1, 2])])
        ).document()
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertEqual(svg.components(separatedBy: "</svg>").count, 2, "only the closing tag may spell </svg>")
        let parsed = XMLCollector.parse(svg)
        XCTAssertNil(parsed.error)
        XCTAssertTrue(parsed.all("text").map(\.text).contains("</svg>"))
    }

    func testCoordinatesUseFixedDecimals() {
        let svg = SVGLinePlot(ReportFixtures.lossCurve).document()
        let numbers = svg.split { !"0123456789.-".contains($0) }.filter { $0.contains(".") && $0.first != "." }
        for number in numbers where !number.hasPrefix("1.0") {
            let decimals = number.split(separator: ".").last?.count ?? 0
            XCTAssertLessThanOrEqual(decimals, 2, "coordinate \(number) has more than two decimals")
        }
    }

    func testSameInputSameBytes() {
        XCTAssertEqual(SVGLinePlot(ReportFixtures.lossCurve).document(), SVGLinePlot(ReportFixtures.lossCurve).document())
    }
}
