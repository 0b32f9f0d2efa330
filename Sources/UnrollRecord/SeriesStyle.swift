/// How the points of one series line are drawn: joined by a line, as separate markers, or both.
public enum SeriesStyle: String, CaseIterable, Equatable, Sendable {
    /// A line through the points (the default).
    case lines
    /// A marker at each point, no line (a scatter plot).
    case points
    /// A line through the points and a marker at each.
    case both

    /// Whether a line joins the points.
    public var drawsLine: Bool { self != .points }
    /// Whether each point gets a marker.
    public var drawsMarkers: Bool { self != .lines }
}
