/// How one line of a plot is drawn: a colour from a colour-blind-safe palette and a dash pattern, so that lines
/// stay distinguishable in grey-scale print.
public struct LineStyle: Equatable, Sendable {
    /// The stroke colour as `#rrggbb`.
    public let color: String
    /// The SVG `stroke-dasharray`, or nil for a solid line.
    public let dashArray: String?

    /// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), darkest first.
    private static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#E69F00", "#56B4E9"]
    /// Dash patterns, solid first; their count is coprime with the palette's so pairs repeat late.
    private static let dashes: [String?] = [nil, "8 4", "2 3", "10 3 2 3", "4 2", "1 4"]

    /// The style of the line at `index` in legend order.
    public static func at(_ index: Int) -> LineStyle {
        precondition(index >= 0, "line style index must be non-negative; got \(index)")
        return LineStyle(color: palette[index % palette.count], dashArray: dashes[index % dashes.count])
    }
}
