/// The outcome of a whole notebook run.
public enum RunStatus: String, CaseIterable, Equatable, Sendable {
    /// No cell failed.
    case passed
    /// At least one cell failed.
    case failed

    /// `failed` if any of `cells` failed, `passed` otherwise.
    public init(cells: [CellRecord]) {
        self = cells.contains { $0.status == .failed } ? .failed : .passed
    }
}
