/// One ```` ```rnn ```` block: the code to run, where it is in the file, and its options.
public struct Cell: Equatable, Hashable, Sendable, Codable {
    /// The 0-based position among the notebook's rnn cells.
    public var index: Int
    /// The stable name baselines use: the `id=` option, or `cell-N` with N = index + 1.
    public var id: String
    /// The code between the fences, each line ending in LF (empty for an empty cell).
    public var source: String
    /// The 1-based file line of the opening fence.
    public var fenceLine: Int
    /// The 1-based file line of the first source line (the line after the fence, even when the body is empty).
    public var sourceLine: Int
    /// The 1-based file line of the closing fence, or the document's last line when the fence is unclosed.
    public var endLine: Int
    /// The options from the info string.
    public var options: CellOptions

    /// A cell from its parts.
    public init(
        index: Int, id: String, source: String, fenceLine: Int, sourceLine: Int, endLine: Int,
        options: CellOptions
    ) {
        self.index = index
        self.id = id
        self.source = source
        self.fenceLine = fenceLine
        self.sourceLine = sourceLine
        self.endLine = endLine
        self.options = options
    }

    /// The default id of the cell at 0-based `index`: `cell-1`, `cell-2`, …
    public static func defaultID(index: Int) -> String { "cell-\(index + 1)" }
}
