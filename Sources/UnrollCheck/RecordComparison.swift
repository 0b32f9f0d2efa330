import UnrollRecord

/// Compares the run record of a fresh run with its baseline record, cell by cell and value by value.
///
/// Cells are matched by id and outputs by name. Values are compared only when the cell passed in both runs;
/// a cell whose status changed gets one finding for that instead. Indices in value paths are 0-based.
public struct RecordComparison: Sendable {
    /// The notebook-wide tolerances (front matter `check:`), used where a cell sets none.
    public var notebookSettings: CheckSettings?
    /// At most this many value mismatches are listed per output; the rest are counted in one finding.
    public var mismatchesPerOutput: Int

    /// A comparison with the notebook's tolerances.
    public init(notebookSettings: CheckSettings? = nil, mismatchesPerOutput: Int = 5) {
        precondition(mismatchesPerOutput >= 1, "mismatchesPerOutput must be at least 1, got \(mismatchesPerOutput)")
        self.notebookSettings = notebookSettings
        self.mismatchesPerOutput = mismatchesPerOutput
    }

    /// Compares `actual` with `baseline`; the findings name `actual.notebookPath`. The records' `environment`
    /// objects are never compared (they may differ between machines); the report carries both to show them.
    public func compare(actual: RunRecord, baseline: RunRecord) -> ComparisonReport {
        let path = actual.notebookPath
        var baselineByID: [String: CellRecord] = [:]
        for cell in baseline.cells where baselineByID[cell.id] == nil { baselineByID[cell.id] = cell }
        var verdicts: [CellVerdict] = []
        var seen = Set<String>()
        for cell in actual.cells {
            seen.insert(cell.id)
            verdicts.append(verdict(for: cell, baseline: baselineByID[cell.id], path: path))
        }
        var removed = Set<String>()
        for cell in baseline.cells where !seen.contains(cell.id) && removed.insert(cell.id).inserted {
            let finding = Finding(kind: .cellRemoved, severity: .regression, notebookPath: path, cellID: cell.id,
                                  line: cell.sourceLine, valuePath: cell.id, expected: "cell '\(cell.id)'")
            verdicts.append(CellVerdict(cellID: cell.id, line: cell.sourceLine, outcome: .regressed,
                                        findings: [finding]))
        }
        return ComparisonReport(cells: RepeatedOutputs.merge(verdicts), baselineEnvironment: baseline.environment,
                                actualEnvironment: actual.environment)
    }

    private func verdict(for cell: CellRecord, baseline: CellRecord?, path: String) -> CellVerdict {
        func finding(_ kind: Finding.Kind, _ severity: Finding.Severity, expected: String? = nil,
                     actual: String? = nil) -> Finding {
            Finding(kind: kind, severity: severity, notebookPath: path, cellID: cell.id, line: cell.sourceLine,
                    valuePath: cell.id, expected: expected, actual: actual)
        }
        func make(_ outcome: CellVerdict.Outcome, _ findings: [Finding]) -> CellVerdict {
            CellVerdict(cellID: cell.id, line: cell.sourceLine, outcome: outcome, findings: findings)
        }
        if cell.status == .failed {
            return make(.failed, [finding(.cellFailed, .failure, actual: cell.error?.message)])
        }
        guard let baseline else {
            let outcome: CellVerdict.Outcome = cell.status == .passed ? .passed
                : cell.status == .skipped ? .skipped : .notRun
            return make(outcome, [finding(.cellAdded, .note)])
        }
        if cell.status != baseline.status {
            let improved = baseline.status != .passed && cell.status == .passed
            let change = finding(.statusChanged, improved ? .note : .regression,
                                 expected: "status \(baseline.status.rawValue)", actual: cell.status.rawValue)
            return make(improved ? .passed : .regressed, [change])
        }
        switch cell.status {
        case .skipped: return make(.skipped, [])
        case .notRun: return make(.notRun, [])
        case .failed, .passed: break
        }
        let tolerance = Tolerance.resolve(cell: cell.check, notebook: notebookSettings)
        guard tolerance.mode != .ignore else { return make(.passed, []) }
        var findings: [Finding] = []
        let outputs = OutputComparison(tolerance: tolerance, path: path, cell: cell, limit: mismatchesPerOutput)
        var seenNames = Set<String>()
        let renamed = RenamedOutputs(baseline: baseline, run: cell)
        for expected in baseline.outputs where seenNames.insert(expected.name).inserted {
            guard let actual = cell.output(named: expected.name) else {
                if let newName = renamed.newName[expected.name] {
                    findings.append(Finding(kind: .outputRenamed(to: newName), severity: .regression, notebookPath: path,
                                            cellID: cell.id, line: cell.sourceLine,
                                            valuePath: "\(cell.id)/\(expected.name)"))
                    continue
                }
                findings.append(Finding(kind: .outputMissing, severity: .regression, notebookPath: path,
                                        cellID: cell.id, line: cell.sourceLine, valuePath: "\(cell.id)/\(expected.name)",
                                        expected: "a \(expected.content.kind.rawValue)"))
                continue
            }
            findings += outputs.compare(expected, actual)
        }
        var addedNames = Set<String>()
        for output in cell.outputs where baseline.output(named: output.name) == nil
            && !renamed.newNames.contains(output.name) && addedNames.insert(output.name).inserted {
            findings.append(Finding(kind: .outputAdded, severity: .note, notebookPath: path, cellID: cell.id,
                                    line: cell.sourceLine, valuePath: "\(cell.id)/\(output.name)",
                                    actual: "(\(output.content.kind.rawValue))"))
        }
        let regressed = findings.contains { $0.severity == .regression }
        return make(regressed ? .regressed : .passed, findings)
    }
}
