import UnrollRecord
import UnrollReport

/// The wording both diff reports share: differences as numbers, heatmap cells as `old → new (±d)`, the
/// header lines, and which outputs get which figure.
enum DiffFormat {
    /// A difference with three significant digits (`0.0123`, `1.5e-7`, `inf`); empty when there is none.
    static func difference(_ value: Double?) -> String {
        value.map { NumberFormat.significant($0, digits: 3) } ?? ""
    }

    /// The columns of the value table.
    static let valueHeader = ["cell", "output", "key", "old", "new", "abs diff", "rel diff", "verdict"]

    /// One row of the value table as text cells, in `valueHeader` order.
    static func cells(_ change: ValueChange) -> [String] {
        [change.cellID, change.output, change.key, change.old, change.new, difference(change.absolute),
         difference(change.relative), change.verdict.rawValue]
    }

    /// `cell / output`, the heading of an output's figure or table.
    static func heading(_ output: OutputDiff) -> String { output.cellID + " / " + output.name }

    /// A record as the header names it: `label (seed S, Unroll V)`.
    static func side(_ label: String, _ record: RunRecord) -> String {
        "\(label) (seed \(record.seed), Unroll \(record.unrollVersion))"
    }

    /// The difference matrix `new − old` of two heatmaps with the same labels, or nil when they differ in shape.
    static func difference(old: HeatmapOutput, new: HeatmapOutput) -> HeatmapOutput? {
        guard old.rowLabels == new.rowLabels, old.columnLabels == new.columnLabels else { return nil }
        let values = zip(old.values, new.values).map { a, b in zip(a, b).map { $1 - $0 } }
        return HeatmapOutput(title: "difference (new − old)", rowLabels: new.rowLabels, columnLabels: new.columnLabels,
                             values: values)
    }

    /// A heatmap cell in the one Markdown table: the value when unchanged, else `old → new (+d)`.
    static func heatmapCell(old: Double, new: Double) -> String {
        if old == new || (old.isNaN && new.isNaN) { return NumberFormat.significant(old) }
        let d = new - old
        return NumberFormat.significant(old) + " → " + NumberFormat.significant(new) + " ("
            + (d > 0 ? "+" : "") + NumberFormat.significant(d, digits: 3) + ")"
    }

    /// The outputs drawn as overlaid curves: series on both sides.
    static func series(_ diff: RecordDiff) -> [(OutputDiff, SeriesOutput, SeriesOutput)] {
        diff.changedOutputs.compactMap { output in
            guard case .series(let a)? = output.old, case .series(let b)? = output.new else { return nil }
            return (output, a, b)
        }
    }

    /// The outputs shown as heatmaps side by side: heatmaps on both sides.
    static func heatmaps(_ diff: RecordDiff) -> [(OutputDiff, HeatmapOutput, HeatmapOutput)] {
        diff.changedOutputs.compactMap { output in
            guard case .heatmap(let a)? = output.old, case .heatmap(let b)? = output.new else { return nil }
            return (output, a, b)
        }
    }

    /// The outputs shown as word diffs: text on both sides.
    static func texts(_ diff: RecordDiff) -> [(OutputDiff, String, String)] {
        diff.changedOutputs.compactMap { output in
            guard case .text(let a)? = output.old, case .text(let b)? = output.new else { return nil }
            return (output, a, b)
        }
    }
}
