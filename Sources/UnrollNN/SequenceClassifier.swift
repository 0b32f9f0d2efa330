import UnrollAutograd
import UnrollTensor

/// A many-to-one classifier: `Embedding → recurrent stack → final states of the last layer → Linear(D·H, C)`.
public final class SequenceClassifier: TokenRecurrentModel {
    /// The embedding, recurrent stack, dropout and projection to class logits.
    public let stack: TokenRecurrentStack

    /// A classifier of token sequences into `classes` classes.
    public init(vocabulary: Int, classes: Int, embed: Int, rnn spec: RecurrentSpec, dropout: Float = 0,
                rng: inout RandomGenerator) {
        stack = TokenRecurrentStack(vocabulary: vocabulary, outputs: classes, embed: embed, rnn: spec, dropout: dropout,
                                    rng: &rng)
    }

    /// The number of classes `C`.
    public var classCount: Int { head.outputSize }

    /// Logits `(N, C)` for right-padded tokens `(N, T)` with each sequence's length.
    public func logits(tokens: [Int], lengths: [Int], steps: Int, training: Bool,
                       rng: inout RandomGenerator) -> Variable {
        let n = lengths.count
        let x = stack.embedded(tokens, batch: n, steps: steps, training: training, rng: &rng)
        let (_, state) = rnn(x, lengths: lengths, training: training, rng: &rng)
        return stack.project(rnn.summary(of: state, batch: n), training: training, rng: &rng)
    }
}
