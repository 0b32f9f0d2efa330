/// A mini-batch of regression examples, padded with zeros on the right to a common number of steps.
public struct RegressionBatch: Equatable, Sendable {
    /// The number of sequences `N`.
    public let batch: Int
    /// The padded length `T`, the longest sequence in the batch.
    public let steps: Int
    /// Input features per step `F`.
    public let featureCount: Int
    /// Target values per example (or per step) `O`.
    public let outputCount: Int
    /// Whether `targets` has a row per step.
    public let perStep: Bool
    /// Inputs `N × T × F` row-major, zero past each sequence's length.
    public let inputs: [Float]
    /// Targets `N × O`, or `N × T × O` when `perStep` (zero past each sequence's length).
    public let targets: [Float]
    /// Each sequence's true length.
    public let lengths: [Int]
    /// Which examples of the data set each row holds.
    public let indices: [Int]

    /// Groups `dataset`'s examples into batches of `batchSize` taken in `order`; the last may be smaller.
    public static func batches(_ dataset: RegressionDataset, batchSize: Int, order: [Int]) -> [RegressionBatch] {
        precondition(batchSize > 0, "RegressionBatch.batches: batch size must be positive, got \(batchSize)")
        let f = dataset.featureCount, o = dataset.outputCount
        var result: [RegressionBatch] = []
        var start = 0
        while start < order.count {
            let members = Array(order[start..<min(start + batchSize, order.count)])
            for i in members {
                precondition(dataset.examples.indices.contains(i),
                             "RegressionBatch.batches: order names example \(i) of \(dataset.examples.count)")
            }
            let lengths = members.map { dataset.examples[$0].steps }
            let steps = lengths.max() ?? 0
            var inputs = [Float](repeating: 0, count: members.count * steps * f)
            var targets = [Float](repeating: 0, count: members.count * (dataset.perStep ? steps : 1) * o)
            for (n, i) in members.enumerated() {
                let example = dataset.examples[i]
                for (k, value) in example.inputs.enumerated() { inputs[n * steps * f + k] = value }
                let rowSize = dataset.perStep ? steps * o : o
                for (k, value) in example.targets.enumerated() { targets[n * rowSize + k] = value }
            }
            result.append(RegressionBatch(batch: members.count, steps: steps, featureCount: f, outputCount: o,
                                          perStep: dataset.perStep, inputs: inputs, targets: targets,
                                          lengths: lengths, indices: members))
            start += batchSize
        }
        return result
    }
}
