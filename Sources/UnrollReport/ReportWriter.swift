import Foundation
import UnrollFileIO
import UnrollRecord

/// Writes a notebook's reports into an output folder: `NAME.html`, `NAME.md` with figures in `NAME/`, the run
/// record `NAME.json` and the files the notebook saved (into `NAME/`), in the formats asked for, all as one
/// set through `FileSetWriter`: they replace the previous ones together or not at all.
public struct ReportWriter: Sendable {
    /// The output folder (created if missing).
    public let directory: String
    /// The writer the set goes through.
    public let files: FileSetWriter

    /// A writer into `directory`, writing through `calls` (replaced in tests).
    public init(directory: String, calls: WriteCalls = .system) {
        self.directory = directory
        files = FileSetWriter(directory: directory, calls: calls)
    }

    /// Writes `document` (and `record` for JSON) as `NAME.*` in the formats given, plus the files the run
    /// `saved` (plain names, into `NAME/`; nil for a set that has nothing to do with saved files, such as a
    /// baseline), and returns the paths written in a fixed order (HTML; figures, then Markdown; JSON; saved
    /// files). The figures and saved files of the previous run that this one does not write again are removed
    /// (figures stay when Markdown is not written, saved files when `saved` is nil). Refuses to write over any
    /// of `inputs`. Throws `FileSetError`; unless it is `unfinishedSwap`, nothing has changed.
    @discardableResult
    public func write(
        _ document: ReportDocument, record: RunRecord, name: String, formats: [ReportFormat] = ReportFormat.allCases,
        saved: [OutputFile]? = nil, inputs: [String] = []
    ) throws -> [String] {
        precondition(
            FolderManifest.isPlainName(name), "report name '\(name)' must be a plain file name without '/' or a leading '.'")
        var set: [OutputFile] = []
        for format in Set(formats).sorted() {
            switch format {
            case .html:
                set.append(OutputFile(path: name + ".html", text: HTMLReport.render(document)))
            case .md:
                let markdown = MarkdownReport(document, name: name)
                for figure in markdown.figures {
                    precondition(
                        figure.relativePath.hasPrefix(name + "/"),
                        "figure '\(figure.relativePath)' is not in the report's folder '\(name)/'")
                    set.append(OutputFile(path: figure.relativePath, text: figure.contents))
                }
                set.append(OutputFile(path: name + ".md", text: markdown.text))
            case .json:
                set.append(OutputFile(path: name + ".json", text: record.encodedText()))
            }
        }
        set += (saved ?? []).map { OutputFile(path: name + "/" + $0.path, contents: $0.contents) }
        let markdown = formats.contains(.md)
        let keeping = { (file: String) in
            (!markdown && file.hasSuffix(".svg")) || (saved == nil && file.hasSuffix(".safetensors"))
        }
        return try files.write(set, folder: Self.usesFolder(formats: formats, saving: saved != nil) ? name : nil,
                               keeping: keeping, inputs: inputs)
    }

    /// Why writing `NAME.*` in `formats` (with saved files, when `saving`) must be refused before the notebook
    /// runs (a report would overwrite one of `inputs`, or the report folder holds files Unroll did not write);
    /// nil when it may be written.
    public func refusal(name: String, formats: [ReportFormat], saving: Bool = true, inputs: [String]) -> FileSetError? {
        let base = files.directory + "/" + name
        let paths = Set(formats).sorted().map { format -> String in
            switch format {
            case .html: return base + ".html"
            case .md: return base + ".md"
            case .json: return base + ".json"
            }
        }
        return FileSetWriter.refusal(writing: paths, folder: Self.usesFolder(formats: formats, saving: saving) ? base : nil,
                                     over: inputs)
    }

    /// Whether a set in `formats` (with the run's saved files or not) writes into `NAME/`.
    private static func usesFolder(formats: [ReportFormat], saving: Bool) -> Bool {
        saving || formats.contains(.md)
    }
}
