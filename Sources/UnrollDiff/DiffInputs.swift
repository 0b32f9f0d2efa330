import Foundation
import UnrollRecord

/// Finds and reads the two records of a diff: two record files, or a notebook's baseline at a git revision and its
/// record at another revision or in the working tree.
public enum DiffInputs {
    /// The records at `oldPath` and `newPath`.
    public static func records(old oldPath: String, new newPath: String) throws -> (old: DiffSide, new: DiffSide) {
        (try file(oldPath), try file(newPath))
    }

    /// The notebook at `notebook` compared across revisions: the old side is its baseline
    /// `baselines/NAME.json` (beside the notebook) at `from`; the new side is that baseline at `to`, or without
    /// `to` the working tree's record: `RUNS/NAME.json` (the latest `unroll run`, `runs` by default `output`)
    /// when it exists, else the baseline as it is on disk.
    public static func notebook(_ notebook: String, from: String, to: String?, runs: String = "output") throws
        -> (old: DiffSide, new: DiffSide)
    {
        guard notebook.hasSuffix(".md") else { throw DiffError(.notANotebook(path: notebook)) }
        let folder = (notebook as NSString).deletingLastPathComponent
        let name = String((notebook as NSString).lastPathComponent.dropLast(3))
        let runFolder = folder.isEmpty ? "." : folder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: runFolder, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiffError(.noSuchFolder(path: runFolder))
        }
        let relative = "baselines/" + name + ".json"
        let baseline = folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative)
        func atRevision(_ revision: String) throws -> DiffSide {
            let data = try GitShow.read(relative, in: runFolder, at: revision, shownPath: baseline)
            let label = "\(baseline) at \(revision)"
            return DiffSide(record: try decode(data, label: label), label: label)
        }
        let old = try atRevision(from)
        if let to { return (old, try atRevision(to)) }
        let run = (runs as NSString).appendingPathComponent(name + ".json")
        if FileManager.default.fileExists(atPath: run) { return (old, try file(run)) }
        guard FileManager.default.fileExists(atPath: baseline) else {
            throw DiffError(.noWorkingRecord(notebook: notebook, run: run, baseline: baseline))
        }
        return (old, try file(baseline))
    }

    /// The record in the file at `path`.
    static func file(_ path: String) throws -> DiffSide {
        if path.hasSuffix(".md") { throw DiffError(.notebookGiven(path: path)) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw DiffError(.noSuchRecord(path: path))
        }
        guard !isFolder.boolValue else { throw DiffError(.unreadable(path: path, reason: "it is a folder")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiffError(.unreadable(path: path, reason: "permission denied or not a regular file"))
        }
        return DiffSide(record: try decode(data, label: path), label: path)
    }

    /// The record in `data`, with errors naming `label` (and the line and column of malformed JSON).
    static func decode(_ data: Data, label: String) throws -> RunRecord {
        do {
            return try RunRecord.decode(from: data)
        } catch let error as JSONSyntaxError {
            throw DiffError(.notARecord(path: label, reason: "invalid json: " + error.message), location: "\(label):\(error.line):\(error.column)")
        } catch {
            throw DiffError(.notARecord(path: label, reason: "\(error)"), location: label)
        }
    }
}
