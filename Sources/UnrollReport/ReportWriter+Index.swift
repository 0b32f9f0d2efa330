import Foundation
import UnrollFileIO
import UnrollRecord

extension ReportWriter {
    /// What `writeIndex` did.
    public enum IndexOutcome: Equatable, Sendable {
        /// Wrote `path`, listing `count` notebooks.
        case written(path: String, count: Int)
        /// Left `index.html` alone, for the reason given (a notebook's own report, or a file Unroll did not write).
        case skipped(IndexMessage)
        /// There is no run record in the folder to list.
        case empty
    }

    /// Writes `index.html` into the folder through the one file-set writer: every run record `NAME.json` of the
    /// folder (whatever run wrote it), sorted by name, linked to `NAME.html` (else `NAME.md`). Leaves alone an
    /// `index.html` that is a notebook's report (a notebook named `index`) or that Unroll did not write. Refuses to
    /// write over any of `inputs`. Throws `FileSetError`.
    public func writeIndex(inputs: [String] = []) throws -> IndexOutcome {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let present = Set(names)
        if present.contains("index.json") || present.contains("index.md") {
            return .skipped(.notebookNamedIndex(folder: files.directory))
        }
        let path = files.directory + "/" + RunIndex.fileName
        if present.contains(RunIndex.fileName), !Self.isIndex(at: path) {
            return .skipped(.notWrittenByUnroll(path: path))
        }
        var entries: [RunIndexEntry] = []
        for file in names.sorted() where file.hasSuffix(".json") && !file.hasPrefix(".") {
            let name = String(file.dropLast(5))
            guard let data = FileManager.default.contents(atPath: files.directory + "/" + file),
                  let record = try? RunRecord.decode(from: data) else { continue }
            let report = present.contains(name + ".html") ? name + ".html" : present.contains(name + ".md") ? name + ".md" : nil
            entries.append(RunIndexEntry(name: name, report: report, record: record))
        }
        guard !entries.isEmpty else { return .empty }
        try files.write([OutputFile(path: RunIndex.fileName, text: RunIndex.render(entries))], inputs: inputs)
        return .written(path: path, count: entries.count)
    }

    /// Whether the file at `path` starts like an index Unroll wrote.
    private static func isIndex(at path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 4096)) ?? Data()
        return RunIndex.isIndex(String(decoding: start, as: UTF8.self))
    }
}
