/// What happened to one cell in a run.
public enum CellStatus: String, CaseIterable, Equatable, Sendable {
    /// The cell ran to the end and every `expect` held.
    case passed
    /// The cell stopped with an error, a failed `expect` or a timeout.
    case failed
    /// The cell was not run because an earlier cell failed.
    case skipped
    /// The cell has `eval=false`, so it is shown but never run.
    case notRun = "not-run"
}
