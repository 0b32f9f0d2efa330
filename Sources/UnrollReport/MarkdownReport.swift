import UnrollRecord

/// A report as GitHub-flavoured Markdown: the text, and the SVG figure files it links to.
public struct MarkdownReport: Equatable, Sendable {
    /// The Markdown text, ending in a newline.
    public var text: String
    /// The figures, in the order the text links them; paths are relative to the output folder.
    public var figures: [ReportFigure]

    /// The most rows a series table lists before it samples evenly.
    public static let seriesRowLimit = 20

    /// Renders `document` for the output file `NAME.md`, whose figures go in the folder `NAME/`.
    public init(_ document: ReportDocument, name: String) {
        var writer = Writer(name: name, figureNumbers: document.figureNumbers)
        writer.header(document)
        writer.contents(ReportHeadings(document).all)
        for block in document.blocks { writer.block(block) }
        text = writer.blocks.joined(separator: "\n")
        figures = writer.figures
    }

    /// Accumulates blocks (each ending in a newline; joined with blank lines) and figure files.
    private struct Writer {
        let name: String
        let figureNumbers: [String: Int]
        var blocks: [String] = []
        var figures: [ReportFigure] = []
        var naming = FigureNaming()

        init(name: String, figureNumbers: [String: Int]) {
            self.name = name
            self.figureNumbers = figureNumbers
        }

        /// The title, then a list of notebook path and hash, Unroll version, seed, parameters, cell counts and
        /// (with `--timings`) the run's time.
        mutating func header(_ document: ReportDocument) {
            blocks.append("# " + MarkdownEscaping.inline(document.displayTitle) + "\n")
            var lines = ["- **Notebook:** " + MarkdownEscaping.codeSpan(document.notebookPath)]
            if !document.notebookHash.isEmpty { lines.append("- **SHA-256:** " + MarkdownEscaping.codeSpan(document.notebookHash)) }
            if !document.unrollVersion.isEmpty { lines.append("- **Unroll:** " + MarkdownEscaping.inline(document.unrollVersion)) }
            lines.append("- **Seed:** \(document.seed)")
            if !document.params.isEmpty {
                let params = document.params.map { MarkdownEscaping.codeSpan("\($0.name) = \($0.value)") }
                lines.append("- **Parameters:** " + params.joined(separator: ", "))
            }
            lines.append("- **Cells:** \(document.summary)")
            if let seconds = document.totalSeconds { lines.append("- **Time:** " + NumberFormat.fixed(seconds, decimals: 2) + " s") }
            blocks.append(lines.joined(separator: "\n") + "\n")
        }

        /// A list of links to the prose's headings (GitHub's anchors), indented by level; nothing for fewer than two.
        mutating func contents(_ headings: [ReportHeadings.Heading]) {
            guard headings.count >= 2 else { return }
            let top = headings.map(\.level).min() ?? 1
            let items = headings.map { heading in
                String(repeating: "  ", count: heading.level - top) + "- ["
                    + MarkdownEscaping.inline(heading.text) + "](#" + MarkdownReport.linkDestination(heading.anchor) + ")"
            }
            blocks.append("**Contents**\n\n" + items.joined(separator: "\n") + "\n")
        }

        /// One block: prose copied as its source, code re-fenced, cells with source, status and outputs.
        mutating func block(_ block: ReportBlock) {
            switch block {
            case .prose(_, let markdown):
                let trimmed = markdown.trimmingTrailingNewlines()
                if !trimmed.isEmpty { blocks.append(trimmed + "\n") }
            case .code(let language, let text):
                blocks.append(MarkdownEscaping.codeBlock(text, language: language))
            case .cell(let cell):
                self.cell(cell)
            }
        }

        /// A cell: its source in an rnn fence when echoed, a note for failed, skipped or unrun cells, outputs.
        mutating func cell(_ cell: ReportCell) {
            let record = cell.record
            if cell.echo { blocks.append(MarkdownEscaping.codeBlock(cell.source, language: "rnn")) }
            switch record.status {
            case .skipped:
                blocks.append("> *Skipped:* cell " + MarkdownEscaping.codeSpan(record.id) + " was not run because an earlier cell failed.\n")
            case .notRun:
                blocks.append("> *Not run:* cell " + MarkdownEscaping.codeSpan(record.id) + " has `eval=false`.\n")
            case .passed, .failed:
                break
            }
            if let error = record.error {
                var quote = "> **Error** in cell " + MarkdownEscaping.codeSpan(record.id) + " at "
                    + MarkdownEscaping.codeSpan(error.location.description) + ":\n>\n"
                let lines = error.message.split(separator: "\n", omittingEmptySubsequences: false)
                quote += lines.map { "> " + MarkdownEscaping.inline(String($0)) }.joined(separator: "\n") + "\n"
                blocks.append(quote)
            }
            for output in record.outputs { self.output(output, cellID: record.id) }
        }

        /// One output: scalars as a bold label and value, text fenced, series as a figure plus a number
        /// table, tables and heatmaps as Markdown tables.
        mutating func output(_ output: CellOutput, cellID: String) {
            switch output.content {
            case .scalar(let scalar) where scalar.expectation != nil:
                let outcome = ExpectationText(scalar.expectation!)
                blocks.append(outcome.mark + " " + MarkdownEscaping.codeSpan("expect " + (scalar.label ?? ""))
                    + " (" + MarkdownEscaping.inline(outcome.values) + ")\n")
            case .scalar(let scalar):
                blocks.append(
                    "**" + MarkdownEscaping.inline(scalar.label ?? output.name) + ":** "
                        + NumberFormat.significant(scalar.value) + "\n")
            case .text(let text):
                blocks.append(MarkdownEscaping.codeBlock(text, language: "text"))
            case .series(let series):
                figure(SVGLinePlot(series).document(), title: series.title, output: output, cellID: cellID,
                       caption: FigureCaption(number: figureNumbers[cellID + "/" + output.name], caption: series.caption))
                blocks.append(contentsOf: MarkdownReport.seriesTables(series))
            case .table(let table):
                var text = table.title.isEmpty ? "" : "**" + MarkdownEscaping.inline(table.title) + "**\n\n"
                text += MarkdownReport.table(table)
                blocks.append(text)
            case .heatmap(let heatmap):
                var text = heatmap.title.isEmpty ? "" : "**" + MarkdownEscaping.inline(heatmap.title) + "**\n\n"
                text += MarkdownReport.heatmapTable(heatmap)
                blocks.append(text)
            case .graph(let graph):
                figure(SVGUnrolledGraph(graph).document(), title: graph.title, output: output, cellID: cellID)
            }
        }

        /// An SVG figure written beside the report and linked as an image (its title, or the output's name, as alt text).
        private mutating func figure(_ svg: String, title: String, output: CellOutput, cellID: String,
                                     caption: FigureCaption? = nil) {
            let path = name + "/" + naming.fileName(cellID: cellID, outputName: output.name)
            figures.append(ReportFigure(relativePath: path, contents: svg))
            let alt = title.isEmpty ? output.name : title
            var figure = "![" + MarkdownEscaping.inline(alt) + "](" + MarkdownReport.linkDestination(path) + ")\n"
            if let caption { figure += "\n*" + MarkdownEscaping.inline(caption.label + caption.text) + "*\n" }
            blocks.append(figure)
        }
    }

    /// The numbers of a series: one table when all lines share their x values, otherwise one per line; long
    /// series are sampled evenly (first and last always kept) with a note saying so.
    static func seriesTables(_ series: SeriesOutput) -> [String] {
        guard let first = series.lines.first else { return [] }
        let xHeader = series.xLabel.isEmpty ? "x" : series.xLabel
        let shared = series.lines.allSatisfy { $0.x.count == first.x.count && zip($0.x, first.x).allSatisfy { a, b in a == b || (a.isNaN && b.isNaN) } }
        let groups: [[SeriesLine]] = shared ? [series.lines] : series.lines.map { [$0] }
        return groups.map { lines in
            let count = lines[0].x.count
            let indices = SeriesSampling.indices(count: count, limit: seriesRowLimit)
            let rows = indices.map { i in
                [NumberFormat.significant(lines[0].x[i])] + lines.map { NumberFormat.significant($0.y[i]) }
            }
            var text = MarkdownTable.render(
                header: [xHeader] + lines.map(\.name), rows: rows,
                alignments: Array(repeating: .right, count: lines.count + 1))
            if indices.count < count {
                text += "\n*\(indices.count) of \(count) points shown, evenly spaced.*\n"
            }
            return text
        }
    }

    /// A table output as a Markdown table; numeric columns align right.
    static func table(_ table: TableOutput) -> String {
        guard !table.columns.isEmpty else { return "*(empty table)*\n" }
        var header = table.columns
        var alignments: [MarkdownTable.Alignment] = table.columns.indices.map { column in
            let numeric = !table.rows.isEmpty && table.rows.allSatisfy { if case .number = $0[column] { return true } else { return false } }
            return numeric ? .right : .left
        }
        var rows = table.rows.map { row in
            row.map { cell -> String in
                switch cell {
                case .number(let value): return NumberFormat.significant(value)
                case .text(let text): return text
                }
            }
        }
        if let rowHeaders = table.rowHeaders {
            header.insert("", at: 0)
            alignments.insert(.left, at: 0)
            rows = zip(rowHeaders, rows).map { [$0] + $1 }
        }
        return MarkdownTable.render(header: header, rows: rows, alignments: alignments)
    }

    /// A heatmap as a Markdown table: a header of column labels, then each row label with its values, the
    /// largest value of each row in bold (all of them on a tie), and a line saying so.
    static func heatmapTable(_ heatmap: HeatmapOutput) -> String {
        let scale = HeatmapScale(heatmap)
        let rows = zip(heatmap.rowLabels, heatmap.values).map { label, values -> [String] in
            let maxima = Set(HeatmapScale.maximumColumns(of: values))
            let cells = values.enumerated().map { column, value -> String in
                let number = MarkdownEscaping.inline(scale.label(value))
                return maxima.contains(column) ? "**" + number + "**" : number
            }
            return [MarkdownEscaping.inline(label)] + cells
        }
        let table = MarkdownTable.renderEscaped(
            header: [""] + heatmap.columnLabels.map(MarkdownEscaping.inline), rows: rows,
            alignments: [.left] + Array(repeating: .right, count: heatmap.columnLabels.count))
        return table + "\n*Bold: largest value in its row.*\n"
    }

    /// A relative path as a link destination, percent-encoding everything but unreserved characters and `/`.
    public static func linkDestination(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            let unreserved = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-._~/".unicodeScalars.contains(scalar)
            if unreserved {
                out.unicodeScalars.append(scalar)
            } else {
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xf)])
            }
        }
        return out
    }
}

extension String {
    /// The string without trailing newlines.
    fileprivate func trimmingTrailingNewlines() -> String {
        var result = Substring(self)
        while result.hasSuffix("\n") || result.hasSuffix("\r") { result = result.dropLast() }
        return String(result)
    }
}
