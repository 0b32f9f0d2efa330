/// The kinds of cell output, as named in the `kind` field of the record.
public enum OutputKind: String, CaseIterable, Sendable {
    /// A number.
    case scalar
    /// A line plot.
    case series
    /// A table.
    case table
    /// Printed text.
    case text
    /// A labelled matrix.
    case heatmap
    /// A computational graph unfolded in time.
    case graph
}
