import UnrollAutograd
import UnrollTensor

/// A many-to-one classifier: `Embedding → recurrent stack → readout of the last layer → Linear(D·H, C)`, the
/// readout being the final states, or the mean or maximum of the outputs over each sequence's length.
public final class SequenceClassifier: TokenRecurrentModel {
    /// The embedding, recurrent stack, dropout and projection to class logits.
    public let stack: TokenRecurrentStack
    /// What the projection reads from the last recurrent layer.
    public let readout: ClassifierReadout

    /// A classifier of token sequences into `classes` classes.
    public init(vocabulary: Int, classes: Int, embed: Int, rnn spec: RecurrentSpec, dropout: Float = 0,
                readout: ClassifierReadout = .last, rng: inout RandomGenerator) {
        self.readout = readout
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
        let (output, state) = rnn(x, lengths: lengths, training: training, rng: &rng)
        let features = readout.features(of: rnn, output: output, state: state, lengths: lengths)
        return stack.project(features, training: training, rng: &rng)
    }
}
