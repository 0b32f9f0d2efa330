/// How `fit` trains: epochs, batching, truncated BPTT, clipping and shuffling.
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

    /// Options with the defaults above.
    public init() {}
}
