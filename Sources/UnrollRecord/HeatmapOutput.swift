/// A matrix of numbers with labelled rows and columns, such as an attention table (rows are output tokens,
/// columns are input tokens).
public struct HeatmapOutput: Equatable, Sendable {
    /// The caption.
    public var title: String
    /// One label per row (output tokens).
    public var rowLabels: [String]
    /// One label per column (input tokens).
    public var columnLabels: [String]
    /// The values, one row per row label, each with one value per column label.
    public var values: [[Double]]

    /// A heatmap from its parts; the matrix must be `rowLabels.count` × `columnLabels.count`.
    public init(title: String, rowLabels: [String], columnLabels: [String], values: [[Double]]) {
        precondition(values.count == rowLabels.count, "heatmap has \(values.count) rows for \(rowLabels.count) row labels")
        for (i, row) in values.enumerated() {
            precondition(
                row.count == columnLabels.count,
                "heatmap row \(i) has \(row.count) values for \(columnLabels.count) column labels")
        }
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
    }

    /// The fields of the JSON form.
    var jsonFields: [String: JSONValue] {
        [
            "title": .string(title),
            "row_labels": .array(rowLabels.map(JSONValue.string)),
            "column_labels": .array(columnLabels.map(JSONValue.string)),
            "values": .array(values.map { .array($0.map(JSONValue.double)) }),
        ]
    }

    /// Reads the fields of the JSON form, checking the shape.
    init(reading reader: inout JSONObjectReader) throws {
        title = try reader.string("title")
        rowLabels = try reader.strings("row_labels")
        columnLabels = try reader.strings("column_labels")
        let valuesPath = reader.path(of: "values")
        let rowValues = try reader.array("values")
        guard rowValues.count == rowLabels.count else {
            throw RecordDecodingError(path: valuesPath, message: "\(rowValues.count) rows for \(rowLabels.count) row labels")
        }
        var values: [[Double]] = []
        for (i, rowValue) in rowValues.enumerated() {
            let rowPath = "\(valuesPath)[\(i)]"
            let items = try JSONDecoding.array(rowValue, path: rowPath)
            guard items.count == columnLabels.count else {
                throw RecordDecodingError(
                    path: rowPath, message: "\(items.count) values for \(columnLabels.count) column labels")
            }
            values.append(try items.enumerated().map { try JSONDecoding.double($1, path: "\(rowPath)[\($0)]") })
        }
        self.values = values
    }

    /// Equal when labels match and values are equal, counting NaN as equal to NaN.
    public static func == (lhs: HeatmapOutput, rhs: HeatmapOutput) -> Bool {
        lhs.title == rhs.title && lhs.rowLabels == rhs.rowLabels && lhs.columnLabels == rhs.columnLabels
            && lhs.values.count == rhs.values.count && zip(lhs.values, rhs.values).allSatisfy { sameNumbers($0, $1) }
    }
}
