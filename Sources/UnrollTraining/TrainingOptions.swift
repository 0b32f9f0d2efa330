/// How `fit` trains: epochs, batching, truncated BPTT, clipping, shuffling, the learning-rate schedule and early stopping.
public struct TrainingOptions: Equatable, Sendable {
    /// Passes over the training data.
    public var epochs: Int = 1
    /// Sequences per batch (for language models: parallel rows of the token stream).
    public var batchSize: Int = 32
    /// Truncated-BPTT window for language models: state is carried across windows, gradients are not.
    public var bptt: Int = 64
    /// Clip the global gradient norm to this value before each step (PyTorch's `clip_grad_norm_`).
    public var clipNorm: Float?
    /// Clip each gradient element to ±this value before each step.
    public var clipValue: Float?
    /// Shuffle the order of examples every epoch (language models keep their stream order).
    public var shuffle: Bool = true
    /// How the optimizer's learning rate changes per epoch; nil leaves it as the optimizer was made.
    public var schedule: LearningRateSchedule?
    /// Early stopping and keeping the best epoch's weights; nil trains every epoch and keeps the last weights.
    public var stopping: EarlyStopping?

    /// Options with the defaults above.
    public init() {}
}
