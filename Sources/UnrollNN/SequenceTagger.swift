import UnrollAutograd
import UnrollTensor

/// A many-to-many tagger, one label per step: `Embedding → recurrent stack → Linear(D·H, C)` at every step.
public final class SequenceTagger: Parameterized {
    /// The token embedding.
    public let embedding: Embedding
    /// The recurrent stack.
    public let rnn: RecurrentLayer
    /// Dropout on the embeddings and before the output projection.
    public let dropout: Dropout
    /// The per-step projection to tag logits.
    public let head: Linear

    /// A tagger of token sequences with `tags` tags.
    public init(vocabulary: Int, tags: Int, embed: Int, rnn spec: RecurrentSpec, dropout: Float = 0,
                rng: inout RandomGenerator) {
        embedding = Embedding(vocabularySize: vocabulary, dimension: embed, rng: &rng)
        rnn = spec.makeLayer(inputSize: embed, rng: &rng)
        self.dropout = Dropout(dropout)
        head = Linear(inputSize: rnn.outputSize, outputSize: tags, rng: &rng)
    }

    /// The number of tags `C`.
    public var tagCount: Int { head.outputSize }

    /// Logits `(N·T, C)` for right-padded tokens `(N, T)`; rows past a sequence's length are padding.
    public func logits(tokens: [Int], lengths: [Int], steps: Int, training: Bool,
                       rng: inout RandomGenerator) -> Variable {
        let n = lengths.count
        let x = dropout(embedding(tokens, shape: [n, steps]), training: training, rng: &rng)
        let (h, _) = rnn(x, lengths: lengths, training: training, rng: &rng)
        return head(dropout(h.reshaped([n * steps, rnn.outputSize]), training: training, rng: &rng))
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        prefixed("embedding", embedding) + prefixed("rnn", rnn) + prefixed("head", head)
    }
}
