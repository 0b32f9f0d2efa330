import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor

/// Sequence classification: one label per sequence, cross-entropy on the logits of the final states.
public final class ClassifierObjective: Objective {
    /// The model.
    public let model: SequenceClassifier
    /// The labelled sequences.
    public let examples: [ClassificationExample]
    private var batches: [PaddedBatch] = []

    /// An objective for `model` on `examples`.
    public init(model: SequenceClassifier, examples: [ClassificationExample]) {
        self.model = model
        self.examples = examples
    }

    public var parameters: [Variable] { model.parameters }

    public func begin(shuffle: Bool, batchSize: Int, rng: inout RandomGenerator) -> Int {
        batches = shuffledPaddedBatches(examples.map(\.tokens), shuffle: shuffle, batchSize: batchSize, rng: &rng)
        return batches.count
    }

    public func run(batch index: Int, training: Bool, rng: inout RandomGenerator) -> BatchOutcome {
        let batch = batches[index]
        let logits = model.logits(tokens: batch.tokens, lengths: batch.lengths, steps: batch.steps,
                                  training: training, rng: &rng)
        let labels = batch.indices.map { examples[$0].label }
        let predicted = logits.value.argmaxRows()
        let correct = zip(predicted, labels).filter { $0 == $1 }.count
        return BatchOutcome(loss: logits.crossEntropy(targets: labels), count: labels.count, correct: correct)
    }
}
