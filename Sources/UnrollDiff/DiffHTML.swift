import UnrollRecord
import UnrollReport

/// A diff as one self-contained HTML file in the reports' style: header, provenance, the value table, the overlaid
/// curves inline as SVG, heatmaps old, new and their difference side by side, word diffs with `<del>`/`<ins>`,
/// and the unchanged cells in one line. All text is escaped; no scripts, no network requests.
public enum DiffHTML {
    /// The complete HTML text, ending in a newline; equal diffs give equal bytes.
    public static func render(_ diff: RecordDiff, oldLabel: String, newLabel: String) -> String {
        let title = "Diff: " + diff.new.title
        let head = HTMLReport.head(title: title, extraCSS: "\n" + css)
        let header = HTMLNode.el(
            "header", ["class": "report-header"],
            [
                .el("p", ["class": "eyebrow"], text: "Unroll diff"),
                .el("h1", text: title),
                .el("dl", ["class": "meta"], [
                    .el("dt", text: "Old"), .el("dd", text: DiffFormat.side(oldLabel, diff.old)),
                    .el("dt", text: "New"), .el("dd", text: DiffFormat.side(newLabel, diff.new)),
                    .el("dt", text: "Result"),
                    .el("dd", [:], [.el("span", ["class": diff.differsBeyondTolerance ? "count count-failed" : "count count-passed"],
                                        text: diff.summary)]),
                ]),
            ])
        let body = HTMLNode.el(
            "body", [:],
            [.newline, .el("main", ["class": "page"], [.newline, header, .newline,
                                                        .el("article", [:], sections(diff).flatMap { [.newline, $0] } + [.newline]),
                                                        .newline]), .newline])
        return "<!DOCTYPE html>\n" + HTMLNode.el("html", ["lang": "en"], [.newline, head, .newline, body, .newline]).render() + "\n"
    }

    /// The sections under the header, each only when it has something to show.
    private static func sections(_ diff: RecordDiff) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        if !diff.provenance.isEmpty {
            nodes.append(.el("h2", text: "How the runs were made"))
            nodes.append(.el("ul", ["class": "provenance"], diff.provenance.map { .el("li", text: $0) }))
        }
        if !diff.changes.isEmpty {
            nodes.append(.el("h2", text: "Changed values"))
            nodes.append(.el("div", ["class": "table-wrap"], [valueTable(diff.changes)]))
            for output in diff.changedOutputs where output.unlisted > 0 {
                nodes.append(.el("p", ["class": "note"],
                                 text: "\(output.unlisted) more differing values in \(DiffFormat.heading(output)) not listed."))
            }
        }
        let series = DiffFormat.series(diff)
        if !series.isEmpty {
            nodes.append(.el("h2", text: "Curves (old dashed, new solid)"))
            for (output, old, new) in series {
                nodes.append(.el("figure", ["class": "output output-series", "data-output": output.name], [
                    .el("div", ["class": "output-name"], text: DiffFormat.heading(output)), .newline,
                    OverlaidSeries.plot(old: old, new: new).node(),
                ]))
            }
        }
        let heatmaps = DiffFormat.heatmaps(diff)
        if !heatmaps.isEmpty {
            nodes.append(.el("h2", text: "Attention tables"))
            for (output, old, new) in heatmaps {
                var panels: [HTMLNode] = [panel("old", old), panel("new", new)]
                if let difference = DiffFormat.difference(old: old, new: new) { panels.append(panel("new − old", difference)) }
                nodes.append(.el("div", ["class": "output output-heatmap", "data-output": output.name], [
                    .el("div", ["class": "output-name"], text: DiffFormat.heading(output)),
                    .el("div", ["class": "side-by-side"], panels),
                ]))
            }
        }
        let texts = DiffFormat.texts(diff)
        if !texts.isEmpty {
            nodes.append(.el("h2", text: "Text"))
            for (output, old, new) in texts {
                nodes.append(.el("div", ["class": "output output-text", "data-output": output.name], [
                    .el("div", ["class": "output-name"], text: DiffFormat.heading(output)),
                    .el("pre", ["class": "word-diff"], wordDiff(old: old, new: new)),
                ]))
            }
        }
        if let unchanged = diff.unchangedLine {
            nodes.append(.el("h2", text: "Unchanged"))
            nodes.append(.el("p", ["class": "unchanged"], text: unchanged))
        }
        return nodes
    }

    /// The value table; numbers align right and the verdict carries a class for its colour.
    static func valueTable(_ changes: [ValueChange]) -> HTMLNode {
        let header = HTMLNode.el("tr", [:], DiffFormat.valueHeader.map { .el("th", ["scope": "col"], text: $0) })
        var rows: [HTMLNode] = [.newline]
        for change in changes {
            let cells = DiffFormat.cells(change)
            var nodes: [HTMLNode] = cells[0..<3].map { .el("td", [:], [.el("code", text: $0)]) }
            nodes += cells[3..<7].map { .el("td", ["class": "num"], text: $0) }
            nodes.append(.el("td", ["class": "verdict verdict-\(change.verdict.counts ? "bad" : "ok")"], text: cells[7]))
            rows.append(.el("tr", [:], nodes))
            rows.append(.newline)
        }
        return .el("table", ["class": "data diff-values"], [.el("thead", [:], [header]), .el("tbody", [:], rows)])
    }

    /// One heatmap under a small label.
    private static func panel(_ label: String, _ heatmap: HeatmapOutput) -> HTMLNode {
        .el("div", ["class": "panel"], [.el("div", ["class": "panel-label"], text: label),
                                         .el("div", ["class": "table-wrap"], [HeatmapTable.node(heatmap)])])
    }

    /// The word diff's nodes: shared text as is, removed text in `<del>`, inserted text in `<ins>`.
    static func wordDiff(old: String, new: String) -> [HTMLNode] {
        WordDiff.pieces(old: old, new: new).flatMap { piece -> [HTMLNode] in
            switch piece {
            case .same(let text): return [.text(text)]
            case .changed(let a, let b):
                return (a.isEmpty ? [] : [.el("del", text: a)]) + (b.isEmpty ? [] : [.el("ins", text: b)])
            }
        }
    }

    /// The rules the diff adds to the reports' style sheet.
    static let css = """
        .provenance li { font-size: 14px; }
        table.diff-values td code { background: transparent; border: 0; padding: 0; }
        .verdict { font-size: 13px; font-weight: 600; white-space: nowrap; }
        .verdict-bad { color: var(--bad); } .verdict-ok { color: var(--ok); }
        .side-by-side { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        .panel-label { font-size: 12px; font-weight: 600; color: var(--muted); margin: 0 0 4px; }
        pre.word-diff { white-space: pre-wrap; overflow-wrap: anywhere; background: #ffffff; }
        del { background: #ffebe9; color: #82071e; text-decoration: line-through; }
        ins { background: #dafbe1; color: #116329; text-decoration: none; font-weight: 600; }
        .unchanged { color: var(--muted); }

        """
}
