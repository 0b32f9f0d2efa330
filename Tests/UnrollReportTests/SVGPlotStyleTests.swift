import Foundation
import UnrollRecord
import XCTest
@testable import UnrollReport

/// The figure's options: markers, shared colours within a group, logarithmic axes, the x axis start, fonts.
final class SVGPlotStyleTests: XCTestCase {
    private func svg(_ series: SeriesOutput) -> XMLCollector {
        let text = SVGLinePlot(series).document()
        let collector = XMLCollector.parse(text)
        XCTAssertNil(collector.error, "SVG is not well-formed XML: \(String(describing: collector.error))\n\(text)")
        return collector
    }

    private func figure(_ lines: [SeriesLine], logX: Bool = false, logY: Bool = false) -> SeriesOutput {
        SeriesOutput(title: "t", xLabel: "x", yLabel: "y", lines: lines, logX: logX, logY: logY)
    }

    /// The markers of the plotting area (the legend's come after the axes' labels, in the legend group).
    private func markers(_ plot: XMLCollector) -> [XMLCollector.Element] {
        plot.all("circle").filter { Double($0.attributes["cy"] ?? "") ?? 0 < 350 }
    }

    func testPointsAreMarkersWithoutAPath() {
        let plot = svg(figure([SeriesLine(name: "scatter", x: [1, 2, 3, 4], y: [3, 1, 4, 1], style: .points)]))
        XCTAssertTrue(plot.all("path").isEmpty)
        XCTAssertEqual(markers(plot).count, 4)
        XCTAssertEqual(plot.all("circle").count, 5, "four points and one legend sample")
        XCTAssertTrue(plot.all("text").map(\.text).contains("scatter"))
        XCTAssertTrue(plot.all("line").filter { $0.attributes["stroke-width"] == "2" }.isEmpty, "a points legend has no line sample")
    }

    func testBothDrawsAPathAndAMarkerAtEveryPoint() {
        let plot = svg(figure([SeriesLine(name: "fit", y: [1, 2, .nan, 3], style: .both),
                               SeriesLine(name: "plain", y: [2, 2, 2, 2])]))
        XCTAssertEqual(plot.all("path").count, 2)
        XCTAssertEqual(markers(plot).count, 3, "the NaN is a gap for markers too; the plain line has none")
        XCTAssertEqual(plot.all("line").filter { $0.attributes["stroke-width"] == "2" }.count, 2)
    }

    func testAGroupSharesAColourAndDiffersByDash() {
        let lines = [
            SeriesLine(name: "lm train loss", y: [3, 2, 1], group: "lm"),
            SeriesLine(name: "lm valid loss", y: [3.5, 2.5, 2], group: "lm"),
            SeriesLine(name: "gru train loss", y: [3, 1.5, 1], group: "gru"),
            SeriesLine(name: "gru valid loss", y: [3.2, 2, 1.5], group: "gru"),
        ]
        let paths = svg(figure(lines)).all("path")
        XCTAssertEqual(paths.map { $0.attributes["stroke"] ?? "" },
                       [LineStyle.at(0).color, LineStyle.at(0).color, LineStyle.at(1).color, LineStyle.at(1).color])
        XCTAssertEqual(paths.map { $0.attributes["stroke-dasharray"] ?? "solid" }, ["solid", "6 4", "solid", "6 4"])
    }

    func testGroupsTakeColoursInOrderAndLoneLinesKeepTheirStyle() {
        XCTAssertEqual(LineStyle.grouped([nil, nil, nil]), [LineStyle.at(0), LineStyle.at(1), LineStyle.at(2)])
        let mixed = LineStyle.grouped(["a", nil, "a", "b"])
        XCTAssertEqual(mixed.map(\.color), [LineStyle.at(0).color, LineStyle.at(1).color, LineStyle.at(0).color, LineStyle.at(2).color])
        XCTAssertEqual(mixed.map(\.dashArray), [nil, LineStyle.at(1).dashArray, "6 4", LineStyle.at(2).dashArray])
    }

    func testExplicitStylesStillWin() {
        let lines = [SeriesLine(name: "a", y: [1, 2], group: "g"), SeriesLine(name: "b", y: [2, 3], group: "g")]
        let styles = [LineStyle(color: "#111111", dashArray: "1 1"), LineStyle(color: "#222222", dashArray: nil)]
        let paths = XMLCollector.parse(SVGLinePlot(figure(lines), styles: styles).document()).all("path")
        XCTAssertEqual(paths.map { $0.attributes["stroke"] ?? "" }, ["#111111", "#222222"])
    }

    func testLogarithmicYAxisIsTickedAtDecadesAndPlacesThemEvenly() {
        let plot = svg(figure([SeriesLine(name: "loss", y: [100, 10, 1, 0.1])], logY: true))
        let texts = plot.all("text").map(\.text)
        for tick in ["0.1", "1", "10", "100"] { XCTAssertTrue(texts.contains(tick), "decade \(tick) missing: \(texts)") }
        let d = plot.all("path").first?.attributes["d"] ?? ""
        let ys = d.split(separator: " ").enumerated().filter { $0.offset % 2 == 1 }.compactMap { Double($0.element) }
        XCTAssertEqual(ys.count, 4)
        let steps = zip(ys.dropFirst(), ys).map { $0 - $1 }
        for step in steps { XCTAssertEqual(step, steps[0], accuracy: 0.02, "decades are equally spaced: \(ys)") }
    }

    func testNonPositiveValuesOnALogarithmicAxisAreGapsInTheFigure() {
        let plot = svg(figure([SeriesLine(name: "loss", y: [1, 0, 10, 100])], logY: true))
        XCTAssertEqual(plot.all("path").first?.attributes["d"]?.filter { $0 == "M" }.count, 1)
        XCTAssertEqual(markers(plot).count, 1, "the point before the gap stands alone")
        let text = SVGLinePlot(figure([SeriesLine(name: "x", x: [0, 1, 10], y: [1, 2, 3])], logX: true)).document()
        XCTAssertFalse(text.contains("nan") || text.contains("inf"))
    }

    func testTheXAxisStartsAtTheFirstEpoch() {
        let plot = svg(figure([SeriesLine(name: "train loss", y: (1...10).map { 1 / Double($0) })]))
        let frame = plot.all("line").first { $0.attributes["x1"] == $0.attributes["x2"] && $0.attributes["y2"] != nil }
        let start = plot.all("path").first?.attributes["d"]?.split(separator: " ").first?.dropFirst()
        XCTAssertEqual(start.map(String.init), frame?.attributes["x1"], "the first point is on the y axis")
        let xLabels = plot.all("text").filter { $0.attributes["text-anchor"] == "middle" }.map(\.text)
        XCTAssertTrue(xLabels.contains("1"))
        XCTAssertFalse(xLabels.contains("0"), "no epoch 0 tick: \(xLabels)")
    }

    func testFontStackIncludesCJKFonts() {
        let root = svg(figure([SeriesLine(name: "床前明月光", y: [1, 2])])).elements.first
        let fonts = root?.attributes["font-family"] ?? ""
        for font in ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei"] { XCTAssertTrue(fonts.contains(font), fonts) }
        XCTAssertTrue(fonts.hasSuffix("sans-serif"))
        XCTAssertTrue(ReportStyleSheet.css.contains("\"Noto Sans CJK SC\""))
    }
}
