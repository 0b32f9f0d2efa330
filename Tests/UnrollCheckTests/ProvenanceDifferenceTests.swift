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

    private func cells(_ sources: [(String, String)]) -> [CellRecord] {
        sources.enumerated().map { i, cell in
            CellRecord(id: cell.0, index: i, sourceLine: 10 * i + 1, status: .passed, sourceHash: SHA256.hexDigest(of: cell.1))
        }
    }

    func testTheEditedCellsAreNamed() {
        var old = record(), new = record(hash: String(repeating: "b", count: 64))
        old.cells = cells([("data", "x = 1"), ("train", "fit m on d"), ("plot", "plot h")])
        new.cells = cells([("data", "x = 1"), ("train", "fit m on d { epochs: 2 }"), ("plot", "plot h { title: \"t\" }")])
        XCTAssertEqual(ProvenanceDifference.lines(baseline: old, actual: new),
                       ["the notebook changed since its baseline: cells 'train', 'plot' edited"])
        new.cells = old.cells
        XCTAssertEqual(ProvenanceDifference.lines(baseline: old, actual: new),
                       ["the notebook changed since its baseline: no cell edited (prose or front matter)"])
    }

    func testChangedAddedAndDroppedDataFilesAreNamed() {
        var old = record(), new = record()
        old.files = [FileRecord(path: "a.txt", bytes: Array("one".utf8)), FileRecord(path: "b.csv", bytes: Array("x".utf8))]
        new.files = [FileRecord(path: "a.txt", bytes: Array("two!".utf8)), FileRecord(path: "c.tsv", bytes: Array("y".utf8))]
        let a = SHA256.hexDigest(of: "one").prefix(12), b = SHA256.hexDigest(of: "two!").prefix(12)
        XCTAssertEqual(ProvenanceDifference.lines(baseline: old, actual: new), [
            "a.txt changed (sha256 \(a) → \(b), 3 → 4 bytes)",
            "reads c.tsv, which the baseline did not",
            "no longer reads b.csv",
        ])
        new.files = old.files
        XCTAssertEqual(ProvenanceDifference.lines(baseline: old, actual: new),
                       ["same notebook, params, seed, data and Unroll version as the baseline: the change comes from the code"])
    }

    func testFilesRoundTripThroughTheRecordAndAnOldRecordHasNone() throws {
        var full = record()
        full.files = [FileRecord(path: "data/x.csv", bytes: Array("a,b\n".utf8))]
        full.cells = cells([("a", "print 1")])
        let decoded = try RunRecord.decode(from: full.encoded())
        XCTAssertEqual(decoded, full)
        XCTAssertEqual(decoded.cells[0].sourceHash, SHA256.hexDigest(of: "print 1"))
        XCTAssertNil(try RunRecord.decode(from: record().encoded()).files)
    }
}
