/// A place in a notebook: the file, and a 1-based line and column in that file (the `.md`, not the cell).
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The path as the user gave it.
    public var file: String
    /// The 1-based line in the file.
    public var line: Int
    /// The 1-based column (in Unicode scalars) on that line.
    public var column: Int

    /// A location from its parts.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, as diagnostics print it.
    public var description: String { "\(file):\(line):\(column)" }
}

/// A half-open range of source text, used to underline more than one character.
public struct SourceRange: Hashable, Codable, Sendable {
    /// The first character.
    public var start: SourceLocation
    /// The number of columns covered on the start line (at least 1).
    public var length: Int

    /// A range starting at `start` and covering `length` columns.
    public init(start: SourceLocation, length: Int = 1) {
        self.start = start
        self.length = max(1, length)
    }
}
