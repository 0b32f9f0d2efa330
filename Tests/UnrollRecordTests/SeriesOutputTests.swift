import Foundation
import UnrollTestSupport
import XCTest
@testable import UnrollRecord

/// The plot fields of a series: logarithmic axes, line styles and groups, written only when set, so that
/// records written before them still read and linear plots of lines stay as they were.
final class SeriesOutputTests: XCTestCase {
    private func record(_ series: SeriesOutput) -> RunRecord {
        RecordFixtures.record([RecordFixtures.cell("plots", [.series("plot-1", series)])])
    }

    private let styled = SeriesOutput(
        title: "fit", xLabel: "epoch", yLabel: "loss",
        lines: [SeriesLine(name: "train loss", y: [2, 1], group: "lm"),
                SeriesLine(name: "valid loss", y: [2.5, 1.5], group: "lm"),
                SeriesLine(name: "paper", x: [1, 2], y: [2.2, 1.2], style: .points)],
        logY: true)

    func testStylesGroupsAndLogAxesRoundTrip() throws {
        let text = record(styled).encodedText()
        XCTAssertTrue(text.contains(#""log": "y""#))
        XCTAssertTrue(text.contains(#""style": "points""#))
        XCTAssertTrue(text.contains(#""group": "lm""#))
        let decoded = try RunRecord.decode(from: Data(text.utf8))
        XCTAssertEqual(decoded, record(styled))
        XCTAssertEqual(decoded.encodedText(), text)
        guard case .series(let series) = decoded.cells[0].outputs[0].content else { return XCTFail("not a series") }
        XCTAssertEqual([series.logX, series.logY], [false, true])
        XCTAssertEqual(series.lines.map(\.style), [.lines, .lines, .points])
    }

    func testPlainLinesWriteNoNewFieldsAndOldRecordsRead() throws {
        let plain = SeriesOutput(title: "t", xLabel: "step", yLabel: "value", lines: [SeriesLine(name: "ys", y: [1, 2])])
        let text = record(plain).encodedText()
        for key in ["\"log\"", "\"style\"", "\"group\""] { XCTAssertFalse(text.contains(key), "\(key) written for a plain plot") }
        guard case .series(let series) = try RunRecord.decode(from: Data(text.utf8)).cells[0].outputs[0].content else {
            return XCTFail("not a series")
        }
        XCTAssertEqual(series, plain)
        XCTAssertEqual(series.lines[0].style, .lines)
        XCTAssertNil(series.lines[0].group)
    }

    func testStyleAndGroupTakePartInEquality() {
        XCTAssertNotEqual(SeriesLine(name: "a", y: [1], style: .points), SeriesLine(name: "a", y: [1]))
        XCTAssertNotEqual(SeriesLine(name: "a", y: [1], group: "g"), SeriesLine(name: "a", y: [1]))
        XCTAssertEqual(SeriesLine(name: "a", y: [.nan], group: "g"), SeriesLine(name: "a", y: [.nan], group: "g"))
    }

    func testUnknownStylesAndAxesAreSchemaErrors() {
        let text = record(styled).encodedText()
        let badStyle = text.replacingOccurrences(of: #""style": "points""#, with: #""style": "dots""#)
        XCTAssertThrowsError(try RunRecord.decode(from: Data(badStyle.utf8))) { error in
            XCTAssertEqual("\(error)", #"cells[0].outputs[0].lines[2].style: expected "lines", "points" or "both", got "dots""#)
        }
        let badLog = text.replacingOccurrences(of: #""log": "y""#, with: #""log": "z""#)
        XCTAssertThrowsError(try RunRecord.decode(from: Data(badLog.utf8))) { error in
            XCTAssertEqual("\(error)", #"cells[0].outputs[0].log: expected "x", "y" or "xy", got "z""#)
        }
    }
}
