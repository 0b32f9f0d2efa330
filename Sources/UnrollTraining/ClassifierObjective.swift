import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor

/// Sequence classification: one label per sequence, cross-entropy on the logits of the final states.
public final class ClassifierObjective: PaddedSequenceObjective<SequenceClassifier, ClassificationExample>, Objective {
    /// An objective for `model` on the labelled sequences `examples`.
    public init(model: SequenceClassifier, examples: [ClassificationExample]) {
        super.init(model: model, examples: examples, tokens: \.tokens)
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
