import Foundation
import UnrollFileIO
import UnrollRecord
import UnrollReport

/// The inputs a run's reports must never be written over, and the check made before any notebook runs.
public enum OutputConflicts {
    /// The usage error (exit 64) when writing the reports of `notebooks` into `directory` in `formats` would
    /// overwrite one of the notebooks or a notebook's baseline, or put the figure folder over a folder Unroll did
    /// not write; nil if none.
    public static func refusal(for notebooks: [String], directory: String, formats: [ReportFormat]) -> UsageError? {
        let writer = ReportWriter(directory: directory)
        for path in notebooks {
            let name = NotebookDiscovery.reportName(of: path)
            if let refusal = writer.refusal(name: name, formats: formats, inputs: notebooks) {
                return UsageError(refusal.description)
            }
            let record = writer.files.directory + "/" + name + ".json"
            if formats.contains(.json), let identity = FileIdentity(record), identity == FileIdentity(baseline(of: path)) {
                return UsageError(WriteMessage.overBaseline(destination: record, notebook: path).text)
            }
        }
        return nil
    }

    /// Where `unroll check` looks for the baseline of the notebook at `path` by default: `baselines/NAME.json`
    /// beside it.
    static func baseline(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "" : folder + "/") + "baselines/" + NotebookDiscovery.reportName(of: path) + ".json"
    }

    /// What the run of the notebook at `path` read, as paths from the working folder: the notebook and each data
    /// file its run record lists.
    public static func inputs(of path: String, record: RunRecord) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        let read = (record.files ?? []).map { (file: FileRecord) -> String in
            file.path.hasPrefix("/") || folder.isEmpty ? file.path : folder + "/" + file.path
        }
        return [path] + read
    }
}
