import UnrollRecord
import UnrollTestSupport
import XCTest
@testable import UnrollCheck

final class RepeatedOutputsTests: XCTestCase {
    /// A `fit` cell with its loss curve and a `plot` cell drawing the same curve under another output name.
    private func record(_ train: [Double], plotted: [Double]? = nil) -> RunRecord {
        let fit = RecordFixtures.cell("train", line: 10, index: 0, [RecordFixtures.curve(train: train, valid: [1, 1])])
        guard case .series(let series) = RecordFixtures.curve(train: plotted ?? train, valid: [1, 1]).content else {
            preconditionFailure("curve is a series")
        }
        let plot = RecordFixtures.cell("plot", line: 20, index: 1, [.series("plot-1", series)])
        return RecordFixtures.record([fit, plot])
    }

    func testAPlotRepeatingTheFitsCurveIsReportedOnce() {
        let report = RecordComparison().compare(actual: record([3, 2, 1]), baseline: record([3, 2.5, 1]))
        let lines = report.findings.map(\.description)
        XCTAssertEqual(lines, ["notebooks/demo.md:10: cell 'train': train/fit-1/train[1]: expected 2.5, got 2.0 "
                               + "(abs diff 0.5, rel diff 0.2) (also in plot/plot-1)"])
        XCTAssertEqual(report.cells.map(\.outcome), [.regressed, .regressed], "both cells still count as regressed")
    }

    func testOutputsThatDifferDifferentlyAreBothListed() {
        let report = RecordComparison().compare(actual: record([3, 2, 1], plotted: [3, 2, 0]), baseline: record([3, 2.5, 1]))
        XCTAssertEqual(report.findings.count, 3)
        XCTAssertTrue(report.findings.allSatisfy(\.alsoIn.isEmpty))
    }

    func testTheOutputKeyStopsAtTheOutputName() {
        func key(_ path: String) -> String? {
            RepeatedOutputs.outputKey(of: Finding(kind: .valueMismatch, severity: .regression, notebookPath: "n.md",
                                                  cellID: "c", line: 1, valuePath: path))
        }
        XCTAssertEqual(key("c/fit-1/train loss[3]"), "c/fit-1")
        XCTAssertEqual(key("c/show-1[1][0]"), "c/show-1")
        XCTAssertEqual(key("c/show-1 columns"), "c/show-1")
        XCTAssertEqual(key("c/show-1"), "c/show-1")
        XCTAssertNil(key("other/show-1"))
    }
}
