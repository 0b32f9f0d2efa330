import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor

/// Sequence labelling: one tag per step, cross-entropy over the real (unpadded) steps.
public final class TaggerObjective: PaddedSequenceObjective<SequenceTagger, TaggingExample>, Objective {
    /// An objective for `model` on the tagged sequences `examples`.
    public init(model: SequenceTagger, examples: [TaggingExample]) {
        super.init(model: model, examples: examples, tokens: \.tokens)
    }

    public func run(batch index: Int, training: Bool, rng: inout RandomGenerator) -> BatchOutcome {
        let batch = batches[index]
        let logits = model.logits(tokens: batch.tokens, lengths: batch.lengths, steps: batch.steps,
                                  training: training, rng: &rng)
        return tokenCrossEntropy(logits, targets: targets(for: batch))
    }

    /// The batch's tags laid out like the logits rows (`N·T`); padding steps get −1 and are ignored.
    func targets(for batch: PaddedBatch) -> [Int] {
        var targets = [Int](repeating: -1, count: batch.batch * batch.steps)
        for (n, i) in batch.indices.enumerated() {
            for (t, tag) in examples[i].tags.enumerated() { targets[n * batch.steps + t] = tag }
        }
        return targets
    }
}
