import UnrollRecord
import UnrollReport

/// A diff as GitHub-flavoured Markdown for a pull-request comment: header, provenance, the value table, the
/// overlaid curves as SVG files beside the text (as `unroll run` writes its figures), heatmaps as one table of
/// `old → new (+d)` cells, word diffs (`~~old~~ **new**`) and the unchanged cells in one line.
public struct DiffMarkdown: Equatable, Sendable {
    /// The Markdown text, ending in a newline.
    public var text: String
    /// The figure files the text links to, paths relative to the text's folder; empty without a figure folder.
    public var figures: [ReportFigure]

    /// Renders `diff`, naming its sides `oldLabel` and `newLabel`; figures go to `figureFolder/` (relative to the
    /// Markdown file), or, when it is nil (the text goes to standard output), are left out with a note.
    public init(_ diff: RecordDiff, oldLabel: String, newLabel: String, figureFolder: String?) {
        var blocks: [String] = []
        var figures: [ReportFigure] = []
        blocks.append("# Diff: " + MarkdownEscaping.inline(diff.new.title) + "\n")
        blocks.append([
            "- **Old:** " + MarkdownEscaping.inline(DiffFormat.side(oldLabel, diff.old)),
            "- **New:** " + MarkdownEscaping.inline(DiffFormat.side(newLabel, diff.new)),
            "- **Result:** " + MarkdownEscaping.inline(diff.summary),
        ].joined(separator: "\n") + "\n")
        if !diff.provenance.isEmpty {
            blocks.append("## How the runs were made\n")
            blocks.append(diff.provenance.map { "- " + MarkdownEscaping.inline($0) }.joined(separator: "\n") + "\n")
        }
        if !diff.changes.isEmpty {
            blocks.append("## Changed values\n")
            var table = MarkdownTable.render(
                header: DiffFormat.valueHeader, rows: diff.changes.map(DiffFormat.cells),
                alignments: [.left, .left, .left, .right, .right, .right, .right, .left])
            for output in diff.changedOutputs where output.unlisted > 0 {
                table += "\n*" + MarkdownEscaping.inline("\(output.unlisted) more differing values in \(DiffFormat.heading(output)) not listed.") + "*\n"
            }
            blocks.append(table)
        }
        let series = DiffFormat.series(diff)
        if !series.isEmpty {
            blocks.append("## Curves (old dashed, new solid)\n")
            var naming = FigureNaming()
            for (output, old, new) in series {
                blocks.append("### " + MarkdownEscaping.inline(DiffFormat.heading(output)) + "\n")
                guard let figureFolder else {
                    blocks.append("*The figure is written only with `--output FILE.md` (into `FILE/`).*\n")
                    continue
                }
                let path = figureFolder + "/" + naming.fileName(cellID: output.cellID, outputName: output.name)
                figures.append(ReportFigure(relativePath: path, contents: OverlaidSeries.plot(old: old, new: new).document()))
                let alt = new.title.isEmpty ? output.name : new.title
                blocks.append("![" + MarkdownEscaping.inline(alt) + "](" + MarkdownReport.linkDestination(path) + ")\n")
            }
        }
        let heatmaps = DiffFormat.heatmaps(diff)
        if !heatmaps.isEmpty {
            blocks.append("## Attention tables\n")
            for (output, old, new) in heatmaps {
                blocks.append("### " + MarkdownEscaping.inline(DiffFormat.heading(output)) + "\n")
                blocks.append(DiffMarkdown.heatmapTable(old: old, new: new))
            }
        }
        let texts = DiffFormat.texts(diff)
        if !texts.isEmpty {
            blocks.append("## Text\n")
            for (output, old, new) in texts {
                blocks.append("### " + MarkdownEscaping.inline(DiffFormat.heading(output)) + "\n")
                blocks.append(DiffMarkdown.wordDiff(old: old, new: new) + "\n")
            }
        }
        if let unchanged = diff.unchangedLine {
            blocks.append("## Unchanged\n")
            blocks.append(MarkdownEscaping.inline(unchanged) + "\n")
        }
        text = blocks.joined(separator: "\n")
        self.figures = figures
    }

    /// Two heatmaps with the same labels as one table of `old → new (+d)` cells; otherwise both, one after the other.
    static func heatmapTable(old: HeatmapOutput, new: HeatmapOutput) -> String {
        func table(_ heatmap: HeatmapOutput, _ cell: (Int, Int) -> String) -> String {
            let rows = heatmap.rowLabels.indices.map { i in
                [heatmap.rowLabels[i]] + heatmap.columnLabels.indices.map { j in cell(i, j) }
            }
            return MarkdownTable.render(header: [""] + heatmap.columnLabels, rows: rows,
                                        alignments: [.left] + heatmap.columnLabels.map { _ in .right })
        }
        guard DiffFormat.difference(old: old, new: new) != nil else {
            return "**Old**\n\n" + table(old) { NumberFormat.significant(old.values[$0][$1]) }
                + "\n**New**\n\n" + table(new) { NumberFormat.significant(new.values[$0][$1]) }
        }
        return table(new) { DiffFormat.heatmapCell(old: old.values[$0][$1], new: new.values[$0][$1]) }
    }

    /// The word diff as one paragraph: removed words `~~struck~~`, inserted words `**bold**`, line breaks `<br>`.
    /// Whitespace at the ends of a change stays outside its markers (where emphasis could not close).
    static func wordDiff(old: String, new: String) -> String {
        func inline(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { MarkdownEscaping.inline(String($0)) }
                .joined(separator: "<br>")
        }
        func marked(_ text: String, _ marker: String) -> String {
            let core = text.trimmingWhitespace()
            guard !core.text.isEmpty else { return inline(text) }
            return inline(core.leading) + marker + inline(core.text) + marker + inline(core.trailing)
        }
        var out = ""
        for piece in WordDiff.pieces(old: old, new: new) {
            switch piece {
            case .same(let text): out += inline(text)
            case .changed(let a, let b):
                if !a.isEmpty { out += marked(a, "~~") }
                if !a.isEmpty && !b.isEmpty { out += " " }
                if !b.isEmpty { out += marked(b, "**") }
            }
        }
        return out
    }
}

extension String {
    /// The string split into its leading whitespace, the rest without trailing whitespace, and that trailing whitespace.
    fileprivate func trimmingWhitespace() -> (leading: String, text: String, trailing: String) {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        guard start < endIndex else { return (self, "", "") }
        let last = lastIndex { !$0.isWhitespace }!
        let end = index(after: last)
        return (String(self[..<start]), String(self[start..<end]), String(self[end...]))
    }
}
