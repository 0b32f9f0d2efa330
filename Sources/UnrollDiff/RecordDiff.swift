import UnrollCheck
import UnrollRecord

/// The differences between two run records of a notebook (an old and a new run): first what differs in how they
/// were made (`ProvenanceDifference`), then each changed cell's values judged with the tolerances `unroll check`
/// would apply, and the cells that did not change.
///
/// Cells are matched by id and outputs by name, as `check` does; the records' `environment` objects are never
/// compared.
public struct RecordDiff: Equatable, Sendable {
    /// The old record.
    public var old: RunRecord
    /// The new record.
    public var new: RunRecord
    /// What differs in how the records were made; empty when nothing does and no value changed.
    public var provenance: [String]
    /// The cells with a difference, in the new record's order, then the cells only the old record has.
    public var cells: [CellDiff]
    /// The ids of the cells both records have, unchanged, in the new record's order.
    public var unchangedCells: [String]

    /// Compares `new` with `old` using each cell's `check`/`rtol`/`atol` settings (the new side's, else the old
    /// side's) over `notebookSettings`, listing at most `rowsPerOutput` value rows per output.
    public init(old: RunRecord, new: RunRecord, notebookSettings: CheckSettings? = nil, rowsPerOutput: Int = 20) {
        precondition(rowsPerOutput >= 1, "rowsPerOutput must be at least 1, got \(rowsPerOutput)")
        self.old = old
        self.new = new
        var oldByID: [String: CellRecord] = [:]
        for cell in old.cells where oldByID[cell.id] == nil { oldByID[cell.id] = cell }
        var cells: [CellDiff] = [], unchanged: [String] = []
        var seen = Set<String>()
        for cell in new.cells where seen.insert(cell.id).inserted {
            if let diff = RecordDiff.diff(old: oldByID[cell.id], new: cell, notebookSettings: notebookSettings,
                                          limit: rowsPerOutput) {
                cells.append(diff)
            } else {
                unchanged.append(cell.id)
            }
        }
        for cell in old.cells where seen.insert(cell.id).inserted {
            if let diff = RecordDiff.diff(old: cell, new: nil, notebookSettings: notebookSettings, limit: rowsPerOutput) {
                cells.append(diff)
            }
        }
        self.cells = cells
        unchangedCells = unchanged
        let madeAlike = old.notebookHash == new.notebookHash && old.params == new.params && old.seed == new.seed
            && old.files == new.files && old.unrollVersion == new.unrollVersion
        provenance = madeAlike && cells.isEmpty ? [] : ProvenanceDifference.lines(baseline: old, actual: new)
    }

    /// Whether the records hold different values, statuses or cells (differences within tolerance included).
    public var hasDifferences: Bool { !cells.isEmpty }

    /// Whether something differs beyond tolerance (or a cell, output, status or shape changed): `diff` exits 1.
    public var differsBeyondTolerance: Bool { cells.contains(where: \.counts) }

    /// The outputs that differ, cell by cell.
    public var changedOutputs: [OutputDiff] { cells.flatMap(\.outputs) }

    /// Every listed row: the cells' own rows, then their outputs', in order.
    public var changes: [ValueChange] {
        cells.flatMap { $0.changes + $0.outputs.flatMap(\.changes) }
    }

    /// The one-line outcome: `no differences`, or how many values differ beyond and within tolerance.
    public var summary: String {
        guard hasDifferences else { return "no differences (\(RecordDiff.count(unchangedCells.count, "cell")) compared)" }
        let rows = changes
        let unlisted = cells.flatMap(\.outputs).map(\.unlisted).reduce(0, +)
        let beyond = rows.filter { $0.verdict.counts }.count
        let within = rows.filter { !$0.verdict.counts }.count
        var text = "\(RecordDiff.count(cells.count, "cell")) \(cells.count == 1 ? "differs" : "differ"): \(RecordDiff.count(beyond, "value")) beyond tolerance, \(within) within tolerance or ignored"
        if unlisted > 0 { text += " (and \(unlisted) more values not listed)" }
        return text
    }

    /// `N cells unchanged: a, b, …`, or nil when every cell changed.
    public var unchangedLine: String? {
        guard !unchangedCells.isEmpty else { return nil }
        return "\(RecordDiff.count(unchangedCells.count, "cell")) unchanged: " + unchangedCells.joined(separator: ", ")
    }

    /// The diff of one cell, or nil when nothing in it changed.
    private static func diff(old: CellRecord?, new: CellRecord?, notebookSettings: CheckSettings?, limit: Int) -> CellDiff? {
        guard let id = new?.id ?? old?.id else { return nil }
        var changes: [ValueChange] = []
        func row(_ key: String, _ a: String, _ b: String) {
            changes.append(ValueChange(cellID: id, output: "", key: key, old: a, new: b, verdict: .changed))
        }
        // A cell that came or went is one row; its outputs are not listed one by one.
        guard let old, let new else {
            row("cell", old?.status.rawValue ?? "absent", new?.status.rawValue ?? "absent")
            return CellDiff(cellID: id, changes: changes, outputs: [])
        }
        if old.status != new.status { row("status", old.status.rawValue, new.status.rawValue) }
        if let a = old.error?.message, let b = new.error?.message, a != b {
            row("error", OutputChanges.Rows.shown(a), OutputChanges.Rows.shown(b))
        }
        // An old record's `show-N` outputs are compared with this one's under their new names (`metrics-1`).
        let renamed = RenamedOutputs(baseline: old, run: new)
        var oldOutputs = old.outputs
        for (i, output) in oldOutputs.enumerated() {
            guard let newName = renamed.newName[output.name] else { continue }
            row("renamed", output.name, newName)
            oldOutputs[i].name = newName
        }
        let tolerance = Tolerance.resolve(cell: new.check ?? old.check, notebook: notebookSettings)
        let outputs = OutputChanges(tolerance: tolerance, cellID: id, limit: limit)
        var names: [String] = []
        var seen = Set<String>()
        for output in new.outputs + oldOutputs where seen.insert(output.name).inserted {
            names.append(output.name)
        }
        let diffs = names.compactMap { name in
            outputs.diff(name: name, old: oldOutputs.first { $0.name == name }?.content, new: new.output(named: name)?.content)
        }
        guard !changes.isEmpty || !diffs.isEmpty else { return nil }
        return CellDiff(cellID: id, changes: changes, outputs: diffs)
    }

    /// `1 cell`, `2 cells`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
