import UnrollDiagnostics

/// The source of one `rnn` cell and where it sits in the `.md` file.
public struct CellSource: Hashable, Sendable {
    /// The cell's text, without the fences.
    public var source: String
    /// The line of the `.md` file holding the cell's first line.
    public var firstLine: Int
    /// Columns to add to every column (the indentation the fence had), 0 for an unindented block.
    public var columnOffset: Int

    /// A cell from its parts.
    public init(source: String, firstLine: Int, columnOffset: Int = 0) {
        self.source = source
        self.firstLine = firstLine
        self.columnOffset = columnOffset
    }
}

/// Parses and checks all cells of a notebook: what `unroll lint` reports and what `run` needs first.
///
/// Every cell is parsed, and all syntax errors are reported. Only when every cell parses are the cells
/// checked, together and in order, so that a statement lost to a syntax error does not cause a flood of
/// "unknown name" errors further down.
public struct Analysis: Sendable {
    /// The parsed cells, one program per cell, in order (statements that failed to parse are left out).
    public let programs: [Program]
    /// Every syntax error, or when there are none every checker error and warning, sorted by place.
    public let diagnostics: [Diagnostic]
    /// The static type of every top-level name after the last cell (empty when parsing failed).
    public let globals: [String: ValueType]

    /// Parses and checks `cells` of `file`, with the front-matter `params` (after command-line overrides).
    public init(cells: [CellSource], file: String, params: [String: ConstantValue] = [:], builtins: Builtins) {
        var programs: [Program] = []
        var syntax: [Diagnostic] = []
        for cell in cells {
            let (program, problems) = Parser.parse(source: cell.source, file: file, firstLine: cell.firstLine,
                                                   columnOffset: cell.columnOffset)
            programs.append(program)
            syntax += problems
        }
        self.programs = programs
        if syntax.isEmpty {
            let result = Checker(builtins: builtins, params: params).check(programs)
            diagnostics = result.diagnostics
            globals = result.globals
        } else {
            diagnostics = DiagnosticList(syntax).diagnostics
            globals = [:]
        }
    }

    /// Whether any diagnostic is an error (the notebook must not run).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
