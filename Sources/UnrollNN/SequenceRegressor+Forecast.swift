import UnrollAutograd
import UnrollTensor

extension SequenceRegressor {
    /// Free-running (generative) forecast of a many-to-one regressor over windows: predicts the value after
    /// `window` (`steps × F` row-major, true values), then slides the window by one step, appending the
    /// prediction, and predicts again; returns the `count × O` predictions in order, the first being the one
    /// that follows the given window. Needs `F == O` (each prediction is the next step's inputs) and a
    /// many-to-one head; no dropout, no gradients, and every prediction is the same forward pass as
    /// `predict(inputs:lengths:training:)` on a batch of one, so the outputs are those of a loop of one-step
    /// predictions on the windows it builds, bit for bit.
    public func forecast(window: [Float], count: Int, checkpoint: () throws -> Void = {}) rethrows -> [Float] {
        precondition(!perStep && inputCount == outputCount, "regressor forecast: needs a many-to-one head with as many outputs as inputs")
        precondition(!window.isEmpty && window.count % inputCount == 0 && count >= 0,
                     "regressor forecast: \(window.count) values are no whole window of \(inputCount) features")
        let steps = window.count / inputCount
        var current = window
        var out: [Float] = []
        out.reserveCapacity(count * outputCount)
        var rng = RandomGenerator(seed: 0)
        for _ in 0..<count {
            try checkpoint()
            let x = Tensor(shape: [1, steps, inputCount], scalars: current)
            let next = withoutGradients { predict(inputs: x, lengths: [steps], training: false, rng: &rng).value.scalars }
            out += next
            current.removeFirst(inputCount)
            current += next
        }
        return out
    }
}
