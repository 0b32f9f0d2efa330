/// What comparing a run with its baseline found: one verdict per cell (this run's cells in order, then the
/// baseline's removed cells).
public struct ComparisonReport: Equatable, Sendable {
    /// One verdict per cell.
    public var cells: [CellVerdict]

    /// A result from its verdicts.
    public init(cells: [CellVerdict]) {
        self.cells = cells
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
}
