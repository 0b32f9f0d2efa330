import UnrollCheck
import UnrollRecord
import UnrollTestSupport
import XCTest

/// Statistical checks on record fixtures: which values are gathered, and when a value regresses.
final class SeedComparisonTests: XCTestCase {
    private func run(_ loss: [Double], _ accuracy: Double, check: CheckSettings? = nil) -> RunRecord {
        RecordFixtures.record([
            RecordFixtures.cell("train", line: 7, check: check, [
                RecordFixtures.curve(train: loss, valid: [loss.last! + 0.5]),
                .scalar("show-1", accuracy), .text("print-1", "ignored"),
            ]),
            RecordFixtures.cell("later", line: 20, index: 1, status: .skipped),
        ])
    }

    /// Statistics of runs whose final train losses are `finals` and accuracies `accuracies`.
    private func statistics(_ finals: [Double], _ accuracies: [Double], check: CheckSettings? = nil) -> SeedStatistics {
        let records = zip(finals, accuracies).map { run([1.0, $0], $1, check: check) }
        return SeedValues.statistics(of: records, seeds: (0..<finals.count).map(UInt64.init))
    }

    func testGathersScalarsAndFinalPointsOfPassedCells() {
        let stats = statistics([0.5, 0.6, 0.7], [0.9, 0.8, 0.85])
        XCTAssertEqual(stats.samples.map(\.key), ["train/fit-1/train", "train/fit-1/valid loss", "train/show-1"])
        XCTAssertEqual(stats.samples[0].values, [0.5, 0.6, 0.7])
        XCTAssertEqual(stats.samples[0].mean, 0.6, accuracy: 1e-15)
        XCTAssertEqual(stats.samples[0].standardDeviation, 0.1, accuracy: 1e-15)
        XCTAssertEqual(stats.samples[1].values, [1.0, 1.1, 1.2])
        XCTAssertEqual(stats.samples[2].line, 7)
        XCTAssertEqual(stats.seeds, [0, 1, 2])
    }

    func testSameDistributionPassesAndShiftedMeanRegresses() {
        let baseline = statistics([0.50, 0.55, 0.52, 0.49, 0.53], [0.90, 0.91, 0.89, 0.92, 0.90])
        let same = statistics([0.51, 0.54, 0.50, 0.53, 0.52], [0.91, 0.90, 0.90, 0.91, 0.89])
        let comparison = SeedComparison(alpha: 0.01)
        let cells = run([1], 1).cells
        XCTAssertFalse(comparison.verdicts(actual: same, baseline: baseline, cells: cells).contains(where: \.regressed))
        // The training loss moves far beyond its spread; the accuracy does not move.
        let moved = statistics([0.80, 0.84, 0.79, 0.83, 0.81], [0.90, 0.91, 0.89, 0.92, 0.90])
        let verdicts = comparison.verdicts(actual: moved, baseline: baseline, cells: cells)
        XCTAssertEqual(verdicts.map(\.regressed), [true, true, false])
        guard case .welch(let test, let adjusted) = verdicts[0].basis else { return XCTFail("\(verdicts[0].basis)") }
        XCTAssertLessThan(test.pValue, 1e-5)
        XCTAssertGreaterThanOrEqual(adjusted, test.pValue, "Holm only raises p-values")
        XCTAssertTrue(verdicts[0].detail.hasPrefix("train/fit-1/train: the means differ: baseline mean 0.518 (sd 0.0239, "
                                                   + "5 seeds), this run mean 0.814 (sd 0.0207, 5 seeds); Welch p = "),
                      verdicts[0].detail)
        XCTAssertTrue(verdicts[0].detail.hasSuffix(" <= alpha 0.01"), verdicts[0].detail)
        XCTAssertTrue(verdicts[2].detail.hasSuffix(" > alpha 0.01"), verdicts[2].detail)
    }

    func testHolmKeepsABorderlineValueFromFailingInALargeFamily() {
        // Alone, a p-value near 0.005 fails at 0.01; with a second tested value (p ≈ 1) Holm doubles it.
        let baseline = statistics([0.50, 0.52, 0.51], [0.9, 0.91, 0.92])
        let shifted = statistics([0.545, 0.565, 0.555], [0.9, 0.91, 0.92])
        let alone = SeedComparison(alpha: 0.01).verdicts(
            actual: SeedStatistics(seeds: shifted.seeds, samples: [shifted.samples[0]]),
            baseline: SeedStatistics(seeds: baseline.seeds, samples: [baseline.samples[0]]), cells: [])
        guard case .welch(let test, let adjustedAlone) = alone[0].basis else { return XCTFail() }
        XCTAssertEqual(adjustedAlone, test.pValue)
        XCTAssertTrue(test.pValue < 0.01 && test.pValue > 0.0034, "p \(test.pValue) is meant to be borderline")
        XCTAssertTrue(alone[0].regressed)
        let family = SeedComparison(alpha: 0.01).verdicts(actual: shifted, baseline: baseline, cells: [])
        guard case .welch(_, let adjusted) = family[0].basis else { return XCTFail() }
        XCTAssertEqual(adjusted, min(1, 3 * test.pValue), accuracy: 1e-15, "three tested values")
        XCTAssertFalse(family[0].regressed)
    }

    func testZeroSpreadsCompareMeansWithinTheTolerance() {
        let baseline = statistics([0.5, 0.5, 0.5], [1, 1, 1])
        let tiny = statistics([0.5 + 1e-9, 0.5 + 1e-9, 0.5 + 1e-9], [1, 1, 1])
        let comparison = SeedComparison()
        let verdicts = comparison.verdicts(actual: tiny, baseline: baseline, cells: [])
        XCTAssertEqual(verdicts.map(\.basis), [.zeroSpread, .zeroSpread, .zeroSpread])
        XCTAssertFalse(verdicts.contains(where: \.regressed), "within exact mode's rtol 1e-6")
        XCTAssertTrue(verdicts[0].detail.contains("consistent (both spreads zero, within rtol 1e-06)"), verdicts[0].detail)
        let moved = statistics([0.501, 0.501, 0.501], [1, 1, 1])
        let regressed = comparison.verdicts(actual: moved, baseline: baseline, cells: [])
        XCTAssertEqual(regressed.map(\.regressed), [true, true, false])
        XCTAssertTrue(regressed[0].detail.contains("the means differ beyond rtol 1e-06 (both spreads zero)"), regressed[0].detail)
        // The cell's own tolerance counts: check=loose accepts 0.2 % on a value.
        let loose = CheckSettings(mode: .loose)
        let cells = run([1], 1, check: loose).cells
        XCTAssertFalse(comparison.verdicts(actual: moved, baseline: baseline, cells: cells).contains(where: \.regressed))
    }

    func testIgnoredCellsMissingAndAddedValuesAndNonFiniteValues() {
        let baseline = statistics([0.5, 0.6, 0.7], [0.9, 0.8, 0.85])
        let ignore = run([1], 1, check: CheckSettings(mode: .ignore)).cells
        XCTAssertEqual(SeedComparison().verdicts(actual: baseline, baseline: baseline, cells: ignore), [])
        let fewer = SeedStatistics(seeds: baseline.seeds, samples: Array(baseline.samples.dropLast()))
        let gone = SeedComparison().verdicts(actual: fewer, baseline: baseline, cells: [])
        XCTAssertEqual(gone.last?.basis, .missing)
        XCTAssertEqual(gone.last?.regressed, true)
        let added = SeedComparison().verdicts(actual: baseline, baseline: fewer, cells: [])
        XCTAssertEqual(added.last?.basis, .added)
        XCTAssertEqual(added.last?.regressed, false)
        XCTAssertTrue(added.last!.detail.contains("note: new value"), added.last!.detail)
        let nan = statistics([0.5, .nan, 0.7], [0.9, 0.8, 0.85])
        let verdicts = SeedComparison().verdicts(actual: nan, baseline: nan, cells: [])
        XCTAssertEqual(verdicts[0].basis, .notFinite)
        XCTAssertFalse(verdicts[0].regressed, "the same numbers seed by seed, NaN included")
        XCTAssertTrue(SeedComparison().verdicts(actual: nan, baseline: baseline, cells: [])[0].regressed)
    }

    func testCellVerdictsCarryTheValuesAndRemovedCellsRegress() {
        let stats = statistics([0.5, 0.6, 0.7], [0.9, 0.8, 0.85])
        let actual = run([1, 0.5], 0.9)
        var baseline = actual
        baseline.cells.append(RecordFixtures.cell("gone", line: 30, index: 2))
        let report = SeedComparison().compare(actual: actual, statistics: stats, baseline: baseline,
                                              baselineStatistics: stats)
        XCTAssertEqual(report.cells.map(\.outcome), [.passed, .skipped, .regressed])
        XCTAssertEqual(report.cells[0].findings.count, 3)
        XCTAssertTrue(report.cells[0].findings.allSatisfy { $0.severity == .note })
        XCTAssertTrue(report.cells[0].findings[0].description.hasPrefix("notebooks/demo.md:7: cell 'train': "
                                                                        + "train/fit-1/train: consistent: "))
        XCTAssertEqual(report.cells[2].findings.map(\.kind), [.cellRemoved])
        XCTAssertTrue(report.hasRegression)
    }
}

/// A plot of a recorded history repeats its values: one verdict, one test in the correction.
final class SeedRepeatsTests: XCTestCase {
    private func stats(_ finals: [Double]) -> SeedStatistics {
        let records = finals.map { final in
            RecordFixtures.record([
                RecordFixtures.cell("fit", line: 5, [.series("fit-1", SeriesOutput(title: "loss", xLabel: "epoch", yLabel: "loss",
                                                                                  lines: [SeriesLine(name: "train", y: [1, final])]))]),
                RecordFixtures.cell("plot", line: 9, index: 1, [.series("plot-1", SeriesOutput(title: "loss", xLabel: "epoch",
                                                                                                yLabel: "loss",
                                                                                                lines: [SeriesLine(name: "train", y: [1, final])]))]),
            ])
        }
        return SeedValues.statistics(of: records, seeds: (0..<finals.count).map(UInt64.init))
    }

    func testRepeatedValuesAreReportedOnceAndStillRegressTheirCell() {
        let baseline = stats([0.50, 0.52, 0.51]), moved = stats([0.70, 0.72, 0.71])
        let verdicts = SeedComparison().verdicts(actual: moved, baseline: baseline, cells: [])
        XCTAssertEqual(verdicts.count, 1)
        XCTAssertEqual(verdicts[0].alsoIn.map(\.key), ["plot/plot-1/train"])
        guard case .welch(let test, let adjusted) = verdicts[0].basis else { return XCTFail() }
        XCTAssertEqual(adjusted, test.pValue, "a family of one")
        let records = RecordFixtures.record([RecordFixtures.cell("fit", line: 5), RecordFixtures.cell("plot", line: 9, index: 1)])
        let report = SeedComparison().compare(actual: records, statistics: moved, baseline: records,
                                              baselineStatistics: baseline)
        XCTAssertEqual(report.cells.map(\.outcome), [.regressed, .regressed])
        XCTAssertEqual(report.cells[1].findings, [])
        XCTAssertTrue(report.cells[0].findings[0].description.hasSuffix(" (also in plot/plot-1/train)"),
                      report.cells[0].findings[0].description)
    }
}
