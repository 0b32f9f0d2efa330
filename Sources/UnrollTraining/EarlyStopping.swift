/// When training stops before its last epoch and which weights it keeps: the validation metric watched, how many
/// epochs without improvement are allowed, and whether the best epoch's weights are put back at the end (Keras's
/// `EarlyStopping(monitor:, patience:, restore_best_weights:)`).
public struct EarlyStopping: Equatable, Sendable {
    /// The metric watched (`loss`, `perplexity`, `accuracy`), on the validation data when there is any.
    public var monitor: String
    /// Stop after this many epochs in a row without a strictly better value; nil trains every epoch.
    public var patience: Int?
    /// Put back the weights of the epoch with the best value when training ends.
    public var keepBest: Bool

    /// A rule watching `monitor`.
    public init(monitor: String = "loss", patience: Int? = nil, keepBest: Bool = false) {
        self.monitor = monitor
        self.patience = patience
        self.keepBest = keepBest
    }

    /// Whether larger values of the monitored metric are better (accuracy) rather than smaller (loss, perplexity).
    public var maximizes: Bool { monitor == "accuracy" }

    /// Whether `value` is strictly better than `best` (nil: nothing yet); NaN never is.
    public func improves(_ value: Double, on best: Double?) -> Bool {
        guard !value.isNaN else { return false }
        guard let best else { return true }
        return maximizes ? value > best : value < best
    }

    /// The watched value in an epoch's metrics, or nil when it has none.
    public func value(in metrics: Metrics) -> Double? {
        metrics.named.first { $0.name == monitor }?.value
    }
}
