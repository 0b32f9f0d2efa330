import UnrollRecord

/// Compares one output of a cell with the baseline's output of the same name: scalars by value, series line by
/// line and point by point, tables and heatmaps cell by cell, unrolled graphs by their
/// description, text exactly (or whitespace-normalized in `loose`
/// mode).
struct OutputComparison {
    /// The tolerance of the cell.
    var tolerance: Tolerance
    /// The notebook's path.
    var path: String
    /// The cell (of this run).
    var cell: CellRecord
    /// At most this many value mismatches are listed per output.
    var limit: Int

    /// The findings for `expected` (baseline) against `actual` (this run), which share a name.
    func compare(_ expected: CellOutput, _ actual: CellOutput) -> [Finding] {
        var collector = Collector(comparison: self, base: "\(cell.id)/\(expected.name)")
        switch (expected.content, actual.content) {
        case (.scalar(let e), .scalar(let a)):
            collector.number(e.value, a.value, at: "")
        case (.series(let e), .series(let a)):
            compareSeries(e, a, into: &collector)
        case (.table(let e), .table(let a)):
            compareTable(e, a, into: &collector)
        case (.heatmap(let e), .heatmap(let a)):
            collector.labels(e.rowLabels, a.rowLabels, what: "row labels")
            collector.labels(e.columnLabels, a.columnLabels, what: "column labels")
            if e.values.count == a.values.count && e.values.first?.count == a.values.first?.count {
                for (i, (rowE, rowA)) in zip(e.values, a.values).enumerated() {
                    for (j, (x, y)) in zip(rowE, rowA).enumerated() { collector.number(x, y, at: "[\(i)][\(j)]") }
                }
            }
        case (.text(let e), .text(let a)):
            compareText(e, a, into: &collector)
        case (.graph(let e), .graph(let a)):
            // A drawing of the model's structure: no numbers to tolerate, so any difference is one.
            collector.labels(e.lines, a.lines, what: "graph")
        default:
            collector.shape(.kindChanged, at: "", expected: "a \(expected.content.kind.rawValue)",
                            actual: "a \(actual.content.kind.rawValue)")
        }
        return collector.finish()
    }

    private func compareSeries(_ e: SeriesOutput, _ a: SeriesOutput, into collector: inout Collector) {
        var names = Set<String>()
        for line in e.lines where names.insert(line.name).inserted {
            guard let other = a.lines.first(where: { $0.name == line.name }) else {
                collector.shape(.outputMissing, at: "/\(line.name)", expected: "a line of \(line.y.count) points",
                                actual: nil)
                continue
            }
            guard line.y.count == other.y.count else {
                collector.shape(.shapeMismatch, at: "/\(line.name)", expected: "\(line.y.count) points",
                                actual: "\(other.y.count) points")
                continue
            }
            collector.points(line.y, other.y, at: "/\(line.name)")
            collector.points(line.x, other.x, at: "/\(line.name).x")
        }
        for line in a.lines where !e.lines.contains(where: { $0.name == line.name }) && names.insert(line.name).inserted {
            collector.shape(.shapeMismatch, at: "/\(line.name)", expected: "no such line",
                            actual: "a line of \(line.y.count) points")
        }
    }

    private func compareTable(_ e: TableOutput, _ a: TableOutput, into collector: inout Collector) {
        collector.labels(e.columns, a.columns, what: "columns")
        collector.labels(e.rowHeaders ?? [], a.rowHeaders ?? [], what: "row headers")
        guard e.rows.count == a.rows.count, e.columns.count == a.columns.count else {
            collector.shape(.shapeMismatch, at: "", expected: "\(e.rows.count)×\(e.columns.count) cells",
                            actual: "\(a.rows.count)×\(a.columns.count) cells")
            return
        }
        for (i, (rowE, rowA)) in zip(e.rows, a.rows).enumerated() {
            for (j, (x, y)) in zip(rowE, rowA).enumerated() {
                switch (x, y) {
                case (.number(let p), .number(let q)): collector.number(p, q, at: "[\(i)][\(j)]")
                case (.text(let p), .text(let q)):
                    if p != q { collector.value(at: "[\(i)][\(j)]", expected: quoted(p), actual: quoted(q)) }
                case (.number(let p), .text(let q)):
                    collector.value(at: "[\(i)][\(j)]", expected: "\(p)", actual: quoted(q))
                case (.text(let p), .number(let q)):
                    collector.value(at: "[\(i)][\(j)]", expected: quoted(p), actual: "\(q)")
                }
            }
        }
    }

    private func compareText(_ e: String, _ a: String, into collector: inout Collector) {
        guard !tolerance.accepts(expected: e, actual: a) else { return }
        let linesE = e.split(separator: "\n", omittingEmptySubsequences: false)
        let linesA = a.split(separator: "\n", omittingEmptySubsequences: false)
        let common = min(linesE.count, linesA.count)
        let firstDifferent = (0..<common).first {
            !tolerance.accepts(expected: String(linesE[$0]), actual: String(linesA[$0]))
        } ?? common
        let lineE = firstDifferent < linesE.count ? quoted(String(linesE[firstDifferent])) : "no line"
        let lineA = firstDifferent < linesA.count ? quoted(String(linesA[firstDifferent])) : "no line"
        collector.value(at: " line \(firstDifferent + 1)", expected: lineE, actual: lineA)
    }

    /// Text in double quotes with quotes, backslashes and control characters escaped, cut at 80 characters.
    func quoted(_ text: String) -> String {
        var out = "\""
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count == 80 { out += "…"; break }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Gathers the findings of one output, listing at most `limit` value mismatches.
    struct Collector {
        let comparison: OutputComparison
        let base: String
        var findings: [Finding] = []
        var listed = 0
        var unlisted = 0

        /// Compares two numbers with the cell's tolerance.
        mutating func number(_ expected: Double, _ actual: Double, at suffix: String) {
            guard !comparison.tolerance.accepts(expected: expected, actual: actual) else { return }
            let difference = abs(actual - expected)
            let relative = expected == 0 ? (difference == 0 ? 0 : .infinity) : difference / abs(expected)
            add(Finding(kind: .valueMismatch, severity: .regression, notebookPath: comparison.path,
                        cellID: comparison.cell.id, line: comparison.cell.sourceLine, valuePath: base + suffix,
                        expected: "\(expected)", actual: "\(actual)", absoluteDifference: difference,
                        relativeDifference: relative))
        }

        /// Compares two runs of points of one series line: the first differing point is listed, and how many
        /// later points differ too is counted in one finding, so a long curve gives two lines, not one per point.
        mutating func points(_ expected: [Double], _ actual: [Double], at suffix: String) {
            var differing = 0
            for (i, (x, y)) in zip(expected, actual).enumerated() where !comparison.tolerance.accepts(expected: x, actual: y) {
                if differing == 0 { number(x, y, at: "\(suffix)[\(i)]") }
                differing += 1
            }
            guard differing > 1 else { return }
            findings.append(Finding(kind: .laterPoints(differing - 1, of: expected.count), severity: .regression,
                                    notebookPath: comparison.path, cellID: comparison.cell.id,
                                    line: comparison.cell.sourceLine, valuePath: base + suffix))
        }

        /// Records a non-numeric value mismatch.
        mutating func value(at suffix: String, expected: String, actual: String) {
            add(Finding(kind: .valueMismatch, severity: .regression, notebookPath: comparison.path,
                        cellID: comparison.cell.id, line: comparison.cell.sourceLine, valuePath: base + suffix,
                        expected: expected, actual: actual))
        }

        /// Compares two lists of labels exactly.
        mutating func labels(_ expected: [String], _ actual: [String], what: String) {
            guard expected != actual else { return }
            shape(.shapeMismatch, at: " \(what)", expected: list(expected), actual: list(actual))
        }

        /// Records a shape, kind or presence difference (always listed).
        mutating func shape(_ kind: Finding.Kind, at suffix: String, expected: String?, actual: String?) {
            findings.append(Finding(kind: kind, severity: .regression, notebookPath: comparison.path,
                                    cellID: comparison.cell.id, line: comparison.cell.sourceLine,
                                    valuePath: base + suffix, expected: expected, actual: actual))
        }

        private mutating func add(_ finding: Finding) {
            if listed < comparison.limit {
                findings.append(finding)
                listed += 1
            } else {
                unlisted += 1
            }
        }

        private func list(_ labels: [String]) -> String {
            "[" + labels.map { comparison.quoted($0) }.joined(separator: ", ") + "]"
        }

        /// The findings, with one more counting the unlisted mismatches if there were any.
        func finish() -> [Finding] {
            guard unlisted > 0 else { return findings }
            return findings + [Finding(kind: .moreMismatches(unlisted), severity: .regression,
                                       notebookPath: comparison.path, cellID: comparison.cell.id,
                                       line: comparison.cell.sourceLine, valuePath: base)]
        }
    }
}
