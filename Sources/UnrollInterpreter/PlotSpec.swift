import UnrollDiagnostics
import UnrollRecord

/// What a figure of curves is asked to look like: the options of `plot`, or the defaults `show` uses.
struct PlotSpec {
    /// The figure's title.
    var title: String
    /// Which curves of a History to draw.
    var metric = "loss"
    /// One legend entry per plotted item, if given.
    var labels: [String]? = nil
    /// Where `labels` was written.
    var labelsPlace: SourceRange? = nil
    /// How lines without a style of their own are drawn.
    var style = SeriesStyle.lines
    /// Which axes are logarithmic.
    var logX = false, logY = false
    /// The axis titles, when given instead of the ones the data suggests.
    var xLabel: String? = nil, yLabel: String? = nil
}
