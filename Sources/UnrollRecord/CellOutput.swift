/// One typed thing a cell showed (a number, a plot, a table, text, a heatmap), under a stable name that
/// `unroll check` uses to match it with the baseline.
public struct CellOutput: Equatable, Sendable {
    /// The stable key within its cell, for example `print-1`, `plot-1` or `lm/history`.
    public var name: String
    /// What was shown.
    public var content: OutputContent

    /// An output from its parts.
    public init(name: String, content: OutputContent) {
        self.name = name
        self.content = content
    }

    /// A scalar output (with what an `expect` compared, for its outcome).
    public static func scalar(_ name: String, _ value: Double, label: String? = nil, expectation: Expectation? = nil)
        -> CellOutput
    {
        CellOutput(name: name, content: .scalar(ScalarOutput(value: value, label: label, expectation: expectation)))
    }

    /// A series (line plot) output.
    public static func series(_ name: String, _ series: SeriesOutput) -> CellOutput {
        CellOutput(name: name, content: .series(series))
    }

    /// A table output.
    public static func table(_ name: String, _ table: TableOutput) -> CellOutput {
        CellOutput(name: name, content: .table(table))
    }

    /// A text output.
    public static func text(_ name: String, _ text: String) -> CellOutput {
        CellOutput(name: name, content: .text(text))
    }

    /// An unrolled-graph output.
    public static func graph(_ name: String, _ graph: UnrolledGraphOutput) -> CellOutput {
        CellOutput(name: name, content: .graph(graph))
    }

    /// A heatmap output.
    public static func heatmap(_ name: String, _ heatmap: HeatmapOutput) -> CellOutput {
        CellOutput(name: name, content: .heatmap(heatmap))
    }

    /// The JSON form: `name`, `kind`, and the kind's own fields side by side.
    var json: JSONValue {
        var fields: [String: JSONValue]
        switch content {
        case .scalar(let scalar): fields = scalar.jsonFields
        case .series(let series): fields = series.jsonFields
        case .table(let table): fields = table.jsonFields
        case .text(let text): fields = ["text": .string(text)]
        case .heatmap(let heatmap): fields = heatmap.jsonFields
        case .graph(let graph): fields = graph.jsonFields
        }
        fields["name"] = .string(name)
        fields["kind"] = .string(content.kind.rawValue)
        return .object(fields)
    }

    /// Reads the JSON form.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        name = try reader.string("name")
        switch try reader.choice("kind", as: OutputKind.self) {
        case .scalar: content = .scalar(try ScalarOutput(reading: &reader))
        case .series: content = .series(try SeriesOutput(reading: &reader))
        case .table: content = .table(try TableOutput(reading: &reader))
        case .text: content = .text(try reader.string("text"))
        case .heatmap: content = .heatmap(try HeatmapOutput(reading: &reader))
        case .graph: content = .graph(try UnrolledGraphOutput(reading: &reader))
        }
        try reader.finish()
    }
}
