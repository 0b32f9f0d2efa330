import UnrollRecord

/// What changed in one output of a cell: the rows for the value table (at most a limit of them, the rest counted)
/// and both sides' contents, from which the reports draw overlaid curves, side-by-side tables and word diffs.
public struct OutputDiff: Equatable, Sendable {
    /// The cell's id.
    public var cellID: String
    /// The output's name.
    public var name: String
    /// The old content; nil when the output is new.
    public var old: OutputContent?
    /// The new content; nil when the output is gone.
    public var new: OutputContent?
    /// The rows listed in the value table.
    public var changes: [ValueChange]
    /// How many more differing values there are than `changes` lists.
    public var unlisted: Int
    /// Whether any of its differences, listed or not, makes the diff exit 1.
    public var counts: Bool

    /// An output diff from its parts.
    public init(cellID: String, name: String, old: OutputContent?, new: OutputContent?, changes: [ValueChange],
                unlisted: Int = 0, counts: Bool) {
        self.cellID = cellID
        self.name = name
        self.old = old
        self.new = new
        self.changes = changes
        self.unlisted = unlisted
        self.counts = counts
    }
}
