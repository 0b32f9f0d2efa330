import UnrollRecord
import UnrollSettings
import UnrollTestSupport
import XCTest
@testable import UnrollCheck

final class ProvenanceDifferenceTests: XCTestCase {
    private func record(hash: String = String(repeating: "a", count: 64), seed: UInt64 = 3, version: String = "0.1.0",
                        params: [Parameter] = [Parameter(name: "hidden", value: .int(32))]) -> RunRecord {
        RunRecord(notebookPath: "notebooks/x.md", notebookHash: hash, unrollVersion: version, seed: seed, params: params,
                  title: "x", cells: [RecordFixtures.cell("a")])
    }

    func testNothingDifferentSaysTheChangeComesFromTheCodeOrTheData() {
        XCTAssertEqual(ProvenanceDifference.lines(baseline: record(), actual: record()),
                       ["same notebook, params, seed and Unroll version as the baseline: the change comes from the code or the data"])
    }

    func testEachDifferenceHasItsLineInOrder() {
        let changed = record(hash: "b" + String(repeating: "c", count: 63), seed: 4, version: "0.2.0",
                             params: [Parameter(name: "hidden", value: .int(33)), Parameter(name: "lr", value: .double(0.1))])
        XCTAssertEqual(ProvenanceDifference.lines(baseline: record(), actual: changed), [
            "the notebook changed since its baseline (sha256 aaaaaaaaaaaa → bccccccccccc)",
            "params differ: hidden 32 → 33, lr (none) → 0.1",
            "seed differs: 3 → 4",
            "Unroll 0.1.0 → 0.2.0",
        ])
    }

    func testAParamOnlyTheBaselineHadIsNamed() {
        XCTAssertEqual(ProvenanceDifference.paramChanges([Parameter(name: "n", value: .string("a"))], []),
                       ["n \"a\" → (none)"])
    }
}
