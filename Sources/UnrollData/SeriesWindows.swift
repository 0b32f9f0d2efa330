/// Numeric columns of a CSV table cut into overlapping windows, for forecasting a time series with a regressor:
/// each example reads `window` consecutive rows of the input columns and its target is the target column
/// `horizon` rows after the window's last row.
public enum SeriesWindows {
    /// The most numbers the windows of one data set may hold (1 GiB of floats), so that a long series with a
    /// wide window cannot take the machine's memory.
    public static let maximumValues = 1 << 28

    /// The windows of `table`: inputs from `columns` (in that order), target from `target`, starting every
    /// `stride` rows. Throws a `DataError` naming the file and line of a cell that is not a number, an unknown
    /// column, or a series too short for one window.
    public static func dataset(from table: CSVTable, columns: [String], target: String, window: Int, horizon: Int,
                               stride: Int = 1) throws -> RegressionDataset {
        precondition(window > 0 && horizon > 0 && stride > 0, "SeriesWindows: window, horizon and stride must be positive")
        guard !columns.isEmpty else { throw DataError("'columns' names no column; give at least one", file: table.name) }
        let inputIndices = try columns.map { try table.column(named: $0) }
        let targetIndex = try table.column(named: target)
        let rows = table.rows.count
        let (needed, overflow) = window.addingReportingOverflow(horizon)
        guard !overflow, rows >= needed else {
            throw DataError("the series has \(rows) row\(rows == 1 ? "" : "s"); a window of \(window) and a horizon of "
                + "\(horizon) need at least \(overflow ? "more" : String(needed))", file: table.name)
        }
        let count = (rows - needed) / stride + 1
        let (perExample, wide) = window.multipliedReportingOverflow(by: columns.count)
        let (values, tooMany) = count.multipliedReportingOverflow(by: wide ? Int.max : perExample)
        guard !wide, !tooMany, values <= maximumValues - count else {
            throw DataError("the windows would hold more than \(maximumValues) numbers; use a larger 'stride' or a smaller 'window'",
                            file: table.name)
        }
        let inputs = try numbers(table, inputIndices)
        let targets = try numbers(table, [targetIndex])
        var examples: [RegressionExample] = []
        examples.reserveCapacity(count)
        let features = columns.count
        for e in 0..<count {
            let start = e * stride
            let slice = Array(inputs[(start * features)..<((start + window) * features)])
            examples.append(RegressionExample(inputs: slice, steps: window, targets: [targets[start + window - 1 + horizon]]))
        }
        return RegressionDataset(examples: examples, featureCount: features, outputCount: 1, perStep: false)
    }

    /// The cells of `indices` in every row, row-major, as floats (correctly rounded from their decimal text).
    private static func numbers(_ table: CSVTable, _ indices: [Int]) throws -> [Float] {
        var result: [Float] = []
        result.reserveCapacity(table.rows.count * indices.count)
        for (r, row) in table.rows.enumerated() {
            for i in indices {
                let text = i < row.count ? row[i].trimmingWhitespace : ""
                guard let value = Float(text), value.isFinite else {
                    throw DataError("column '\(table.header[i])' holds \(text.isEmpty ? "nothing" : "'\(text)'"), not a number",
                                    file: table.name, line: table.lines[r])
                }
                result.append(value)
            }
        }
        return result
    }
}
