import UnrollDiagnostics

/// Why a cell failed: the message and the place in the notebook it points at.
public struct CellError: Equatable, Sendable {
    /// The message, lower-case, without the location prefix.
    public var message: String
    /// The file, line and column (line in the `.md` file).
    public var location: SourceLocation

    /// An error from its parts.
    public init(message: String, location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// The error a diagnostic describes.
    public init(_ diagnostic: Diagnostic) {
        self.init(message: diagnostic.message, location: diagnostic.location)
    }

    /// The JSON form: `{"column", "file", "line", "message"}`.
    var json: JSONValue {
        .object([
            "message": .string(message),
            "file": .string(location.file),
            "line": .integer(location.line),
            "column": .integer(location.column),
        ])
    }

    /// Reads the JSON form.
    init(json: JSONValue, path: String) throws {
        var reader = try JSONObjectReader(json, path: path)
        message = try reader.string("message")
        location = SourceLocation(
            file: try reader.string("file"),
            line: try reader.integer("line"),
            column: try reader.integer("column")
        )
        try reader.finish()
    }
}
