import UnrollRecord

/// Compares the samples of a statistical check (`check --seeds K`) with the baseline's: a value regresses when
/// Welch's two-sided t-test rejects equal means at `alpha` after the Holm–Bonferroni correction across the
/// notebook's tested values, or, when both spreads are zero, when the means differ beyond the cell's tolerance.
/// Cells with `check=ignore` are left out; a value missing from this run is a regression, a new one a note. A
/// value whose samples repeat an earlier one's on both sides (a `plot` of the history a `fit` recorded: the
/// same line name and numbers) is reported and tested once, with the earlier, so that it does not count twice
/// in the correction.
public struct SeedComparison: Sendable {
    /// The family-wise level of the tests.
    public var alpha: Double
    /// The notebook-wide tolerances (front matter `check:`), used where a cell sets none.
    public var notebookSettings: CheckSettings?

    /// A comparison at level `alpha` (0 < alpha < 1) with the notebook's tolerances.
    public init(alpha: Double = 0.01, notebookSettings: CheckSettings? = nil) {
        precondition(alpha > 0 && alpha < 1, "alpha must be between 0 and 1, got \(alpha)")
        self.alpha = alpha
        self.notebookSettings = notebookSettings
    }

    /// One verdict per value: the baseline's values in order, then the values only this run has.
    public func verdicts(actual: SeedStatistics, baseline: SeedStatistics, cells: [CellRecord]) -> [SeedVerdict] {
        func tolerance(_ cellID: String) -> Tolerance {
            Tolerance.resolve(cell: cells.first { $0.id == cellID }?.check, notebook: notebookSettings)
        }
        var verdicts: [SeedVerdict] = []
        var tested: [(index: Int, test: WelchTest)] = []
        var firstBySignature: [String: Int] = [:]
        for expected in baseline.samples {
            let tol = tolerance(expected.cellID)
            guard tol.mode != .ignore else { continue }
            func verdict(_ basis: SeedVerdict.Basis, _ found: SeedSample?, _ regressed: Bool) -> SeedVerdict {
                SeedVerdict(baseline: expected, actual: found, basis: basis, tolerance: tol, alpha: alpha,
                            regressed: regressed)
            }
            guard let found = actual.sample(key: expected.key) else {
                verdicts.append(verdict(.missing, nil, true))
                continue
            }
            let signature = SeedComparison.signature(expected, found)
            if let first = firstBySignature[signature] {
                verdicts[first].alsoIn.append(expected)
                continue
            }
            firstBySignature[signature] = verdicts.count
            if !(expected.values + found.values).allSatisfy(\.isFinite) {
                let same = expected.values.count == found.values.count
                    && zip(expected.values, found.values).allSatisfy { tol.accepts(expected: $0, actual: $1) }
                verdicts.append(verdict(.notFinite, found, !same))
            } else if let test = WelchTest(found, expected) {
                tested.append((verdicts.count, test))
                verdicts.append(verdict(.welch(test, adjustedP: test.pValue), found, false))
            } else {
                verdicts.append(verdict(.zeroSpread, found, !tol.accepts(expected: expected.mean, actual: found.mean)))
            }
        }
        let adjusted = HolmCorrection.adjusted(tested.map(\.test.pValue))
        for ((index, test), p) in zip(tested, adjusted) {
            verdicts[index].basis = .welch(test, adjustedP: p)
            verdicts[index].regressed = p <= alpha
        }
        for found in actual.samples where baseline.sample(key: found.key) == nil
            && tolerance(found.cellID).mode != .ignore {
            verdicts.append(SeedVerdict(baseline: nil, actual: found, basis: .added, tolerance: tolerance(found.cellID),
                                        alpha: alpha, regressed: false))
        }
        return verdicts
    }

    /// What two values that repeat each other share: the series line's name (empty for a scalar) and both samples'
    /// numbers, bit for bit.
    static func signature(_ baseline: SeedSample, _ actual: SeedSample) -> String {
        let line = baseline.valuePath.firstIndex(of: "/").map { String(baseline.valuePath[$0...]) } ?? ""
        func bits(_ values: [Double]) -> String { values.map { String($0.bitPattern, radix: 16) }.joined(separator: ",") }
        return "\(line)|\(bits(baseline.values))|\(bits(actual.values))"
    }

    /// The cell verdicts of a statistical check: this run's cells in order (`actual` is the run with the
    /// notebook's own seed), each holding its values' verdicts as findings, then the baseline's removed cells.
    public func compare(actual: RunRecord, statistics: SeedStatistics, baseline: RunRecord,
                        baselineStatistics: SeedStatistics) -> ComparisonReport {
        let path = actual.notebookPath
        let verdicts = self.verdicts(actual: statistics, baseline: baselineStatistics, cells: actual.cells)
        func finding(_ verdict: SeedVerdict, line: Int) -> Finding {
            let sample = (verdict.baseline ?? verdict.actual)!
            var finding = Finding(kind: .seedSample(verdict.detail), severity: verdict.regressed ? .regression : .note,
                                  notebookPath: path, cellID: sample.cellID, line: line, valuePath: sample.key)
            finding.alsoIn = verdict.alsoIn.map(\.key)
            return finding
        }
        var cells: [CellVerdict] = []
        for cell in actual.cells {
            let findings = verdicts.filter { ($0.baseline ?? $0.actual)!.cellID == cell.id }
                .map { finding($0, line: cell.sourceLine) }
            let outcome: CellVerdict.Outcome
            switch cell.status {
            case .failed: outcome = .failed
            case .skipped: outcome = .skipped
            case .notRun: outcome = .notRun
            case .passed:
                // A value repeated from an earlier cell's is reported there, but still counts for this cell.
                let repeated = verdicts.contains { $0.regressed && $0.alsoIn.contains { $0.cellID == cell.id } }
                outcome = repeated || findings.contains { $0.severity == .regression } ? .regressed : .passed
            }
            cells.append(CellVerdict(cellID: cell.id, line: cell.sourceLine, outcome: outcome, findings: findings))
        }
        var removed = Set<String>()
        for cell in baseline.cells where actual.cell(id: cell.id) == nil && removed.insert(cell.id).inserted {
            let gone = Finding(kind: .cellRemoved, severity: .regression, notebookPath: path, cellID: cell.id,
                               line: cell.sourceLine, valuePath: cell.id, expected: "cell '\(cell.id)'")
            let values = verdicts.filter { $0.baseline?.cellID == cell.id }.map { finding($0, line: cell.sourceLine) }
            cells.append(CellVerdict(cellID: cell.id, line: cell.sourceLine, outcome: .regressed, findings: [gone] + values))
        }
        return ComparisonReport(cells: cells, baselineEnvironment: baseline.environment,
                                actualEnvironment: actual.environment)
    }
}
