import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor

/// Regression on real-valued sequences with mean squared error, many-to-one or per step.
public final class RegressorObjective: Objective {
    /// The model.
    public let model: SequenceRegressor
    /// The data set.
    public let dataset: RegressionDataset
    /// The batches of the current pass.
    private(set) var batches: [RegressionBatch] = []

    /// An objective for `model` on `dataset`.
    public init(model: SequenceRegressor, dataset: RegressionDataset) {
        self.model = model
        self.dataset = dataset
    }

    public var parameters: [Variable] { model.parameters }

    public func begin(shuffle: Bool, batchSize: Int, rng: inout RandomGenerator) -> Int {
        var order = Array(dataset.examples.indices)
        if shuffle { rng.shuffle(&order) }
        batches = RegressionBatch.batches(dataset, batchSize: batchSize, order: order)
        return batches.count
    }

    public func run(batch index: Int, training: Bool, rng: inout RandomGenerator) -> BatchOutcome {
        let batch = batches[index]
        let inputs = Tensor(shape: [batch.batch, batch.steps, batch.featureCount], scalars: batch.inputs)
        let predictions = model.predict(inputs: inputs, lengths: batch.lengths, training: training, rng: &rng)
        return outcome(predictions, for: batch)
    }

    /// The mean squared error of `predictions` (`(N·T, O)` per step, `(N, O)` per sequence) against the batch's
    /// targets, padding steps left out.
    func outcome(_ predictions: Variable, for batch: RegressionBatch) -> BatchOutcome {
        let o = batch.outputCount
        let target = Tensor(shape: predictions.shape, scalars: batch.targets)
        // Per-step targets past a sequence's length are padding: mask them out of the mean.
        var mask: Tensor?
        var count = batch.targets.count
        if batch.perStep {
            var m = [Float](repeating: 0, count: batch.targets.count)
            for (n, length) in batch.lengths.enumerated() {
                for k in 0..<(length * o) { m[n * batch.steps * o + k] = 1 }
            }
            count = batch.lengths.reduce(0, +) * o
            mask = Tensor(shape: predictions.shape, scalars: m)
        }
        return BatchOutcome(loss: predictions.meanSquaredError(target: target, mask: mask), count: count, correct: nil)
    }
}
