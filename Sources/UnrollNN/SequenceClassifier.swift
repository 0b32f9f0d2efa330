import UnrollAutograd
import UnrollTensor

/// A many-to-one classifier: `Embedding → recurrent stack → final states of the last layer → Linear(D·H, C)`.
public final class SequenceClassifier: Parameterized {
    /// The token embedding.
    public let embedding: Embedding
    /// The recurrent stack.
    public let rnn: RecurrentLayer
    /// Dropout on the embeddings and before the output projection.
    public let dropout: Dropout
    /// The projection to class logits.
    public let head: Linear

    /// A classifier of token sequences into `classes` classes.
    public init(vocabulary: Int, classes: Int, embed: Int, rnn spec: RecurrentSpec, dropout: Float = 0,
                rng: inout RandomGenerator) {
        embedding = Embedding(vocabularySize: vocabulary, dimension: embed, rng: &rng)
        rnn = spec.makeLayer(inputSize: embed, rng: &rng)
        self.dropout = Dropout(dropout)
        head = Linear(inputSize: rnn.outputSize, outputSize: classes, rng: &rng)
    }

    /// The number of classes `C`.
    public var classCount: Int { head.outputSize }

    /// Logits `(N, C)` for right-padded tokens `(N, T)` with each sequence's length.
    public func logits(tokens: [Int], lengths: [Int], steps: Int, training: Bool,
                       rng: inout RandomGenerator) -> Variable {
        let n = lengths.count
        let x = dropout(embedding(tokens, shape: [n, steps]), training: training, rng: &rng)
        let (_, state) = rnn(x, lengths: lengths, training: training, rng: &rng)
        return head(dropout(rnn.summary(of: state, batch: n), training: training, rng: &rng))
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        prefixed("embedding", embedding) + prefixed("rnn", rnn) + prefixed("head", head)
    }
}
