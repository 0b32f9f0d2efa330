import XCTest
@testable import UnrollCheck

final class FindingTests: XCTestCase {
    private func finding(_ kind: Finding.Kind, expected: String? = nil, actual: String? = nil) -> Finding {
        Finding(kind: kind, severity: .regression, notebookPath: "n/a.md", cellID: "fit", line: 4, valuePath: "fit/show-1",
                expected: expected, actual: actual)
    }

    func testDifferencesUseThreeSignificantDigits() {
        XCTAssertEqual(Finding.format(0.123456), "0.123")
        XCTAssertEqual(Finding.format(1.5e-7), "1.5e-07")
        XCTAssertEqual(Finding.format(12345), "1.23e+04")
        XCTAssertEqual(Finding.format(.infinity), "inf")
        XCTAssertEqual(Finding.format(.nan), "nan")
    }

    func testDescriptionsOfEachKind() {
        XCTAssertEqual(finding(.outputMissing, expected: "a scalar").description,
                       "n/a.md:4: cell 'fit': fit/show-1: expected a scalar, got nothing (the output is gone)")
        XCTAssertEqual(finding(.outputAdded, actual: "(table)").detail, "fit/show-1: note: new output (table), not in the baseline")
        XCTAssertEqual(finding(.cellAdded).detail, "note: new cell, not in the baseline; record it with 'unroll check --update'")
        XCTAssertEqual(finding(.cellFailed).detail, "cell failed")
        XCTAssertEqual(finding(.moreMismatches(1)).detail, "fit/show-1: 1 more mismatch not listed")
        XCTAssertEqual(finding(.valueMismatch, expected: "\"a\"", actual: "\"b\"").detail, "fit/show-1: expected \"a\", got \"b\"")
    }

    func testNotebookCheckCounts() {
        let cells = [CellVerdict(cellID: "a", line: 1, outcome: .passed, findings: []),
                     CellVerdict(cellID: "b", line: 2, outcome: .regressed, findings: []),
                     CellVerdict(cellID: "c", line: 3, outcome: .failed, findings: []),
                     CellVerdict(cellID: "d", line: 4, outcome: .skipped, findings: []),
                     CellVerdict(cellID: "e", line: 5, outcome: .notRun, findings: [])]
        let check = NotebookCheck(path: "n.md", cells: cells)
        XCTAssertEqual([check.passedCount, check.failedCount, check.skippedCount], [1, 2, 2])
        XCTAssertEqual(NotebookCheck(path: "n.md", cells: [], error: "no baseline").failedCount, 1)
    }
}
