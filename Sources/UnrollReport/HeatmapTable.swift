import UnrollRecord

/// Renders a heatmap output (an attention table) as an HTML `<table>`: column headers are input tokens, row
/// headers output tokens, and each cell prints its value on one of `HeatmapScale.levelCount` background
/// shades. Nothing depends on colour alone: every value is printed, and the largest value of each row is bold,
/// outlined and named for screen readers.
public enum HeatmapTable {
    /// Tables with more columns than this get compact cells (`heatmap-dense`).
    public static let denseColumnCount = 12

    /// The words read out (and copied) after a row's largest value.
    static let maximumNote = " (largest in row)"

    /// The key under the caption saying how the row maximum is marked.
    static let key = "Bold, outlined: largest value in its row."

    /// The `<table>` element for `heatmap`.
    public static func node(_ heatmap: HeatmapOutput) -> HTMLNode {
        let scale = HeatmapScale(heatmap)
        var header: [HTMLNode] = [.el("td", ["class": "corner"])]
        for label in heatmap.columnLabels {
            header.append(.el("th", ["scope": "col"], text: label))
        }
        var rows: [HTMLNode] = [.newline]
        for (label, values) in zip(heatmap.rowLabels, heatmap.values) {
            let maxima = Set(HeatmapScale.maximumColumns(of: values))
            var cells: [HTMLNode] = [.el("th", ["scope": "row"], text: label)]
            for (column, value) in values.enumerated() {
                let number = scale.label(value)
                guard let level = scale.level(of: value) else {
                    cells.append(.el("td", ["class": "missing"], text: number))
                    continue
                }
                if maxima.contains(column) {
                    cells.append(
                        .el(
                            "td", ["class": "l\(level) max"],
                            [.el("strong", text: number), .el("span", ["class": "visually-hidden"], text: maximumNote)]))
                } else {
                    cells.append(.el("td", ["class": "l\(level)"], text: number))
                }
            }
            rows.append(.el("tr", [:], cells))
            rows.append(.newline)
        }
        var caption: [HTMLNode] = []
        if !heatmap.title.isEmpty { caption.append(.text(heatmap.title)) }
        caption.append(.el("span", ["class": "heatmap-key"], text: key))
        let dense = heatmap.columnLabels.count > denseColumnCount
        return .el(
            "table", ["class": dense ? "heatmap heatmap-dense" : "heatmap"],
            [
                .el("caption", [:], caption),
                .el("thead", [:], [.el("tr", [:], header)]),
                .el("tbody", [:], rows),
            ])
    }

    /// The CSS for heatmap tables: one rule per shade level (background and a text colour that stays
    /// legible on it), the row-maximum marks, compact cells for wide tables and a row header that stays in
    /// view while the table scrolls sideways (and smaller print so that 30 columns fit a portrait page).
    static let css: String = {
        var rules = """
            table.heatmap th, table.heatmap td { font-family: var(--mono); font-size: 13px; text-align: center; white-space: nowrap; }
            table.heatmap td { min-width: 3.4em; padding: 3px 6px; }
            table.heatmap td.corner { background: #ffffff; border-color: transparent var(--border) var(--border) transparent; }
            table.heatmap tbody th, table.heatmap td.corner { position: sticky; left: 0; z-index: 1; }
            table.heatmap td.missing { color: var(--muted); background: #ffffff; }
            table.heatmap td.max { font-weight: 700; outline: 2px solid currentColor; outline-offset: -4px; }
            table.heatmap caption .heatmap-key { display: block; font-weight: 400; font-size: 12px; color: var(--muted); white-space: nowrap; }
            table.heatmap-dense th, table.heatmap-dense td { font-size: 11px; padding: 1px 3px; min-width: 2.9em; }
            table.heatmap-dense td.max { outline-width: 1.5px; outline-offset: -3px; }
            @media print {
              table.heatmap-dense th, table.heatmap-dense td { font-size: 5.5pt; padding: 0 1px; min-width: 0; }
              table.heatmap-dense thead th { writing-mode: vertical-rl; transform: rotate(180deg); padding: 2px 0; }
              table.heatmap-dense td.max { outline-width: 1px; outline-offset: -2px; }
            }
            .visually-hidden {
              position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
              overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
            }

            """
        for level in 0..<HeatmapScale.levelCount {
            let shade = Double(level) / Double(HeatmapScale.levelCount - 1)
            rules += "table.heatmap td.l\(level) { background-color: \(HeatmapScale.color(forShade: shade)); "
                + "color: \(HeatmapScale.textColor(forShade: shade)); }\n"
        }
        return rules
    }()
}
