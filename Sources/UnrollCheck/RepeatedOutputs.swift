/// Reports the mismatches of an output once when a later output repeats them value for value (a `plot` of the
/// history a `fit` recorded holds the same numbers): the later output's findings are dropped and the earlier
/// one's first finding says `(also in cell/plot-2)`.
enum RepeatedOutputs {
    /// `verdicts` with repeated outputs' mismatches merged into their first occurrence; outcomes are kept, so a
    /// cell whose values moved still counts as regressed.
    static func merge(_ verdicts: [CellVerdict]) -> [CellVerdict] {
        var merged = verdicts
        var first: [String: (verdict: Int, finding: Int)] = [:]
        for v in merged.indices {
            var kept: [Finding] = []
            for group in groups(merged[v]) {
                guard let key = group.key, !group.findings.isEmpty else {
                    kept += group.findings
                    continue
                }
                let signature = group.findings.map { finding in
                    "\(finding.kind)|\(finding.valuePath.dropFirst(key.count))|\(finding.expected ?? "")|\(finding.actual ?? "")"
                }.joined(separator: "\n")
                if let earlier = first[signature] {
                    if earlier.verdict == v {
                        kept[earlier.finding].alsoIn.append(key)
                    } else {
                        merged[earlier.verdict].findings[earlier.finding].alsoIn.append(key)
                    }
                } else {
                    first[signature] = (v, kept.count)
                    kept += group.findings
                }
            }
            merged[v].findings = kept
        }
        return merged
    }

    /// The verdict's findings in order, grouped by the output they are about (`cell/output`); findings about
    /// no single output's values (a cell's status, an added output) form groups without a key.
    private static func groups(_ verdict: CellVerdict) -> [(key: String?, findings: [Finding])] {
        var groups: [(key: String?, findings: [Finding])] = []
        for finding in verdict.findings {
            let key = outputKey(of: finding)
            if let last = groups.last, last.key == key, key != nil {
                groups[groups.count - 1].findings.append(finding)
            } else {
                groups.append((key, [finding]))
            }
        }
        return groups
    }

    /// `cell/output` for a finding about an output's values, from its value path
    /// (`cell/output`, `cell/output/line[3]`, `cell/output[1][2]`, `cell/output columns`); nil for other kinds.
    static func outputKey(of finding: Finding) -> String? {
        switch finding.kind {
        case .valueMismatch, .shapeMismatch, .moreMismatches, .laterPoints: break
        default: return nil
        }
        let prefix = finding.cellID + "/"
        guard finding.valuePath.hasPrefix(prefix) else { return nil }
        let rest = finding.valuePath.dropFirst(prefix.count)
        let name = rest.prefix { $0 != "/" && $0 != "[" && $0 != " " }
        return name.isEmpty ? nil : prefix + name
    }
}
