/// The time series a data set of consecutive windows was cut from (`series_csv` with `horizon: 1`, `stride: 1`
/// and the target column as the only input, in order): the first window followed by every example's target.
/// A free run of a window regressor starts from a stretch of it and is compared with what follows.
public struct WindowedSeries: Equatable, Sendable {
    /// The series, `rows × features` row-major.
    public let values: [Float]
    /// The steps of every window.
    public let window: Int
    /// The values per row (the inputs per step, equal to the targets per example).
    public let features: Int

    /// The number of rows (time steps) of the series.
    public var rows: Int { values.count / features }

    /// Why a data set is not consecutive windows of one series.
    public enum Break: Error, Equatable, Sendable {
        /// The data set has no examples.
        case empty
        /// The targets are per step, not one per window.
        case perStep
        /// A window's target is not the next row of its inputs (a different number of values).
        case widths(features: Int, outputs: Int)
        /// Example `example` (counted from 0) has `steps` steps where the first has `window`.
        case length(example: Int, steps: Int, window: Int)
        /// Example `example` (counted from 0) is not the previous window moved on by one row with the previous
        /// target as its last row.
        case notConsecutive(example: Int)
    }

    /// The series of `set`, or why its examples are not consecutive windows of one.
    public static func of(_ set: RegressionDataset) -> Result<WindowedSeries, Break> {
        guard !set.perStep else { return .failure(.perStep) }
        guard set.featureCount == set.outputCount else {
            return .failure(.widths(features: set.featureCount, outputs: set.outputCount))
        }
        guard let first = set.examples.first else { return .failure(.empty) }
        let f = set.featureCount, window = first.steps
        var values = first.inputs + first.targets
        values.reserveCapacity((window + set.examples.count) * f)
        for e in 1..<max(1, set.examples.count) {
            let example = set.examples[e]
            guard example.steps == window else { return .failure(.length(example: e, steps: example.steps, window: window)) }
            // The window of example e must be rows e ..< e + window of the series built so far.
            let start = e * f
            guard example.inputs.elementsEqual(values[start..<(start + window * f)]) else {
                return .failure(.notConsecutive(example: e))
            }
            values += example.targets
        }
        return .success(WindowedSeries(values: values, window: window, features: f))
    }

    /// Rows `start ..< start + count` of the series, row-major.
    public func rows(_ start: Int, count: Int) -> [Float] {
        precondition(start >= 0 && count >= 0 && start + count <= rows, "WindowedSeries: rows \(start) + \(count) of \(rows)")
        return Array(values[(start * features)..<((start + count) * features)])
    }

    private init(values: [Float], window: Int, features: Int) {
        self.values = values
        self.window = window
        self.features = features
    }
}
