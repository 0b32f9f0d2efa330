import UnrollRecord

/// The values a statistical check (`check --seeds K`) compares: every scalar of a passed cell, and the final
/// point of every line of its series, gathered over the K runs into `SeedStatistics`.
public enum SeedValues {
    /// One value of one run: its cell, the cell's line, where it is in the cell and the number.
    public struct Value: Equatable, Sendable {
        /// The cell's id.
        public var cellID: String
        /// The line of the cell's opening fence.
        public var line: Int
        /// `output` for a scalar, `output/line` for a series line's final point.
        public var valuePath: String
        /// The number.
        public var value: Double
    }

    /// The values of one run's passed cells, in notebook and output order (a repeated key keeps its first).
    public static func values(of record: RunRecord) -> [Value] {
        var values: [Value] = [], seen = Set<String>()
        func add(_ cell: CellRecord, _ path: String, _ value: Double) {
            if seen.insert("\(cell.id)/\(path)").inserted {
                values.append(Value(cellID: cell.id, line: cell.sourceLine, valuePath: path, value: value))
            }
        }
        for cell in record.cells where cell.status == .passed {
            for output in cell.outputs {
                switch output.content {
                case .scalar(let scalar): add(cell, output.name, scalar.value)
                case .series(let series):
                    for line in series.lines { if let last = line.y.last { add(cell, "\(output.name)/\(line.name)", last) } }
                case .table, .text, .heatmap: break
                }
            }
        }
        return values
    }

    /// The statistics of runs made with `seeds` (one record per seed, in the same order): one sample per value
    /// that every run has, in the first run's order.
    public static func statistics(of records: [RunRecord], seeds: [UInt64]) -> SeedStatistics {
        precondition(records.count == seeds.count && !records.isEmpty, "one record per seed, at least one")
        let runs = records.map { run in
            Dictionary(values(of: run).map { ("\($0.cellID)/\($0.valuePath)", $0.value) }) { first, _ in first }
        }
        let samples = values(of: records[0]).compactMap { first -> SeedSample? in
            let key = "\(first.cellID)/\(first.valuePath)"
            let numbers = runs.compactMap { $0[key] }
            guard numbers.count == runs.count else { return nil }
            return SeedSample(cellID: first.cellID, line: first.line, valuePath: first.valuePath, values: numbers)
        }
        return SeedStatistics(seeds: seeds, samples: samples)
    }
}
