/// Per-epoch metrics of a training run, for the training data and (optionally) the validation data.
///
/// Two histories are equal when their results are: `seconds`, a wall-clock measurement, is left out.
public struct History: Equatable, Sendable {
    /// One `Metrics` per finished epoch on the training data (measured during the epoch, dropout on).
    public var train: [Metrics] = []
    /// One `Metrics` per finished epoch on the validation data, if any was given.
    public var valid: [Metrics] = []
    /// One `GradientStatistics` per finished training epoch: the gradient norm before clipping and the fraction
    /// of batches clipped.
    public var gradients: [GradientStatistics] = []
    /// The learning rate of each epoch, when a schedule set it.
    public var learningRates: [Double] = []
    /// The epoch whose monitored value was best in the latest fit that watched one (counted over the whole history;
    /// `stoppedEpoch` and `restoredEpoch` belong to the same fit).
    public var bestEpoch: Int?
    /// The last epoch trained, when early stopping ended training before its planned last epoch.
    public var stoppedEpoch: Int?
    /// The epoch whose weights were put back at the end (`keep_best`), when they were not the last epoch's.
    public var restoredEpoch: Int?
    /// The wall-clock seconds of each finished epoch (its training batches and its validation pass), measured with
    /// a monotonic clock. A measurement of the machine, not a result: not compared by `==`, and the language shows
    /// it only when a run asks for timings.
    public var seconds: [Double] = []

    /// An empty history.
    public init() {}

    /// The number of finished epochs.
    public var epochs: Int { train.count }

    /// The values of metric `name` on `split` ("train" or "valid"), one per epoch; nil when absent.
    public func series(_ name: String, split: String) -> [Double]? {
        let rows = split == "valid" ? valid : train
        guard !rows.isEmpty else { return nil }
        let values = rows.compactMap { m in m.named.first { $0.name == name }?.value }
        return values.count == rows.count ? values : nil
    }

    /// The per-epoch values of gradient series `name` (`grad_norm`, `grad_norm_max`, `clipped`); nil for another
    /// name.
    public func gradientSeries(_ name: String) -> [Double]? {
        guard GradientStatistics.seriesNames.contains(name) else { return nil }
        return gradients.map { $0.value(name)! }
    }

    /// The metric names present, in the fixed order of `Metrics.named`.
    public var metricNames: [String] { (train.first ?? valid.first)?.named.map(\.name) ?? [] }

    /// Appends another run's epochs (a second `fit` continues the history).
    public mutating func append(_ other: History) {
        let offset = epochs
        if let best = other.bestEpoch {  // the latest fit that watched a metric says how it ended
            bestEpoch = best + offset
            stoppedEpoch = other.stoppedEpoch.map { $0 + offset }
            restoredEpoch = other.restoredEpoch.map { $0 + offset }
        }
        learningRates += other.learningRates
        train += other.train
        valid += other.valid
        gradients += other.gradients
        seconds += other.seconds
    }

    /// Equal results: every field but `seconds`.
    public static func == (lhs: History, rhs: History) -> Bool {
        lhs.train == rhs.train && lhs.valid == rhs.valid && lhs.gradients == rhs.gradients
            && lhs.learningRates == rhs.learningRates && lhs.bestEpoch == rhs.bestEpoch
            && lhs.stoppedEpoch == rhs.stoppedEpoch && lhs.restoredEpoch == rhs.restoredEpoch
    }
}
