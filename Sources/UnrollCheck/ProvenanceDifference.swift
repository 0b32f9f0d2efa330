import UnrollRecord

/// What differs between how a baseline was made and how this run was made, so that a mismatch report can say
/// why values moved before it lists them: the notebook's text and cells, its params, its seed, the data files
/// it read, the Unroll version.
///
/// The `environment` (CPU, kernel path, threads) is not provenance: the numerics contract makes results
/// independent of it, and `ComparisonReport.environmentNote` shows it beside a mismatch.
public enum ProvenanceDifference {
    /// One line per difference, in the order notebook (naming the edited cells when both records have cell
    /// hashes), params, seed, data files, version; or, when everything recorded agrees, one line saying so and
    /// where the change must then come from.
    public static func lines(baseline: RunRecord, actual: RunRecord) -> [String] {
        var lines: [String] = []
        if baseline.notebookHash != actual.notebookHash { lines.append(notebookLine(baseline, actual)) }
        let changes = paramChanges(baseline.params, actual.params)
        if !changes.isEmpty { lines.append("params differ: " + changes.joined(separator: ", ")) }
        if baseline.seed != actual.seed { lines.append("seed differs: \(baseline.seed) → \(actual.seed)") }
        let dataKnown = baseline.files != nil && actual.files != nil
        if let old = baseline.files, let new = actual.files { lines += fileChanges(old, new) }
        if baseline.unrollVersion != actual.unrollVersion {
            lines.append("Unroll \(baseline.unrollVersion) → \(actual.unrollVersion)")
        }
        if lines.isEmpty {
            lines.append(dataKnown
                ? "same notebook, params, seed, data and Unroll version as the baseline: the change comes from the code"
                : "same notebook, params, seed and Unroll version as the baseline: the change comes from the code or the data")
        }
        return lines
    }

    /// What changed in the notebook: the cells whose source hash differs, when both records have them.
    static func notebookLine(_ baseline: RunRecord, _ actual: RunRecord) -> String {
        var old: [String: String] = [:]
        for cell in baseline.cells { if let hash = cell.sourceHash { old[cell.id] = hash } }
        let comparable = !old.isEmpty && actual.cells.allSatisfy { $0.sourceHash != nil }
        guard comparable else {
            return "the notebook changed since its baseline (sha256 \(short(baseline.notebookHash)) → \(short(actual.notebookHash)))"
        }
        let edited = actual.cells.filter { cell in old[cell.id].map { $0 != cell.sourceHash } ?? false }.map { "'\($0.id)'" }
        if edited.isEmpty { return "the notebook changed since its baseline: no cell edited (prose or front matter)" }
        return "the notebook changed since its baseline: \(edited.count == 1 ? "cell" : "cells") "
            + edited.joined(separator: ", ") + " edited"
    }

    /// One line per data file whose bytes differ, that only this run read, or that only the baseline read.
    static func fileChanges(_ baseline: [FileRecord], _ actual: [FileRecord]) -> [String] {
        var old: [String: FileRecord] = [:]
        for file in baseline { old[file.path] = file }
        var lines: [String] = []
        for file in actual {
            guard let before = old.removeValue(forKey: file.path) else {
                lines.append("reads \(file.path), which the baseline did not")
                continue
            }
            if before.sha256 != file.sha256 {
                lines.append("\(file.path) changed (sha256 \(short(before.sha256)) → \(short(file.sha256)), "
                    + "\(before.size) → \(file.size) bytes)")
            }
        }
        for path in old.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            lines.append("no longer reads \(path)")
        }
        return lines
    }

    /// `name old → new` for every parameter whose value differs, `(none)` for one only one side has; by name.
    static func paramChanges(_ baseline: [Parameter], _ actual: [Parameter]) -> [String] {
        var old: [String: String] = [:], new: [String: String] = [:]
        for p in baseline { old[p.name] = p.value.description }
        for p in actual { new[p.name] = p.value.description }
        let names = Set(old.keys).union(new.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return names.compactMap { name in
            let a = old[name], b = new[name]
            return a == b ? nil : "\(name) \(a ?? "(none)") → \(b ?? "(none)")"
        }
    }

    /// The first 12 hex digits of a hash, enough to tell two versions apart in a message.
    private static func short(_ hash: String) -> String { String(hash.prefix(12)) }
}
