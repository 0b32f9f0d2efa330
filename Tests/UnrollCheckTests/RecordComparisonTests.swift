import UnrollRecord
import UnrollTestSupport
import XCTest
@testable import UnrollCheck

final class RecordComparisonTests: XCTestCase {
    private typealias F = RecordFixtures

    private func compare(_ baseline: [CellRecord], _ actual: [CellRecord], notebook: CheckSettings? = nil)
        -> ComparisonReport {
        RecordComparison(notebookSettings: notebook).compare(actual: F.record(actual), baseline: F.record(baseline))
    }

    func testIdenticalRecordsMatch() {
        let cells = [F.cell("train", [F.curve(train: [3, 2, 1], valid: [3.5, 2.5, .nan]), .scalar("show-1", 0.25)]),
                     F.cell("evaluate", line: 20, index: 1, [F.table(1.5, 2.5), F.heatmap([[0.1, 0.9], [0.8, 0.2]]),
                                                              .text("print-1", "done\n")])]
        let result = compare(cells, cells)
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.cells.map(\.outcome), [.passed, .passed])
        XCTAssertFalse(result.hasRegression)
        XCTAssertFalse(result.hasFailure)
        XCTAssertEqual(result.passedCount, 2)
    }

    func testTamperedScalarIsARegressionWithDifferences() {
        let result = compare([F.cell("train", line: 12, [.scalar("show-1", 0.5)])],
                             [F.cell("train", line: 12, [.scalar("show-1", 0.6)])])
        XCTAssertEqual(result.findings.count, 1)
        let finding = result.findings[0]
        XCTAssertEqual(finding.kind, .valueMismatch)
        XCTAssertEqual(finding.severity, .regression)
        XCTAssertEqual(finding.valuePath, "train/show-1")
        XCTAssertEqual(finding.expected, "0.5")
        XCTAssertEqual(finding.actual, "0.6")
        XCTAssertEqual(finding.absoluteDifference!, 0.1, accuracy: 1e-12)
        XCTAssertEqual(finding.relativeDifference!, 0.2, accuracy: 1e-12)
        XCTAssertEqual(finding.description,
                       "notebooks/demo.md:12: cell 'train': train/show-1: expected 0.5, got 0.6 (abs diff 0.1, rel diff 0.2)")
        XCTAssertTrue(result.hasRegression)
        XCTAssertEqual(result.cells.map(\.outcome), [.regressed])
        XCTAssertEqual(result.failedCount, 1)
    }

    func testValueInsideToleranceMatches() {
        let result = compare([F.cell("a", [.scalar("show-1", 1.0)])], [F.cell("a", [.scalar("show-1", 1.0 + 1e-7)])])
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.cells.map(\.outcome), [.passed])
    }

    func testSeriesComparedElementWisePerLine() {
        let result = compare([F.cell("train", [F.curve(train: [3, 2, 1], valid: [4, 3, 2, 1, 0.5, 0.4, 0.3, 0.2])])],
                             [F.cell("train", [F.curve(train: [3, 2, 1], valid: [4, 3, 2, 1, 0.5, 0.4, 0.3, 0.25])])])
        XCTAssertEqual(result.findings.map(\.valuePath), ["train/fit-1/valid loss[7]"])
        XCTAssertEqual(result.findings.first?.expected, "0.2")
        XCTAssertEqual(result.findings.first?.actual, "0.25")
    }

    func testSeriesLengthChangeIsAMismatch() {
        let result = compare([F.cell("train", [F.curve(train: [3, 2, 1], valid: [1])])],
                             [F.cell("train", [F.curve(train: [3, 2], valid: [1])])])
        XCTAssertEqual(result.findings.map(\.kind), [.shapeMismatch])
        XCTAssertEqual(result.findings.first?.valuePath, "train/fit-1/train")
        XCTAssertEqual(result.findings.first?.detail, "train/fit-1/train: expected 3 points, got 2 points")
    }

    func testALongSeriesGivesItsFirstDifferenceAndACount() {
        let result = compare([F.cell("t", [F.curve(train: [1, 1, 2, 2, 2, 1, 2, 2, 2], valid: [])])],
                             [F.cell("t", [F.curve(train: Array(repeating: 1, count: 9), valid: [])])])
        XCTAssertEqual(result.findings.map(\.kind), [.valueMismatch, .laterPoints(5, of: 9)])
        XCTAssertEqual(result.findings.first?.valuePath, "t/fit-1/train[2]")
        XCTAssertEqual(result.findings.last?.detail, "t/fit-1/train: 5 later points of 9 differ too")
    }

    func testManyMismatchesAreCappedWithACount() {
        func table(_ value: Double) -> CellOutput {
            .table("show-1", TableOutput(columns: ["x"], rows: Array(repeating: [.number(value)], count: 9)))
        }
        let result = compare([F.cell("t", [table(1)])], [F.cell("t", [table(2)])])
        XCTAssertEqual(result.findings.count, 6)
        XCTAssertEqual(result.findings.last?.kind, .moreMismatches(4))
        XCTAssertEqual(result.findings.last?.detail, "t/show-1: 4 more mismatches not listed")
    }

    func testTableComparedCellWise() {
        let result = compare([F.cell("evaluate", [F.table(1.5, 2.5)])], [F.cell("evaluate", [F.table(1.5, 2.75, label: "gru")])])
        XCTAssertEqual(result.findings.map(\.valuePath), ["evaluate/show-1[1][0]", "evaluate/show-1[1][1]"])
        XCTAssertEqual(result.findings.map(\.expected), ["\"lstm\"", "2.5"])
        XCTAssertEqual(result.findings.map(\.actual), ["\"gru\"", "2.75"])
    }

    func testHeatmapComparedCellWise() {
        let result = compare([F.cell("attend", [F.heatmap([[0.1, 0.9], [0.8, 0.2]])])],
                             [F.cell("attend", [F.heatmap([[0.1, 0.9], [0.7, 0.2]])])])
        XCTAssertEqual(result.findings.map(\.valuePath), ["attend/attention-1[1][0]"])
    }

    func testAnUnrolledGraphComparedByItsDescription() {
        XCTAssertEqual(compare([F.cell("draw", [F.graph(steps: 4)])], [F.cell("draw", [F.graph(steps: 4)])]).findings.count, 0)
        let result = compare([F.cell("draw", [F.graph(steps: 4)])], [F.cell("draw", [F.graph(steps: 3)])])
        XCTAssertEqual(result.findings.map(\.valuePath), ["draw/show-1 graph"])
        XCTAssertTrue(result.findings.first?.expected?.contains("steps: 4") == true, "\(result.findings)")
        XCTAssertTrue(result.findings.first?.actual?.contains("steps: 3") == true)
    }

    func testTextComparedExactlyNamingTheFirstDifferentLine() {
        let result = compare([F.cell("a", [.text("print-1", "epoch 1\nloss 0.5")])],
                             [F.cell("a", [.text("print-1", "epoch 1\nloss  0.5")])])
        XCTAssertEqual(result.findings.map(\.valuePath), ["a/print-1 line 2"])
        XCTAssertEqual(result.findings.first?.expected, "\"loss 0.5\"")
        XCTAssertEqual(result.findings.first?.actual, "\"loss  0.5\"")
        XCTAssertNil(result.findings.first?.absoluteDifference)
    }

    func testLooseModeAcceptsSmallDriftAndWhitespace() {
        let loose = CheckSettings(mode: .loose)
        let result = compare([F.cell("a", check: loose, [.scalar("show-1", 2.0), .text("print-1", "loss 0.5")])],
                             [F.cell("a", check: loose, [.scalar("show-1", 2.01), .text("print-1", "loss  0.5 ")])])
        XCTAssertEqual(result.findings, [])
        let far = compare([F.cell("a", check: loose, [.scalar("show-1", 2.0)])],
                          [F.cell("a", check: loose, [.scalar("show-1", 2.1)])])
        XCTAssertEqual(far.findings.map(\.valuePath), ["a/show-1"])
    }

    func testIgnoreModeSkipsValuesButChecksStatus() {
        let ignore = CheckSettings(mode: .ignore)
        let result = compare([F.cell("a", check: ignore, [.scalar("show-1", 2.0)])],
                             [F.cell("a", check: ignore, [.text("show-1", "different"), .scalar("extra", 1)])])
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.cells.map(\.outcome), [.passed])
        let skipped = compare([F.cell("a", check: ignore, [.scalar("show-1", 2.0)])],
                              [F.cell("a", status: .skipped, check: ignore)])
        XCTAssertEqual(skipped.findings.map(\.kind), [.statusChanged])
        XCTAssertEqual(skipped.findings.first?.detail, "a: expected status passed, got skipped")
        XCTAssertTrue(skipped.hasRegression)
    }

    func testFrontMatterToleranceAppliesUnlessTheCellSetsItsOwn() {
        let notebook = CheckSettings(relativeTolerance: 0.1)
        XCTAssertEqual(compare([F.cell("a", [.scalar("s", 1.0)])], [F.cell("a", [.scalar("s", 1.05)])],
                               notebook: notebook).findings, [])
        let strictCell = CheckSettings(relativeTolerance: 0.01)
        XCTAssertEqual(compare([F.cell("a", [.scalar("s", 1.0)])], [F.cell("a", check: strictCell, [.scalar("s", 1.05)])],
                               notebook: notebook).findings.map(\.valuePath), ["a/s"])
        XCTAssertEqual(compare([F.cell("a", [.scalar("s", 1.0)])], [F.cell("a", [.scalar("s", 1.05)])]).findings.count, 1,
                       "without the front matter the exact defaults apply")
    }

    func testRemovedCellIsARegressionAndAddedCellANote() {
        let result = compare([F.cell("a", [.scalar("s", 1)]), F.cell("gone", line: 30, index: 1)],
                             [F.cell("a", [.scalar("s", 1)]), F.cell("new", line: 40, index: 1)])
        XCTAssertEqual(result.cells.map(\.cellID), ["a", "new", "gone"])
        XCTAssertEqual(result.cells.map(\.outcome), [.passed, .passed, .regressed])
        XCTAssertEqual(result.findings.map(\.kind), [.cellAdded, .cellRemoved])
        XCTAssertEqual(result.findings.map(\.severity), [.note, .regression])
        XCTAssertEqual(result.findings.last?.line, 30)
        XCTAssertEqual(result.findings.last?.description,
                       "notebooks/demo.md:30: cell 'gone': cell is in the baseline but not in the notebook (removed or renamed)")
        XCTAssertTrue(result.hasRegression)
    }

    func testFailingCellIsAFailureAndNotCompared() {
        var failed = F.cell("a", status: .failed, [.scalar("s", 99)])
        failed.error = CellError(message: "expectation failed: loss < 1", location: .init(file: "n.md", line: 3, column: 1))
        let result = compare([F.cell("a", [.scalar("s", 1)])], [failed])
        XCTAssertTrue(result.hasFailure)
        XCTAssertEqual(result.cells.map(\.outcome), [.failed])
        XCTAssertEqual(result.findings.map(\.kind), [.cellFailed])
        XCTAssertEqual(result.findings.first?.detail, "cell failed: expectation failed: loss < 1")
        XCTAssertEqual(result.failedCount, 1)
    }

    func testCellThatNowPassesIsANote() {
        let result = compare([F.cell("a", status: .failed)], [F.cell("a", [.scalar("s", 1)])])
        XCTAssertEqual(result.findings.map(\.severity), [.note])
        XCTAssertEqual(result.cells.map(\.outcome), [.passed])
        XCTAssertFalse(result.hasRegression)
    }

    func testAnOldShowNameIsReportedAsRenamedToTheOutputOfTheSameKind() {
        let metrics = TableOutput(columns: ["loss", "accuracy"], rows: [[.number(0.3), .number(0.9)]])
        let result = compare([F.cell("evaluate", line: 30, [.scalar("show-1", 0.9), .table("show-2", metrics), .text("print-1", "x")])],
                             [F.cell("evaluate", line: 30, [.scalar("value-1", 0.9), .table("metrics-1", metrics),
                                                            .text("print-1", "x")])])
        XCTAssertEqual(result.findings.map(\.kind), [.outputRenamed(to: "value-1"), .outputRenamed(to: "metrics-1")])
        XCTAssertEqual(result.findings.map(\.severity), [.regression, .regression])
        XCTAssertEqual(result.findings[0].description,
                       "notebooks/demo.md:30: cell 'evaluate': evaluate/show-1: this version names it 'value-1' ('show' outputs "
                           + "are now named by what they show); the baseline predates that: record the new names with "
                           + "'unroll check --update'")
        XCTAssertEqual(result.findings[1].valuePath, "evaluate/show-2")
        XCTAssertTrue(result.hasRegression)
    }

    func testKindChangeMissingAndAddedOutputs() {
        let result = compare([F.cell("a", [.scalar("show-1", 1), .text("print-1", "hi")])],
                             [F.cell("a", [.text("show-1", "1"), .scalar("show-2", 3)])])
        XCTAssertEqual(result.findings.map(\.kind), [.kindChanged, .outputMissing, .outputAdded])
        XCTAssertEqual(result.findings.map(\.severity), [.regression, .regression, .note])
        XCTAssertEqual(result.findings[0].detail, "a/show-1: expected a scalar, got a text")
        XCTAssertEqual(result.findings[1].valuePath, "a/print-1")
        XCTAssertEqual(result.findings[2].valuePath, "a/show-2")
    }

    func testNaNEqualsNaNButNotANumber() {
        XCTAssertEqual(compare([F.cell("a", [.scalar("s", .nan)])], [F.cell("a", [.scalar("s", .nan)])]).findings, [])
        let result = compare([F.cell("a", [.scalar("s", 1)])], [F.cell("a", [.scalar("s", .nan)])])
        XCTAssertEqual(result.findings.first?.actual, "nan")
        XCTAssertEqual(result.findings.first?.detail, "a/s: expected 1.0, got nan (abs diff nan, rel diff nan)")
    }

    func testZeroExpectedGivesInfiniteRelativeDifference() {
        let result = compare([F.cell("a", [.scalar("s", 0)])], [F.cell("a", [.scalar("s", 0.5)])])
        XCTAssertEqual(result.findings.first?.relativeDifference, .infinity)
        XCTAssertTrue(result.findings.first?.detail.hasSuffix("(abs diff 0.5, rel diff inf)") == true)
    }

    func testEnvironmentIsNotComparedButCarriedForTheMismatchLine() {
        let cells = [F.cell("train", [.scalar("show-1", 0.5)])]
        var baseline = F.record(cells), actual = F.record(cells)
        baseline.environment = RunEnvironment(cpu: "Intel(R) Xeon(R) Processor", kernels: "avx512", threads: 2,
                                              unrollVersion: "0.1.0")
        actual.environment = RunEnvironment(cpu: "AMD EPYC 9B45", kernels: "avx2", threads: 1, unrollVersion: "0.2.0")
        let result = RecordComparison().compare(actual: actual, baseline: baseline)
        XCTAssertEqual(result.findings, [], "a different environment alone is no finding")
        XCTAssertFalse(result.hasRegression)
        XCTAssertEqual(result.cells.map(\.outcome), [.passed])
        XCTAssertEqual(result.baselineEnvironment, baseline.environment)
        XCTAssertEqual(result.actualEnvironment, actual.environment)
        XCTAssertEqual(result.environmentNote,
                       "baseline: avx512, 2 threads, Intel(R) Xeon(R) Processor; this run: avx2, 1 thread, AMD EPYC 9B45")

        baseline.environment = nil
        let old = RecordComparison().compare(actual: actual, baseline: baseline)
        XCTAssertEqual(old.findings, [])
        XCTAssertEqual(old.environmentNote, "baseline: unknown environment; this run: avx2, 1 thread, AMD EPYC 9B45")
    }
}
