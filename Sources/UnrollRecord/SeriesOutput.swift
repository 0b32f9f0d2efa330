/// A line plot: named lines of (x, y) points sharing a title and axis labels, such as a loss curve.
public struct SeriesOutput: Equatable, Sendable {
    /// The figure's title.
    public var title: String
    /// The label of the horizontal axis, for example `epoch`.
    public var xLabel: String
    /// The label of the vertical axis, for example `loss`.
    public var yLabel: String
    /// The lines, in legend order.
    public var lines: [SeriesLine]
    /// Whether the horizontal axis is logarithmic.
    public var logX: Bool
    /// Whether the vertical axis is logarithmic.
    public var logY: Bool

    /// A figure from its parts; both axes are linear unless `logX` or `logY` says otherwise.
    public init(title: String, xLabel: String, yLabel: String, lines: [SeriesLine], logX: Bool = false, logY: Bool = false) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.lines = lines
        self.logX = logX
        self.logY = logY
    }

    /// The logarithmic axes as the JSON form writes them: `""`, `"x"`, `"y"` or `"xy"`.
    var logAxes: String { (logX ? "x" : "") + (logY ? "y" : "") }

    /// The fields of the JSON form; `log` is written only when an axis is logarithmic, so that records of
    /// linear plots are the same as before the field existed.
    var jsonFields: [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "title": .string(title),
            "x_label": .string(xLabel),
            "y_label": .string(yLabel),
            "lines": .array(lines.map(\.json)),
        ]
        if !logAxes.isEmpty { fields["log"] = .string(logAxes) }
        return fields
    }

    /// Reads the fields of the JSON form.
    init(reading reader: inout JSONObjectReader) throws {
        title = try reader.string("title")
        xLabel = try reader.string("x_label")
        yLabel = try reader.string("y_label")
        let items = try reader.array("lines")
        let linesPath = reader.path(of: "lines")
        lines = try items.enumerated().map { try SeriesLine(json: $1, path: "\(linesPath)[\($0)]") }
        let log = try reader.optionalString("log") ?? ""
        guard ["", "x", "y", "xy"].contains(log) else {
            throw RecordDecodingError(path: reader.path(of: "log"), message: "expected \"x\", \"y\" or \"xy\", got \"\(log)\"")
        }
        logX = log.contains("x")
        logY = log.contains("y")
    }
}

/// One line of a series figure: a name and its points (NaN values are gaps), how they are drawn, and the
/// group of lines that share a colour.
public struct SeriesLine: Equatable, Sendable {
    /// The legend name, for example `train`.
    public var name: String
    /// The x coordinates.
    public var x: [Double]
    /// The y coordinates, one per x.
    public var y: [Double]
    /// Whether the points are joined, marked, or both.
    public var style: SeriesStyle
    /// The lines of one group (a model's train and valid curves) share a colour and differ by dash; nil for
    /// a line of its own.
    public var group: String?

    /// A line from its points; `x` and `y` must have the same length.
    public init(name: String, x: [Double], y: [Double], style: SeriesStyle = .lines, group: String? = nil) {
        precondition(x.count == y.count, "series line '\(name)' has \(x.count) x values but \(y.count) y values")
        self.name = name
        self.x = x
        self.y = y
        self.style = style
        self.group = group
    }

    /// A line whose x values are 1, 2, 3, … (epochs or steps).
    public init(name: String, y: [Double], style: SeriesStyle = .lines, group: String? = nil) {
        self.init(name: name, x: y.indices.map { Double($0 + 1) }, y: y, style: style, group: group)
    }

    /// The JSON form: `{"name", "x", "y"}`, plus `style` when it is not `lines` and `group` when there is one.
    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "name": .string(name), "x": .array(x.map(JSONValue.double)), "y": .array(y.map(JSONValue.double)),
        ]
        if style != .lines { fields["style"] = .string(style.rawValue) }
        if let group { fields["group"] = .string(group) }
        return .object(fields)
    }

    /// Reads the JSON form, checking that x and y have the same length.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        name = try reader.string("name")
        x = try reader.doubles("x")
        y = try reader.doubles("y")
        let style = try reader.optionalString("style") ?? SeriesStyle.lines.rawValue
        guard let known = SeriesStyle(rawValue: style) else {
            throw RecordDecodingError(path: reader.path(of: "style"), message: "expected \"lines\", \"points\" or \"both\", got \"\(style)\"")
        }
        self.style = known
        group = try reader.optionalString("group")
        try reader.finish()
        guard x.count == y.count else {
            throw RecordDecodingError(path: path, message: "\(x.count) x values but \(y.count) y values")
        }
    }

    /// Equal when names, styles and groups match and the points are equal, counting NaN as equal to NaN.
    public static func == (lhs: SeriesLine, rhs: SeriesLine) -> Bool {
        lhs.name == rhs.name && lhs.style == rhs.style && lhs.group == rhs.group
            && sameNumbers(lhs.x, rhs.x) && sameNumbers(lhs.y, rhs.y)
    }
}
