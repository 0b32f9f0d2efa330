import UnrollRecord

/// Renders one typed cell output as HTML: scalars as labelled values, text as preformatted blocks, series as
/// inline SVG plots, tables and heatmaps as `<table>`s.
public enum HTMLOutputRenderer {
    /// The HTML for `output`; a series is figure `figureNumber` when given, captioned with its number and caption.
    public static func node(_ output: CellOutput, figureNumber: Int? = nil) -> HTMLNode {
        switch output.content {
        case .scalar(let scalar) where scalar.expectation != nil:
            let expectation = scalar.expectation!
            let outcome = ExpectationText(expectation)
            return .el(
                "div", ["class": "output output-expect expect-\(expectation.passed ? "passed" : "failed")",
                        "data-output": output.name],
                [
                    .el("span", ["class": "expect-mark", "aria-label": outcome.word], text: outcome.mark),
                    .text(" "), .el("code", text: "expect " + (scalar.label ?? "")),
                    .text(" "), .el("span", ["class": "expect-values"], text: "(" + outcome.values + ")"),
                ])
        case .scalar(let scalar):
            return .el(
                "div", ["class": "output output-scalar", "data-output": output.name],
                [
                    .el("span", ["class": "scalar-label"], text: scalar.label ?? output.name),
                    .el("span", ["class": "scalar-value"], text: NumberFormat.significant(scalar.value)),
                ])
        case .text(let text):
            return .el(
                "div", ["class": "output output-text", "data-output": output.name],
                // HTML drops one newline right after <pre>; a leading extra one keeps the text's own.
                [.el("pre", [:], text: text.hasPrefix("\n") ? "\n" + text : text)])
        case .series(let series):
            var parts: [HTMLNode] = [nameLine(output.name), .newline, SVGLinePlot(series).node()]
            if let caption = FigureCaption(number: figureNumber, caption: series.caption) {
                parts += [.newline, .el("figcaption", [:], [.el("strong", text: caption.label), .text(caption.text)])]
            }
            return .el("figure", ["class": "output output-series", "data-output": output.name], parts)
        case .table(let table):
            return .el(
                "div", ["class": "output output-table", "data-output": output.name],
                [nameLine(output.name), .el("div", ["class": "table-wrap"], [tableNode(table)])])
        case .heatmap(let heatmap):
            return .el(
                "div", ["class": "output output-heatmap", "data-output": output.name],
                [nameLine(output.name), .el("div", ["class": "table-wrap"], [HeatmapTable.node(heatmap)])])
        case .graph(let graph):
            return .el(
                "figure", ["class": "output output-graph", "data-output": output.name],
                [nameLine(output.name), .newline, SVGUnrolledGraph(graph).node()])
        }
    }

    /// The small line naming an output, so readers can match what `unroll check` reports.
    private static func nameLine(_ name: String) -> HTMLNode {
        .el("div", ["class": "output-name"], text: name)
    }

    /// A data table with a caption, column headers and optional row headers; numbers align right.
    static func tableNode(_ table: TableOutput) -> HTMLNode {
        var header: [HTMLNode] = []
        if table.rowHeaders != nil { header.append(.el("th", ["scope": "col"])) }
        for column in table.columns { header.append(.el("th", ["scope": "col"], text: column)) }
        var rows: [HTMLNode] = [.newline]
        for (i, row) in table.rows.enumerated() {
            var cells: [HTMLNode] = []
            if let rowHeaders = table.rowHeaders { cells.append(.el("th", ["scope": "row"], text: rowHeaders[i])) }
            for cell in row {
                switch cell {
                case .number(let value): cells.append(.el("td", ["class": "num"], text: NumberFormat.significant(value)))
                case .text(let text): cells.append(.el("td", text: text))
                }
            }
            rows.append(.el("tr", [:], cells))
            rows.append(.newline)
        }
        var parts: [HTMLNode] = []
        if !table.title.isEmpty { parts.append(.el("caption", text: table.title)) }
        parts.append(.el("thead", [:], [.el("tr", [:], header)]))
        parts.append(.el("tbody", [:], rows))
        return .el("table", ["class": "data"], parts)
    }
}
