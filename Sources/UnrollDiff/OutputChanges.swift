import UnrollCheck
import UnrollRecord
import UnrollReport

/// Finds the changed values of one output between an old and a new run, judging each with the cell's tolerance:
/// scalars by value, series line by line (one row per line: its last differing point and how many points differ),
/// tables and heatmaps cell by cell, text as a whole.
struct OutputChanges {
    /// The tolerance of the cell (the new side's settings, else the old side's, then the notebook's).
    var tolerance: Tolerance
    /// The cell's id.
    var cellID: String
    /// At most this many rows are listed per output.
    var limit: Int

    /// The diff of the output `name`, or nil when both sides hold the same content.
    func diff(name: String, old: OutputContent?, new: OutputContent?) -> OutputDiff? {
        var rows = Rows(cellID: cellID, output: name, limit: limit)
        switch (old, new) {
        case (nil, nil):
            return nil
        case (let old?, nil):
            rows.structural(key: "", old: "a \(old.kind.rawValue)", new: "absent")
        case (nil, let new?):
            rows.structural(key: "", old: "absent", new: "a \(new.kind.rawValue)")
        case (.scalar(let a)?, .scalar(let b)?):
            rows.number(a.value, b.value, key: "", tolerance: tolerance)
        case (.series(let a)?, .series(let b)?):
            series(a, b, into: &rows)
        case (.table(let a)?, .table(let b)?):
            table(a, b, into: &rows)
        case (.heatmap(let a)?, .heatmap(let b)?):
            rows.labels(a.rowLabels, b.rowLabels, key: "row labels")
            rows.labels(a.columnLabels, b.columnLabels, key: "column labels")
            if a.rowLabels.count == b.rowLabels.count && a.columnLabels.count == b.columnLabels.count {
                for (i, (rowA, rowB)) in zip(a.values, b.values).enumerated() {
                    for (j, (x, y)) in zip(rowA, rowB).enumerated() { rows.number(x, y, key: "[\(i)][\(j)]", tolerance: tolerance) }
                }
            }
        case (.text(let a)?, .text(let b)?):
            rows.text(a, b, key: "", tolerance: tolerance)
        case (.graph(let a)?, .graph(let b)?):
            rows.labels(a.lines, b.lines, key: "graph")
        case (let old?, let new?):
            rows.structural(key: "", old: "a \(old.kind.rawValue)", new: "a \(new.kind.rawValue)")
        }
        guard rows.any else { return nil }
        return OutputDiff(cellID: cellID, name: name, old: old, new: new, changes: rows.listed, unlisted: rows.unlisted,
                          counts: rows.counts)
    }

    /// Lines matched by name: a line that came, went or changed length is one structural row; otherwise one row
    /// for its last differing point, whose verdict is the worst of all its points.
    private func series(_ a: SeriesOutput, _ b: SeriesOutput, into rows: inout Rows) {
        var names = Set<String>()
        for line in a.lines where names.insert(line.name).inserted {
            guard let other = b.lines.first(where: { $0.name == line.name }) else {
                rows.structural(key: line.name, old: "\(line.y.count) points", new: "absent")
                continue
            }
            guard line.y.count == other.y.count else {
                rows.structural(key: line.name, old: "\(line.y.count) points", new: "\(other.y.count) points")
                continue
            }
            rows.points(line.y, other.y, key: line.name, tolerance: tolerance)
            rows.points(line.x, other.x, key: line.name + ".x", tolerance: tolerance)
        }
        for line in b.lines where names.insert(line.name).inserted {
            rows.structural(key: line.name, old: "absent", new: "\(line.y.count) points")
        }
    }

    /// Headers exactly, then cell by cell when the shapes agree.
    private func table(_ a: TableOutput, _ b: TableOutput, into rows: inout Rows) {
        rows.labels(a.columns, b.columns, key: "columns")
        rows.labels(a.rowHeaders ?? [], b.rowHeaders ?? [], key: "row headers")
        guard a.rows.count == b.rows.count, a.columns.count == b.columns.count else {
            rows.structural(key: "shape", old: "\(a.rows.count)×\(a.columns.count)", new: "\(b.rows.count)×\(b.columns.count)")
            return
        }
        for (i, (rowA, rowB)) in zip(a.rows, b.rows).enumerated() {
            for (j, (x, y)) in zip(rowA, rowB).enumerated() {
                switch (x, y) {
                case (.number(let p), .number(let q)): rows.number(p, q, key: "[\(i)][\(j)]", tolerance: tolerance)
                case (.text(let p), .text(let q)): rows.text(p, q, key: "[\(i)][\(j)]", tolerance: tolerance)
                case (.number(let p), .text(let q)):
                    rows.structural(key: "[\(i)][\(j)]", old: NumberFormat.significant(p), new: Rows.shown(q))
                case (.text(let p), .number(let q)):
                    rows.structural(key: "[\(i)][\(j)]", old: Rows.shown(p), new: NumberFormat.significant(q))
                }
            }
        }
    }

    /// The rows of one output, listing at most `limit`.
    struct Rows {
        let cellID: String
        let output: String
        let limit: Int
        var listed: [ValueChange] = []
        var unlisted = 0
        var counts = false
        var any: Bool { !listed.isEmpty || unlisted > 0 }

        /// The verdict for two numbers that are not the same (NaN counts as the same as NaN).
        static func verdict(_ old: Double, _ new: Double, _ tolerance: Tolerance) -> ValueChange.Verdict? {
            if old == new || (old.isNaN && new.isNaN) { return nil }
            if tolerance.mode == .ignore { return .ignored }
            return tolerance.accepts(expected: old, actual: new) ? .within : .beyond
        }

        /// How much a verdict weighs when the points of a line are summed up in one row: ignored, within, beyond.
        static func rank(_ verdict: ValueChange.Verdict) -> Int {
            switch verdict {
            case .ignored: return 0
            case .within: return 1
            case .beyond, .changed: return 2
            }
        }

        /// |new − old| and that relative to |old| (infinite for a change from 0).
        static func differences(_ old: Double, _ new: Double) -> (Double, Double) {
            let absolute = abs(new - old)
            return (absolute, old == 0 ? (absolute == 0 ? 0 : .infinity) : absolute / abs(old))
        }

        /// Text as shown in a table cell: quoted, line breaks as `\n`, cut at 60 characters.
        static func shown(_ text: String) -> String {
            let flat = text.replacingOccurrences(of: "\n", with: "\\n")
            return "\"" + (flat.count > 60 ? String(flat.prefix(60)) + "…" : flat) + "\""
        }

        mutating func number(_ old: Double, _ new: Double, key: String, tolerance: Tolerance) {
            guard let verdict = Rows.verdict(old, new, tolerance) else { return }
            let (absolute, relative) = Rows.differences(old, new)
            add(ValueChange(cellID: cellID, output: output, key: key, old: NumberFormat.significant(old),
                            new: NumberFormat.significant(new), absolute: absolute, relative: relative, verdict: verdict))
        }

        /// One row for a run of points: the last differing point, with the count of differing points in the key.
        mutating func points(_ old: [Double], _ new: [Double], key: String, tolerance: Tolerance) {
            var differing = 0, last = 0
            var worst: ValueChange.Verdict?
            for (i, (x, y)) in zip(old, new).enumerated() {
                guard let verdict = Rows.verdict(x, y, tolerance) else { continue }
                differing += 1
                last = i
                if worst.map({ Rows.rank(verdict) > Rows.rank($0) }) ?? true { worst = verdict }
            }
            guard let worst else { return }
            let (absolute, relative) = Rows.differences(old[last], new[last])
            let note = differing == 1 ? "" : " (\(differing) of \(old.count) points differ)"
            add(ValueChange(cellID: cellID, output: output, key: "\(key)[\(last)]" + note,
                            old: NumberFormat.significant(old[last]), new: NumberFormat.significant(new[last]),
                            absolute: absolute, relative: relative, verdict: worst))
        }

        mutating func text(_ old: String, _ new: String, key: String, tolerance: Tolerance) {
            guard old != new else { return }
            let verdict: ValueChange.Verdict = tolerance.mode == .ignore ? .ignored
                : tolerance.accepts(expected: old, actual: new) ? .within : .beyond
            add(ValueChange(cellID: cellID, output: output, key: key, old: Rows.shown(old), new: Rows.shown(new),
                            verdict: verdict))
        }

        mutating func labels(_ old: [String], _ new: [String], key: String) {
            guard old != new else { return }
            structural(key: key, old: old.map(Rows.shown).joined(separator: ", "), new: new.map(Rows.shown).joined(separator: ", "))
        }

        mutating func structural(key: String, old: String, new: String) {
            add(ValueChange(cellID: cellID, output: output, key: key, old: old, new: new, verdict: .changed))
        }

        private mutating func add(_ change: ValueChange) {
            if change.verdict.counts { counts = true }
            if listed.count < limit { listed.append(change) } else { unlisted += 1 }
        }
    }
}
