/// What `check` found for one notebook: its cells' verdicts, or the reason it could not be checked at all.
public struct NotebookCheck: Equatable, Sendable {
    /// The notebook's path.
    public var path: String
    /// One verdict per cell (empty when the notebook could not be checked).
    public var cells: [CellVerdict]
    /// Why the notebook as a whole failed (it does not parse, it has no baseline); nil otherwise.
    public var error: String?
    /// The baseline's and this run's environments (`ComparisonReport.environmentNote`), added to the text of
    /// every failure; nil when there is nothing to show.
    public var environment: String?
    /// What differs between how the baseline and this run were made (`ProvenanceDifference`), for the JUnit
    /// report's `<system-out>`; empty when unknown.
    public var provenance: [String] = []

    /// A notebook's check from its parts.
    public init(path: String, cells: [CellVerdict], error: String? = nil, environment: String? = nil) {
        self.path = path
        self.cells = cells
        self.error = error
        self.environment = environment
    }

    /// The number of cells that passed and matched.
    public var passedCount: Int { cells.filter { $0.outcome == .passed }.count }

    /// The number of cells that failed or regressed, plus one when the notebook as a whole failed.
    public var failedCount: Int {
        cells.filter { $0.outcome == .failed || $0.outcome == .regressed }.count + (error == nil ? 0 : 1)
    }

    /// Whether the notebook ran but had no baseline to compare with (every cell then counts as failed).
    public var lacksBaseline: Bool {
        cells.contains { cell in cell.findings.contains { if case .noBaseline = $0.kind { return true }; return false } }
    }

    /// The number of cells that were skipped or not run.
    public var skippedCount: Int { cells.filter { $0.outcome == .skipped || $0.outcome == .notRun }.count }
}
