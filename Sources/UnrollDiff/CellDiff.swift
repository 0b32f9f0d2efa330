/// What changed in one cell: rows about the cell itself (it came or went, its status or error changed) and the
/// diffs of its outputs, in the new side's order with outputs that are gone after them.
public struct CellDiff: Equatable, Sendable {
    /// The cell's id.
    public var cellID: String
    /// Rows about the cell itself.
    public var changes: [ValueChange]
    /// The outputs that differ.
    public var outputs: [OutputDiff]

    /// A cell diff from its parts.
    public init(cellID: String, changes: [ValueChange], outputs: [OutputDiff]) {
        self.cellID = cellID
        self.changes = changes
        self.outputs = outputs
    }

    /// Whether anything in the cell makes the diff exit 1.
    public var counts: Bool {
        changes.contains { $0.verdict.counts } || outputs.contains(where: \.counts)
    }
}
