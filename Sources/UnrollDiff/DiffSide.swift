import UnrollRecord

/// One side of a diff: a run record and how the report names where it came from.
public struct DiffSide: Equatable, Sendable {
    /// The record.
    public var record: RunRecord
    /// Where it came from: a path, or `path at REV`.
    public var label: String

    /// A side from its parts.
    public init(record: RunRecord, label: String) {
        self.record = record
        self.label = label
    }
}
