import UnrollCheck
import UnrollRecord
import UnrollTestSupport
import XCTest
@testable import UnrollDiff

/// The diff of two run records: which rows the value table gets (old, new, differences, verdict), the tolerances
/// behind the verdicts, the row limit, cells that came, went or kept still, and the provenance lines.
final class RecordDiffTests: XCTestCase {
    private typealias F = RecordFixtures

    func testIdenticalRecordsHaveNoDifferences() {
        let record = F.fullRecord()
        let diff = RecordDiff(old: record, new: record)
        XCTAssertFalse(diff.hasDifferences)
        XCTAssertFalse(diff.differsBeyondTolerance)
        XCTAssertEqual(diff.provenance, [])
        XCTAssertEqual(diff.summary, "no differences (4 cells compared)")
        XCTAssertEqual(diff.unchangedLine, "4 cells unchanged: train, cell-2, cell-3, demo")
    }

    func testAnUnrolledGraphDiffersOnlyWhenItsDescriptionDoes() {
        let same = RecordDiff(old: F.record([F.cell("d", [F.graph(steps: 4)])]), new: F.record([F.cell("d", [F.graph(steps: 4)])]))
        XCTAssertFalse(same.hasDifferences)
        let changed = RecordDiff(old: F.record([F.cell("d", [F.graph(steps: 4)])]), new: F.record([F.cell("d", [F.graph(steps: 2)])]))
        XCTAssertTrue(changed.hasDifferences)
        XCTAssertEqual(changed.changes.map(\.key), ["graph"])
        XCTAssertTrue(changed.changes.first?.old.contains("steps: 4") == true, "\(changed.changes)")
    }

    func testAChangedScalarIsOneRowWithItsDifferencesAndVerdict() {
        let old = F.record([F.cell("a", [.scalar("show-1", 2.0)]), F.cell("b", [.scalar("show-1", 1)])])
        let new = F.record([F.cell("a", [.scalar("show-1", 2.5)]), F.cell("b", [.scalar("show-1", 1)])])
        let diff = RecordDiff(old: old, new: new)
        XCTAssertEqual(diff.changes, [ValueChange(cellID: "a", output: "show-1", key: "", old: "2", new: "2.5",
                                                  absolute: 0.5, relative: 0.25, verdict: .beyond)])
        XCTAssertTrue(diff.differsBeyondTolerance)
        XCTAssertEqual(diff.unchangedLine, "1 cell unchanged: b")
        XCTAssertEqual(diff.summary, "1 cell differs: 1 value beyond tolerance, 0 within tolerance or ignored")
        XCTAssertEqual(diff.provenance, ["same notebook, params, seed and Unroll version as the baseline: "
                                            + "the change comes from the code or the data"])
    }

    func testAnOldShowNameIsComparedUnderItsNewNameWithARowSayingSo() {
        let old = F.record([F.cell("a", [.scalar("show-1", 2.0), .text("print-1", "x")])])
        let new = F.record([F.cell("a", [.scalar("value-1", 2.5), .text("print-1", "x")])])
        let diff = RecordDiff(old: old, new: new)
        XCTAssertEqual(diff.changes, [
            ValueChange(cellID: "a", output: "", key: "renamed", old: "show-1", new: "value-1", verdict: .changed),
            ValueChange(cellID: "a", output: "value-1", key: "", old: "2", new: "2.5", absolute: 0.5, relative: 0.25,
                        verdict: .beyond),
        ])
    }

    func testTheVerdictUsesTheCellsCheckSettingsThenTheNotebooks() {
        let loose = CheckSettings(mode: .loose)
        let old = F.record([F.cell("a", check: loose, [.scalar("s", 1.0)]), F.cell("b", [.scalar("s", 1.0)]),
                            F.cell("c", check: CheckSettings(mode: .ignore), [.scalar("s", 1.0)])])
        let new = F.record([F.cell("a", check: loose, [.scalar("s", 1.005)]), F.cell("b", [.scalar("s", 1.005)]),
                            F.cell("c", check: CheckSettings(mode: .ignore), [.scalar("s", 9.0)])])
        let diff = RecordDiff(old: old, new: new)
        XCTAssertEqual(diff.changes.map(\.verdict), [.within, .beyond, .ignored])
        XCTAssertTrue(diff.differsBeyondTolerance)
        let lenient = RecordDiff(old: old, new: new, notebookSettings: CheckSettings(relativeTolerance: 0.01))
        XCTAssertEqual(lenient.changes.map(\.verdict), [.within, .within, .ignored])
        XCTAssertFalse(lenient.differsBeyondTolerance, "only values within tolerance or ignored differ")
        XCTAssertTrue(lenient.hasDifferences)
    }

    func testASeriesLineIsOneRowForItsLastDifferingPointWithTheCountOfDifferingPoints() {
        let old = F.record([F.cell("fit", [F.curve(train: [2, 1.5, 1.0, 0.8], valid: [2.1, 1.6, 1.2, 1.0])])])
        let new = F.record([F.cell("fit", [F.curve(train: [2, 1.4, 0.9, 0.8], valid: [2.1, 1.6, 1.2, 1.1])])])
        let changes = RecordDiff(old: old, new: new).changes
        XCTAssertEqual(changes.map(\.key), ["train[2] (2 of 4 points differ)", "valid loss[3]"])
        XCTAssertEqual(changes.map(\.old), ["1", "1"])
        XCTAssertEqual(changes.map(\.new), ["0.9", "1.1"])
        XCTAssertEqual(changes[1].absolute!, 0.1, accuracy: 1e-12)
        XCTAssertEqual(changes[1].relative!, 0.1, accuracy: 1e-12)
    }

    func testALineThatChangedLengthOrCameOrWentIsAStructuralRow() {
        let old = F.record([F.cell("fit", [F.curve(train: [2, 1], valid: [3])])])
        let new = F.record([F.cell("fit", [.series("fit-1", SeriesOutput(
            title: "loss", xLabel: "epoch", yLabel: "loss",
            lines: [SeriesLine(name: "train", y: [2, 1, 0.5]), SeriesLine(name: "test", y: [1])]))])])
        let changes = RecordDiff(old: old, new: new).changes
        XCTAssertEqual(changes.map { "\($0.key): \($0.old) → \($0.new) (\($0.verdict.rawValue))" }, [
            "train: 2 points → 3 points (changed)",
            "valid loss: 1 points → absent (changed)",
            "test: absent → 1 points (changed)",
        ])
    }

    func testTablesAndHeatmapsAreComparedCellByCellUpToTheRowLimit() {
        let old = F.record([F.cell("t", [F.table(1, 2), F.heatmap([[0.1, 0.9], [0.5, 0.5]])])])
        let new = F.record([F.cell("t", [F.table(1, 3, label: "gru"), F.heatmap([[0.2, 0.8], [0.4, 0.6]])])])
        let diff = RecordDiff(old: old, new: new, rowsPerOutput: 3)
        XCTAssertEqual(diff.changes.map { "\($0.output)\($0.key): \($0.old) → \($0.new)" }, [
            "show-1[1][0]: \"lstm\" → \"gru\"", "show-1[1][1]: 2 → 3",
            "attention-1[0][0]: 0.1 → 0.2", "attention-1[0][1]: 0.9 → 0.8", "attention-1[1][0]: 0.5 → 0.4",
        ])
        XCTAssertEqual(diff.changedOutputs.map(\.unlisted), [0, 1])
        XCTAssertEqual(diff.summary, "1 cell differs: 5 values beyond tolerance, 0 within tolerance or ignored "
                        + "(and 1 more values not listed)")
    }

    func testCellsThatCameWentOrChangedStatusAreRowsOfTheirOwn() {
        let old = F.record([F.cell("kept", [.scalar("s", 1)]), F.cell("gone", line: 20, [.scalar("s", 1)]),
                            F.cell("broke", [.text("print-1", "hi")])])
        let new = F.record([F.cell("kept", [.scalar("s", 1)]), F.cell("new", [.scalar("s", 1)]),
                            F.cell("broke", status: .skipped, [])])
        let diff = RecordDiff(old: old, new: new)
        XCTAssertEqual(diff.cells.map(\.cellID), ["new", "broke", "gone"])
        XCTAssertEqual(diff.changes.map { "\($0.cellID) \($0.output) \($0.key): \($0.old) → \($0.new)" }, [
            "new  cell: absent → passed", "broke  status: passed → skipped", "broke print-1 : a text → absent",
            "gone  cell: passed → absent",
        ])
        XCTAssertTrue(diff.changes.allSatisfy { $0.verdict == .changed })
        XCTAssertEqual(diff.unchangedLine, "1 cell unchanged: kept")
    }

    func testProvenanceSaysWhatDiffersInHowTheRecordsWereMade() {
        var old = F.fullRecord(), new = F.fullRecord()
        old.params = [Parameter(name: "lr", value: .double(0.01))]
        new.params = [Parameter(name: "lr", value: .double(0.02))]
        new.seed = 8
        XCTAssertEqual(RecordDiff(old: old, new: new).provenance, ["params differ: lr 0.01 → 0.02", "seed differs: 7 → 8"])
        XCTAssertFalse(RecordDiff(old: old, new: new).hasDifferences, "the values are the same")
    }
}
