/// A table a cell showed: column headers, rows of numbers or text, and optional row headers.
public struct TableOutput: Equatable, Sendable {
    /// The caption; empty for none.
    public var title: String
    /// The column headers (not counting the row-header column).
    public var columns: [String]
    /// One header per row, or nil for a table without row headers.
    public var rowHeaders: [String]?
    /// The rows; each has one cell per column.
    public var rows: [[TableCell]]

    /// A table from its parts; every row must have one cell per column, and row headers one per row.
    public init(title: String = "", columns: [String], rowHeaders: [String]? = nil, rows: [[TableCell]]) {
        for (i, row) in rows.enumerated() {
            precondition(row.count == columns.count, "table row \(i) has \(row.count) cells for \(columns.count) columns")
        }
        if let rowHeaders {
            precondition(rowHeaders.count == rows.count, "table has \(rowHeaders.count) row headers for \(rows.count) rows")
        }
        self.title = title
        self.columns = columns
        self.rowHeaders = rowHeaders
        self.rows = rows
    }

    /// The fields of the JSON form.
    var jsonFields: [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "title": .string(title),
            "columns": .array(columns.map(JSONValue.string)),
            "rows": .array(rows.map { .array($0.map(\.json)) }),
        ]
        if let rowHeaders { fields["row_headers"] = .array(rowHeaders.map(JSONValue.string)) }
        return fields
    }

    /// Reads the fields of the JSON form, checking the shape.
    init(reading reader: inout JSONObjectReader) throws {
        title = try reader.string("title")
        columns = try reader.strings("columns")
        rowHeaders = reader.optional("row_headers") == nil ? nil : try reader.strings("row_headers")
        let rowsPath = reader.path(of: "rows")
        let rowValues = try reader.array("rows")
        var rows: [[TableCell]] = []
        for (i, rowValue) in rowValues.enumerated() {
            let rowPath = "\(rowsPath)[\(i)]"
            let cells = try JSONDecoding.array(rowValue, path: rowPath)
            guard cells.count == columns.count else {
                throw RecordDecodingError(path: rowPath, message: "\(cells.count) cells for \(columns.count) columns")
            }
            rows.append(try cells.enumerated().map { try TableCell(json: $1, path: "\(rowPath)[\($0)]") })
        }
        self.rows = rows
        if let rowHeaders, rowHeaders.count != rows.count {
            throw RecordDecodingError(
                path: reader.path(of: "row_headers"), message: "\(rowHeaders.count) row headers for \(rows.count) rows")
        }
    }
}

/// One table cell: a number or text.
public enum TableCell: Equatable, Sendable {
    /// A number (NaN and infinities allowed).
    case number(Double)
    /// Text.
    case text(String)

    /// The JSON form: a number or string; a non-finite number is written `{"number": "nan"}` so that it does
    /// not read back as text.
    var json: JSONValue {
        switch self {
        case .number(let value): return value.isFinite ? .double(value) : .object(["number": .double(value)])
        case .text(let text): return .string(text)
        }
    }

    /// Reads the JSON form.
    init(json: JSONValue, path: String) throws {
        switch json {
        case .number: self = .number(try JSONDecoding.double(json, path: path))
        case .string(let text): self = .text(text)
        case .object:
            var reader = try JSONObjectReader(json, path: path)
            self = .number(try reader.double("number"))
            try reader.finish()
        default: throw JSONDecoding.mismatch("a number or string", json, path)
        }
    }

    /// Equal when both are the same text or the same number, counting NaN as equal to NaN.
    public static func == (lhs: TableCell, rhs: TableCell) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): return sameNumber(a, b)
        case (.text(let a), .text(let b)): return a == b
        default: return false
        }
    }
}
