import UnrollDiagnostics

/// Turns a notebook's text into a `Notebook`: front matter, prose, code blocks and rnn cells in order.
public enum NotebookParser {
    /// The info-string language that marks a cell to run.
    public static let cellLanguage = "rnn"

    /// Parses the notebook at `path` whose text is `source`.
    ///
    /// `path` is only used in diagnostics, as given. Throws a `DiagnosticList` holding every problem found
    /// (errors and warnings) when there is at least one error; warnings alone end up in `Notebook.warnings`.
    public static func parse(path: String, source: String) throws -> Notebook {
        let text = SourceText(source)
        var diagnostics: [Diagnostic] = []

        let front = FrontMatterParser(path: path).parse(text)
        diagnostics += front.diagnostics
        var markdown = text.text
        var firstBodyLine = 1
        if let lines = front.frontMatter.lines {
            markdown = text.blankingLines(from: lines.lowerBound, through: lines.upperBound)
            firstBodyLine = lines.upperBound + 1
        }

        let document = CommonMarkConverter.convert(markdown)
        var builder = BlockBuilder(path: path, text: text, gapStart: firstBodyLine)
        for block in document.blocks {
            switch block {
            case .prose(let prose):
                builder.pendingHTML.append(prose.html)
                builder.pendingImages += prose.images
            case .code(let code): builder.add(code)
            }
        }
        builder.flushProse(through: text.lineCount)
        diagnostics += builder.diagnostics
        diagnostics += duplicateIDs(builder.cells, path: path)
        diagnostics += nestedCells(document.nestedCode, path: path)

        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return Notebook(
            path: path, frontMatter: front.frontMatter, blocks: builder.blocks,
            warnings: DiagnosticList(diagnostics).diagnostics)
    }

    /// An error for each cell whose id an earlier cell already has.
    private static func duplicateIDs(_ cells: [BlockBuilder.PlacedCell], path: String) -> [Diagnostic] {
        var firstLine: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for placed in cells {
            let id = placed.cell.id
            if let line = firstLine[id] {
                let fix = placed.cell.options.id == nil ? "; give this cell its own 'id='" : "; pick another id"
                diagnostics.append(Diagnostic(
                    .error, "duplicate cell id '\(id)'; the cell on line \(line) already uses it" + fix,
                    at: placed.idLocation, length: placed.cell.options.id == nil ? 3 : id.unicodeScalars.count))
            } else {
                firstLine[id] = placed.cell.fenceLine
            }
        }
        return diagnostics
    }

    /// A warning for each rnn block inside a list or quote, which does not run.
    private static func nestedCells(_ nested: [MarkdownCode], path: String) -> [Diagnostic] {
        nested.filter { language(of: $0.info) == cellLanguage }.map { code in
            Diagnostic(
                .warning, "'rnn' block inside a list or block quote does not run; move it to the top level",
                at: SourceLocation(file: path, line: code.startLine, column: max(1, code.startColumn)), length: 3)
        }
    }

    /// The first word of an info string.
    static func language(of info: String) -> String {
        String(info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
}

/// Collects `NotebookBlock`s from cmark's top-level blocks: groups the prose between code blocks, turns
/// rnn blocks into cells and the rest into code blocks.
private struct BlockBuilder {
    /// A cell with the location its id diagnostics point at.
    struct PlacedCell {
        /// The cell.
        var cell: Cell
        /// The `id=` value, or the fence when the id is the default.
        var idLocation: SourceLocation
    }

    /// The notebook path.
    let path: String
    /// The normalised notebook text.
    let text: SourceText
    /// The first file line not yet assigned to a block.
    var gapStart: Int
    /// HTML of the prose nodes seen since the last code block.
    var pendingHTML: [String] = []
    /// The images of the prose blocks in `pendingHTML`.
    var pendingImages: [ProseImage] = []
    /// The blocks so far.
    var blocks: [NotebookBlock] = []
    /// The cells so far.
    var cells: [PlacedCell] = []
    /// Problems with cell options.
    var diagnostics: [Diagnostic] = []

    /// Adds a code block (as a cell when its language is rnn), after the prose before it.
    mutating func add(_ code: MarkdownCode) {
        flushProse(through: code.startLine - 1)
        gapStart = code.endLine + 1
        var code = code
        while code.endLine > code.startLine, text.isBlank(code.endLine) { code.endLine -= 1 }
        let fence = text.line(code.startLine).flatMap(FenceLine.init)
        let language = NotebookParser.language(of: code.info)
        guard let fence, language == NotebookParser.cellLanguage else {
            if fence != nil, language.lowercased() == NotebookParser.cellLanguage {
                diagnostics.append(Diagnostic(
                    .warning, "code block language '\(language)' is not 'rnn', so it does not run; write 'rnn' to run it",
                    at: SourceLocation(file: path, line: code.startLine, column: fence?.words.first?.column ?? 1),
                    length: language.unicodeScalars.count))
            }
            blocks.append(.code(CodeBlock(
                language: language, info: code.info, code: code.literal, isFenced: fence != nil,
                line: code.startLine, endLine: code.endLine)))
            return
        }
        let parsed = CellOptionsParser(path: path).parse(Array(fence.words.dropFirst()), line: code.startLine)
        diagnostics += parsed.diagnostics
        let index = cells.count
        let cell = Cell(
            index: index, id: parsed.options.id ?? Cell.defaultID(index: index), source: code.literal,
            fenceLine: code.startLine, sourceLine: code.startLine + 1, endLine: code.endLine,
            options: parsed.options)
        let fenceLocation = SourceLocation(file: path, line: code.startLine, column: max(1, code.startColumn))
        cells.append(PlacedCell(cell: cell, idLocation: parsed.idLocation ?? fenceLocation))
        blocks.append(.cell(cell))
    }

    /// Emits the prose between `gapStart` and `last` (blank lines at both ends dropped), if there is any.
    mutating func flushProse(through last: Int) {
        defer { pendingHTML = []; pendingImages = [] }
        var first = gapStart, end = min(last, text.lineCount)
        while first <= end, text.isBlank(first) { first += 1 }
        while end >= first, text.isBlank(end) { end -= 1 }
        guard first <= end else { return }
        blocks.append(.prose(Prose(
            markdown: text.slice(from: first, through: end), html: pendingHTML.joined(),
            startLine: first, endLine: end, images: pendingImages)))
    }
}
