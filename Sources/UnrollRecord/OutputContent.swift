/// What a cell output holds.
public enum OutputContent: Equatable, Sendable {
    /// One number.
    case scalar(ScalarOutput)
    /// A line plot.
    case series(SeriesOutput)
    /// A table.
    case table(TableOutput)
    /// Printed text.
    case text(String)
    /// A labelled matrix (attention table).
    case heatmap(HeatmapOutput)
    /// A recurrent model's graph unfolded in time.
    case graph(UnrolledGraphOutput)

    /// Which kind of output this is.
    public var kind: OutputKind {
        switch self {
        case .scalar: return .scalar
        case .series: return .series
        case .table: return .table
        case .text: return .text
        case .heatmap: return .heatmap
        case .graph: return .graph
        }
    }
}
