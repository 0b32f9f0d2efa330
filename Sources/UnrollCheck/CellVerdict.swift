/// How one cell came out of a check: its id, line, outcome and the findings about it.
public struct CellVerdict: Equatable, Sendable {
    /// The outcome of a cell in a check.
    public enum Outcome: String, Equatable, Sendable {
        /// Ran, passed and matched the baseline (notes allowed).
        case passed
        /// Failed in this run.
        case failed
        /// Ran and passed, but differs from the baseline (or was removed, or stopped running).
        case regressed
        /// Not run this time because an earlier cell failed.
        case skipped
        /// Has `eval=false`.
        case notRun = "not-run"
    }

    /// The cell's id.
    public var cellID: String
    /// The line of its opening fence (the baseline's line for a removed cell).
    public var line: Int
    /// How it came out.
    public var outcome: Outcome
    /// What was found about it, in order.
    public var findings: [Finding]
    /// Wall-clock seconds the cell took in this run, for the JUnit report; nil when not measured.
    public var seconds: Double?

    /// A verdict from its parts.
    public init(cellID: String, line: Int, outcome: Outcome, findings: [Finding]) {
        self.cellID = cellID
        self.line = line
        self.outcome = outcome
        self.findings = findings
    }
}
