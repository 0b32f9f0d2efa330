import UnrollRecord

/// A run folder's `index.html`: one row per notebook whose run record is in the folder (not only the notebooks of
/// the latest run), sorted by name, with its status, a one-line summary and its key numbers, linking to its
/// report. Self-contained and deterministic like the reports: the same records give the same bytes.
public enum RunIndex {
    /// The file name of the index in the output folder.
    public static let fileName = "index.html"

    /// The `generator` of the page, by which a later run knows an `index.html` is Unroll's to replace.
    public static let generator = "Unroll run index"

    /// The complete HTML text of the index of `entries` (in the order given), ending in a newline.
    public static func render(_ entries: [RunIndexEntry]) -> String {
        var rows: [HTMLNode] = [.newline]
        for entry in entries {
            rows.append(row(entry))
            rows.append(.newline)
        }
        let failed = entries.filter { $0.record.status == .failed }.count
        let count = "\(entries.count) notebook\(entries.count == 1 ? "" : "s")"
            + (failed > 0 ? ", \(failed) failed" : ", all passed")
        let table = HTMLNode.el("table", ["class": "data run-index"], [
            .el("thead", [:], [.el("tr", [:], ["Notebook", "Status", "Summary", "Key numbers"].map {
                .el("th", ["scope": "col"], text: $0)
            })]),
            .el("tbody", [:], rows),
        ])
        let main = HTMLNode.el("main", ["class": "page"], [
            .newline,
            .el("header", ["class": "report-header"], [
                .el("p", ["class": "eyebrow"], text: "Unroll run"),
                .el("h1", text: "Notebooks"),
                .el("p", ["class": "run-count"], text: count),
            ]),
            .newline, .el("div", ["class": "table-wrap"], [table]),
            .newline,
        ])
        let head = HTMLReport.head(title: "Unroll run: \(count)", extraCSS: "\n" + css, generator: generator)
        let page = HTMLNode.el("html", ["lang": "en"], [.newline, head, .newline,
                                                        .el("body", [:], [.newline, main, .newline]), .newline])
        var out = "<!DOCTYPE html>\n"
        page.render(into: &out)
        return out + "\n"
    }

    /// Whether `text`, the start of an existing `index.html`, is an index Unroll wrote.
    public static func isIndex(_ text: String) -> Bool {
        text.contains("<meta name=\"generator\" content=\"\(generator)\">")
    }

    /// One notebook's row.
    private static func row(_ entry: RunIndexEntry) -> HTMLNode {
        let title: HTMLNode = entry.report.map {
            .el("a", ["href": MarkdownReport.linkDestination($0)], text: entry.title)
        } ?? .text(entry.title)
        let status = entry.record.status.rawValue
        let numbers: [HTMLNode] = entry.keyNumbers.map { number in
            .el("div", ["class": "key-number"], [
                .el("span", ["class": "scalar-label"], text: number.label + " "),
                .el("span", ["class": "key-value"], text: NumberFormat.significant(number.value)),
            ])
        }
        return .el("tr", ["class": "run-\(status)"], [
            .el("th", ["scope": "row"], [title, .el("div", ["class": "notebook-path"], [.el("code", text: entry.record.notebookPath)])]),
            .el("td", ["class": "run-status"], [.el("span", ["class": "status status-\(status)"], text: status)]),
            .el("td", ["class": "summary"], text: entry.summary),
            .el("td", [:], numbers),
        ])
    }

    /// The index's own rules, after the reports' style sheet.
    private static let css = """
        .run-count { margin: 0; color: var(--muted); }
        .run-index { width: 100%; }
        .run-index th[scope=row] { font-weight: 600; }
        .run-index td, .run-index th { vertical-align: top; overflow-wrap: anywhere; }
        .notebook-path { font-weight: 400; font-size: 12px; }
        .run-index td.run-status { overflow-wrap: normal; white-space: nowrap; }
        .key-number { overflow-wrap: anywhere; }
        .key-value { font-family: var(--mono); font-size: 13px; font-weight: 600; }
        """
}
