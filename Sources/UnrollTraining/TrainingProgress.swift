/// What a training run reports after each epoch, for progress display.
public struct EpochReport: Sendable {
    /// The 1-based epoch just finished.
    public var epoch: Int
    /// The number of epochs planned.
    public var epochs: Int
    /// Metrics on the training data.
    public var train: Metrics
    /// Metrics on the validation data, if any.
    public var valid: Metrics?
}

/// A callback told about each finished epoch.
public typealias ProgressHandler = (EpochReport) -> Void
