import UnrollRecord

/// Renders a heatmap output (an attention table) as an HTML `<table>`: column headers are input tokens, row
/// headers output tokens, and each cell prints its value on a background whose darkness follows the value.
public enum HeatmapTable {
    /// The `<table>` element for `heatmap`.
    public static func node(_ heatmap: HeatmapOutput) -> HTMLNode {
        let scale = HeatmapScale(heatmap)
        var header: [HTMLNode] = [.el("th", ["class": "corner", "scope": "col"])]
        for label in heatmap.columnLabels {
            header.append(.el("th", ["scope": "col"], text: label))
        }
        var rows: [HTMLNode] = [.newline]
        for (label, values) in zip(heatmap.rowLabels, heatmap.values) {
            var cells: [HTMLNode] = [.el("th", ["scope": "row"], text: label)]
            for value in values {
                if let shade = scale.shade(of: value) {
                    let textColor = shade > 0.55 ? "#ffffff" : "#1f2328"
                    cells.append(
                        .el(
                            "td", ["style": "background-color:\(HeatmapScale.color(forShade: shade));color:\(textColor)"],
                            text: scale.label(value)))
                } else {
                    cells.append(.el("td", ["class": "missing"], text: scale.label(value)))
                }
            }
            rows.append(.el("tr", [:], cells))
            rows.append(.newline)
        }
        var parts: [HTMLNode] = []
        if !heatmap.title.isEmpty { parts.append(.el("caption", text: heatmap.title)) }
        parts.append(.el("thead", [:], [.el("tr", [:], header)]))
        parts.append(.el("tbody", [:], rows))
        return .el("table", ["class": "heatmap"], parts)
    }
}
