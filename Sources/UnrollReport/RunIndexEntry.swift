import UnrollRecord

/// One notebook in a run's `index.html`: its report name, the report file to link to, its status, a one-line
/// summary and its key numbers, all read from its run record.
public struct RunIndexEntry: Equatable, Sendable {
    /// The report name (`NAME` of `NAME.json`).
    public var name: String
    /// The report to link to (`NAME.html`, else `NAME.md`); nil when neither is in the folder.
    public var report: String?
    /// The notebook's run record.
    public var record: RunRecord

    /// The most key numbers an entry lists.
    public static let keyNumberLimit = 4

    /// An entry from its parts.
    public init(name: String, report: String?, record: RunRecord) {
        self.name = name
        self.report = report
        self.record = record
    }

    /// The notebook's title, or its report name when the title is empty.
    public var title: String { record.title.isEmpty ? name : record.title }

    /// `4 of 4 cells passed; 3 of 3 expects held`, with the other statuses counted when there are any, and for a
    /// failed run the first failed cell and its message's first line.
    public var summary: String {
        let counts = ReportSummary(cells: record.cells)
        var text = "\(counts.passed) of \(record.cells.count) cell\(record.cells.count == 1 ? "" : "s") passed"
        for (count, word) in [(counts.failed, "failed"), (counts.skipped, "skipped"), (counts.notRun, "not run")] where count > 0 {
            text += ", \(count) \(word)"
        }
        if !expectations.isEmpty {
            let held = expectations.filter(\.passed).count
            text += "; \(held) of \(expectations.count) expect\(expectations.count == 1 ? "" : "s") held"
        }
        if let failed = record.cells.first(where: { $0.status == .failed }), let error = failed.error {
            let line = error.message.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            text += "; cell '\(failed.id)' failed: \(line)"
        }
        return text
    }

    /// The numbers the notebook reported, at most `keyNumberLimit`, in this order: numbers it `show`ed, the columns
    /// of one-row tables of numbers (metrics), the measured side of each numeric `expect`, then the last point of
    /// each line of its last training curve (`fit`).
    public var keyNumbers: [(label: String, value: Double)] {
        var shown: [(label: String, value: Double)] = [], expected = shown, trained = shown
        for cell in record.cells where cell.status == .passed {
            for output in cell.outputs {
                switch output.content {
                case .scalar(let scalar):
                    if let expectation = scalar.expectation {
                        if expectation.comparison != nil, let value = Double(expectation.left) {
                            expected.append((scalar.label ?? output.name, value))
                        }
                    } else if !output.name.hasPrefix("expect-") {
                        shown.append((scalar.label ?? output.name, scalar.value))
                    }
                case .table(let table) where table.rows.count == 1 && table.rowHeaders == nil:
                    for (column, cell) in zip(table.columns, table.rows[0]) {
                        if case .number(let value) = cell { shown.append((column, value)) }
                    }
                case .series(let series) where output.name.hasPrefix("fit-"):
                    trained = series.lines.compactMap { line in line.y.last.map { ("last " + line.name, $0) } }
                default:
                    break
                }
            }
        }
        return Array((shown + expected + trained).prefix(Self.keyNumberLimit))
    }

    /// The outcomes of the notebook's `expect`s, in order.
    private var expectations: [Expectation] {
        record.cells.flatMap(\.outputs).compactMap { output -> Expectation? in
            if case .scalar(let scalar) = output.content { return scalar.expectation } else { return nil }
        }
    }

    /// Equal when name, report and record are.
    public static func == (lhs: RunIndexEntry, rhs: RunIndexEntry) -> Bool {
        lhs.name == rhs.name && lhs.report == rhs.report && lhs.record == rhs.record
    }
}
