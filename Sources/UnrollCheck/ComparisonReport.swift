import UnrollRecord

/// What comparing a run with its baseline found: one verdict per cell (this run's cells in order, then the
/// baseline's removed cells), and the environments both were computed in (never compared, only shown).
public struct ComparisonReport: Equatable, Sendable {
    /// One verdict per cell.
    public var cells: [CellVerdict]
    /// How the baseline was computed; nil when its record has no environment (records older than the field).
    public var baselineEnvironment: RunEnvironment?
    /// How this run was computed; nil when its record has none.
    public var actualEnvironment: RunEnvironment?

    /// A result from its verdicts and the two records' environments.
    public init(cells: [CellVerdict], baselineEnvironment: RunEnvironment? = nil,
                actualEnvironment: RunEnvironment? = nil) {
        self.cells = cells
        self.baselineEnvironment = baselineEnvironment
        self.actualEnvironment = actualEnvironment
    }

    /// Every finding, cell by cell.
    public var findings: [Finding] { cells.flatMap(\.findings) }

    /// Whether a cell failed in this run (exit 1).
    public var hasFailure: Bool { cells.contains { $0.outcome == .failed } }

    /// Whether anything regressed (exit 2 when no cell failed).
    public var hasRegression: Bool { findings.contains { $0.severity == .regression } }

    /// The number of cells that passed and matched.
    public var passedCount: Int { cells.filter { $0.outcome == .passed }.count }

    /// The number of cells that failed or regressed.
    public var failedCount: Int { cells.filter { $0.outcome == .failed || $0.outcome == .regressed }.count }

    /// Both environments side by side, `baseline: avx512, 2 threads, Intel Xeon …; this run: avx2, 1 thread,
    /// AMD EPYC …` (`unknown environment` for a record without one), to print beside a mismatch.
    public var environmentNote: String {
        "baseline: \(ComparisonReport.describe(baselineEnvironment)); "
            + "this run: \(ComparisonReport.describe(actualEnvironment))"
    }

    private static func describe(_ environment: RunEnvironment?) -> String {
        environment?.summary ?? "unknown environment"
    }
}
