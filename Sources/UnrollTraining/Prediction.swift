import UnrollAutograd
import UnrollNN
import UnrollTensor

/// What trained models predict for one input, without gradients or dropout.
public enum Prediction {
    /// The most likely next id after reading `ids` (at least one, each below the vocabulary size).
    public static func nextToken(_ model: LanguageModel, after ids: [Int]) -> Int {
        checkIds(ids, below: model.vocabularySize, what: "language model")
        var rng = RandomGenerator(seed: 0)
        return withoutGradients {
            let (logits, _) = model.logits(tokens: ids, batch: 1, steps: ids.count, state: nil, training: false, rng: &rng)
            return logits.value.argmaxRows()[ids.count - 1]
        }
    }

    /// The most likely class of the sequence `ids`.
    public static func label(_ model: SequenceClassifier, of ids: [Int]) -> Int {
        checkIds(ids, below: model.embedding.vocabularySize, what: "classifier")
        var rng = RandomGenerator(seed: 0)
        return withoutGradients {
            let logits = model.logits(tokens: ids, lengths: [ids.count], steps: ids.count, training: false, rng: &rng)
            return logits.value.argmaxRows()[0]
        }
    }

    /// The most likely tag of every id of `ids`.
    public static func tags(_ model: SequenceTagger, of ids: [Int]) -> [Int] {
        checkIds(ids, below: model.embedding.vocabularySize, what: "tagger")
        var rng = RandomGenerator(seed: 0)
        return withoutGradients {
            model.logits(tokens: ids, lengths: [ids.count], steps: ids.count, training: false, rng: &rng)
                .value.argmaxRows()
        }
    }

    /// The outputs for one sequence of `steps` steps (`inputs` is `steps × F` row-major): `O` values, or
    /// `steps × O` for a per-step regressor.
    public static func values(_ model: SequenceRegressor, inputs: [Float], steps: Int) -> [Float] {
        precondition(steps >= 1 && inputs.count == steps * model.inputCount,
                     "regressor prediction: \(inputs.count) inputs for \(steps) steps of \(model.inputCount) features")
        var rng = RandomGenerator(seed: 0)
        return withoutGradients {
            let x = Tensor(shape: [1, steps, model.inputCount], scalars: inputs)
            return model.predict(inputs: x, lengths: [steps], training: false, rng: &rng).value.scalars
        }
    }

    private static func checkIds(_ ids: [Int], below size: Int, what: String) {
        precondition(!ids.isEmpty && ids.allSatisfy { $0 >= 0 && $0 < size },
                     "\(what) prediction: ids \(ids) must be non-empty and below \(size)")
    }
}
