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
    /// The figure's caption (`plot … { caption: "…" }`), shown under it with its number; nil when none was given.
    public var caption: String?

    /// A figure from its parts.
    public init(title: String, xLabel: String, yLabel: String, lines: [SeriesLine], caption: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.lines = lines
        self.caption = caption
    }

    /// The fields of the JSON form (`caption` only when set).
    var jsonFields: [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "title": .string(title),
            "x_label": .string(xLabel),
            "y_label": .string(yLabel),
            "lines": .array(lines.map(\.json)),
        ]
        if let caption { fields["caption"] = .string(caption) }
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
        caption = try reader.optionalString("caption")
    }
}

/// One line of a series figure: a name and its points (NaN values are gaps).
public struct SeriesLine: Equatable, Sendable {
    /// The legend name, for example `train`.
    public var name: String
    /// The x coordinates.
    public var x: [Double]
    /// The y coordinates, one per x.
    public var y: [Double]

    /// A line from its points; `x` and `y` must have the same length.
    public init(name: String, x: [Double], y: [Double]) {
        precondition(x.count == y.count, "series line '\(name)' has \(x.count) x values but \(y.count) y values")
        self.name = name
        self.x = x
        self.y = y
    }

    /// A line whose x values are 1, 2, 3, … (epochs or steps).
    public init(name: String, y: [Double]) {
        self.init(name: name, x: y.indices.map { Double($0 + 1) }, y: y)
    }

    /// The JSON form: `{"name", "x", "y"}`.
    var json: JSONValue {
        .object(["name": .string(name), "x": .array(x.map(JSONValue.double)), "y": .array(y.map(JSONValue.double))])
    }

    /// Reads the JSON form, checking that x and y have the same length.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        name = try reader.string("name")
        x = try reader.doubles("x")
        y = try reader.doubles("y")
        try reader.finish()
        guard x.count == y.count else {
            throw RecordDecodingError(path: path, message: "\(x.count) x values but \(y.count) y values")
        }
    }

    /// Equal when names match and the points are equal, counting NaN as equal to NaN.
    public static func == (lhs: SeriesLine, rhs: SeriesLine) -> Bool {
        lhs.name == rhs.name && sameNumbers(lhs.x, rhs.x) && sameNumbers(lhs.y, rhs.y)
    }
}
