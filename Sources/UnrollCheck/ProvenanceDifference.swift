import UnrollRecord

/// What differs between how a baseline was made and how this run was made, so that a mismatch report can say
/// why values moved before it lists them: the notebook's text, its params, its seed, the Unroll version.
///
/// The `environment` (CPU, kernel path, threads) is not provenance: the numerics contract makes results
/// independent of it, and `ComparisonReport.environmentNote` shows it beside a mismatch.
public enum ProvenanceDifference {
    /// One line per difference, in the order notebook, params, seed, version; or, when the notebook, params,
    /// seed and version all agree, one line saying so (the change then comes from the code or the data).
    public static func lines(baseline: RunRecord, actual: RunRecord) -> [String] {
        var lines: [String] = []
        if baseline.notebookHash != actual.notebookHash {
            lines.append("the notebook changed since its baseline (sha256 \(short(baseline.notebookHash)) → "
                + "\(short(actual.notebookHash)))")
        }
        let changes = paramChanges(baseline.params, actual.params)
        if !changes.isEmpty { lines.append("params differ: " + changes.joined(separator: ", ")) }
        if baseline.seed != actual.seed { lines.append("seed differs: \(baseline.seed) → \(actual.seed)") }
        if baseline.unrollVersion != actual.unrollVersion {
            lines.append("Unroll \(baseline.unrollVersion) → \(actual.unrollVersion)")
        }
        if lines.isEmpty {
            lines.append("same notebook, params, seed and Unroll version as the baseline: the change comes from the code or the data")
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
