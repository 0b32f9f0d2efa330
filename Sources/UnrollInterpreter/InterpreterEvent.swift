/// Progress the interpreter reports while a cell runs, for a runner's progress display.
public enum InterpreterEvent {
    /// `fit` starts training `model` (the model expression as written) for `epochs` epochs.
    case fitStarted(model: String, epochs: Int)
    /// A training batch finished: 1-based `epoch` and `batch` of `batches`, with the batch's mean loss.
    case batch(epoch: Int, batch: Int, batches: Int, loss: Double)
    /// An epoch finished, with its training metrics and the validation metrics when `validate` was given.
    case epochFinished(epoch: Int, epochs: Int, train: [String: Double], valid: [String: Double]?)
}
