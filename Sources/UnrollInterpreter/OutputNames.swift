/// Hands out the stable names of a cell's outputs: `print-1`, `print-2`, `plot-1`, … numbered per kind in
/// the order the statements run (a statement in a loop gets a new number each time round). What `show` shows is
/// named by what it is (`metrics-1`, `table-1`, `value-1`, …), not by the statement.
struct OutputNames {
    /// What a `show` output is, which names it.
    enum Shown: String, CaseIterable {
        /// A number.
        case value
        /// A table value.
        case table
        /// Metrics (a one-row table of named numbers).
        case metrics
        /// A tensor or a tensors file's contents (a table).
        case tensor
        /// An attention table or another heatmap.
        case heatmap
        /// A history's or series' curves.
        case curves
        /// A model's graph unfolded in time (`unrolled`).
        case graph
        /// Anything else, as text.
        case text
    }

    private var counts: [String: Int] = [:]

    /// The next name for a `show` output that is `shown` (`metrics-1`, …).
    mutating func next(_ shown: Shown) -> String { next(shown.rawValue) }

    /// The next name for an output of `kind` (`print`, `plot`, `expect`, `fit`, or a `Shown` kind).
    mutating func next(_ kind: String) -> String {
        let n = (counts[kind] ?? 0) + 1
        counts[kind] = n
        return "\(kind)-\(n)"
    }
}
