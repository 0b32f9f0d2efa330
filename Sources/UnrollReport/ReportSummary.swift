import UnrollRecord

/// How many cells ended in each status.
public struct ReportSummary: Equatable, Sendable, CustomStringConvertible {
    /// Cells that ran and passed.
    public var passed: Int
    /// Cells that failed.
    public var failed: Int
    /// Cells skipped after an earlier failure.
    public var skipped: Int
    /// Cells with `eval=false`.
    public var notRun: Int

    /// The counts for `cells`.
    public init(cells: [CellRecord]) {
        passed = cells.filter { $0.status == .passed }.count
        failed = cells.filter { $0.status == .failed }.count
        skipped = cells.filter { $0.status == .skipped }.count
        notRun = cells.filter { $0.status == .notRun }.count
    }

    /// `3 passed, 1 failed, 0 skipped`, with `, 1 not run` when any cell has `eval=false`.
    public var description: String {
        var text = "\(passed) passed, \(failed) failed, \(skipped) skipped"
        if notRun > 0 { text += ", \(notRun) not run" }
        return text
    }
}
