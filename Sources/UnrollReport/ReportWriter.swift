import Foundation
import UnrollRecord

/// Writes a notebook's reports into an output folder: `NAME.html`, `NAME.md` with figures in `NAME/`, and the
/// run record `NAME.json`, each replaced atomically, only in the formats asked for.
public struct ReportWriter: Sendable {
    /// The output folder (created if missing).
    public let directory: String

    /// A writer into `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Writes `document` (and `record` for JSON) as `NAME.*` in the formats given, returning the paths written
    /// (figure files included) in a fixed order; the figure folder is replaced as a whole whenever Markdown is
    /// written. Throws `ReportWriteError` if a file cannot be written.
    @discardableResult
    public func write(
        _ document: ReportDocument, record: RunRecord, name: String, formats: [ReportFormat] = ReportFormat.allCases
    ) throws -> [String] {
        precondition(
            !name.isEmpty && !name.contains("/") && !name.hasPrefix("."),
            "report name '\(name)' must be a plain file name without '/' or a leading '.'")
        try ReportFiles.makeFolder(directory)
        let base = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        var written: [String] = []
        for format in Set(formats).sorted() {
            switch format {
            case .html:
                try ReportFiles.write(HTMLReport.render(document), to: base + ".html")
                written.append(base + ".html")
            case .md:
                let markdown = MarkdownReport(document, name: name)
                let files = markdown.figures.map { figure -> (name: String, contents: String) in
                    let prefix = name + "/"
                    precondition(
                        figure.relativePath.hasPrefix(prefix),
                        "figure '\(figure.relativePath)' is not in the report's folder '\(prefix)'")
                    return (String(figure.relativePath.dropFirst(prefix.count)), figure.contents)
                }
                try ReportFiles.replaceFolder(at: base, with: files)
                written.append(contentsOf: files.map { base + "/" + $0.name })
                try ReportFiles.write(markdown.text, to: base + ".md")
                written.append(base + ".md")
            case .json:
                try ReportFiles.write(record.encodedText(), to: base + ".json")
                written.append(base + ".json")
            }
        }
        return written
    }
}
