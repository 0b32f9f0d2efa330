#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor

/// Measures a language model on a token stream in one pass: loss and perplexity as the training objective
/// computes them, plus next-token accuracy (which the training history does not record).
public enum LanguageModelEvaluation {
    /// Loss, accuracy and perplexity of `model` predicting each next id of `ids`.
    ///
    /// The stream is laid out as `LanguageModelObjective` lays it out (at most `batchSize` rows, windows of
    /// `bptt` steps, state carried from window to window), so the loss equals that of `Trainer.evaluate` on
    /// a `LanguageModelObjective` with the same settings. Needs at least 2 ids, each below the model's
    /// vocabulary size.
    public static func measure(_ model: LanguageModel, ids: [Int], batchSize: Int, bptt: Int) -> Metrics {
        precondition(ids.count >= 2 && batchSize >= 1 && bptt >= 1,
                     "language model evaluation: \(ids.count) ids, batch \(batchSize), bptt \(bptt)")
        let vocabulary = model.vocabularySize
        precondition(ids.allSatisfy { $0 >= 0 && $0 < vocabulary },
                     "language model evaluation: ids outside the model's \(vocabulary) tokens")
        let rows = max(1, min(batchSize, (ids.count - 1) / 2))
        guard let stream = try? LanguageModelStream(ids: ids, rows: rows, bptt: bptt) else {
            preconditionFailure("language model evaluation: \(ids.count) ids do not fill \(rows) rows")
        }
        // Evaluation runs without dropout, so the generator is never drawn from.
        var rng = RandomGenerator(seed: 0)
        return withoutGradients {
            var state: RecurrentLayer.State?
            var sum = 0.0, count = 0, correct = 0
            for k in 0..<stream.windowCount {
                let window = stream.window(k)
                let (logits, next) = model.logits(tokens: window.inputs, batch: window.batch, steps: window.steps,
                                                  state: state, training: false, rng: &rng)
                state = next
                let loss = logits.crossEntropy(targets: window.targets)
                sum += Double(loss.value.scalar) * Double(window.targets.count)
                count += window.targets.count
                correct += zip(logits.value.argmaxRows(), window.targets).filter { $0 == $1 }.count
            }
            let loss = sum / Double(count)
            return Metrics(loss: loss, accuracy: Double(correct) / Double(count), perplexity: exp(loss))
        }
    }
}
