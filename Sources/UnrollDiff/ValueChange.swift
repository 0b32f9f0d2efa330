/// One row of a diff's value table: where a value is, its old and new forms, how far apart they are, and whether
/// that is within the cell's tolerance.
public struct ValueChange: Equatable, Sendable {
    /// How a changed value stands against the tolerance `unroll check` would apply.
    public enum Verdict: String, Equatable, Sendable {
        /// The values differ, but within the cell's tolerance: `check` would pass.
        case within = "within tolerance"
        /// The values differ beyond the cell's tolerance: `check` would report it.
        case beyond = "beyond tolerance"
        /// The values differ, but the cell has `check=ignore`.
        case ignored = "ignored (check=ignore)"
        /// Something other than a value changed: a status, a shape, a kind, a cell or an output came or went.
        case changed = "changed"

        /// Whether the change makes `unroll diff` exit 1 (beyond tolerance or structural).
        public var counts: Bool { self == .beyond || self == .changed }
    }

    /// The cell's id.
    public var cellID: String
    /// The output's name; empty for a change of the cell itself (its status, its presence).
    public var output: String
    /// Which value of the output: empty for a scalar, `train[19]` for a series point, `[1][0]` for a table cell.
    public var key: String
    /// The old value, as shown.
    public var old: String
    /// The new value, as shown.
    public var new: String
    /// |new − old| for numbers.
    public var absolute: Double?
    /// |new − old| / |old| for numbers (infinite when old is 0).
    public var relative: Double?
    /// How the change stands against the tolerance.
    public var verdict: Verdict

    /// A row from its parts.
    public init(cellID: String, output: String, key: String, old: String, new: String, absolute: Double? = nil,
                relative: Double? = nil, verdict: Verdict) {
        self.cellID = cellID
        self.output = output
        self.key = key
        self.old = old
        self.new = new
        self.absolute = absolute
        self.relative = relative
        self.verdict = verdict
    }
}
