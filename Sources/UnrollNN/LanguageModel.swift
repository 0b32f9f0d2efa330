import UnrollAutograd
import UnrollTensor

/// A next-token language model: `Embedding(V, E) → Dropout → recurrent stack → Dropout → Linear(D·H, V)`.
public final class LanguageModel: Parameterized {
    /// The token embedding.
    public let embedding: Embedding
    /// The recurrent stack.
    public let rnn: RecurrentLayer
    /// Dropout on the embeddings and before the output projection.
    public let dropout: Dropout
    /// The projection to vocabulary logits.
    public let head: Linear

    /// A model over `vocabulary` tokens with fresh weights.
    public init(vocabulary: Int, embed: Int, rnn spec: RecurrentSpec, dropout: Float = 0, rng: inout RandomGenerator) {
        embedding = Embedding(vocabularySize: vocabulary, dimension: embed, rng: &rng)
        rnn = spec.makeLayer(inputSize: embed, rng: &rng)
        self.dropout = Dropout(dropout)
        head = Linear(inputSize: rnn.outputSize, outputSize: vocabulary, rng: &rng)
    }

    /// The vocabulary size `V`.
    public var vocabularySize: Int { embedding.vocabularySize }

    /// Logits `(N·T, V)` for tokens `(N, T)` (row-major), continuing from `state` when given.
    public func logits(tokens: [Int], batch: Int, steps: Int, state: RecurrentLayer.State? = nil,
                       training: Bool, rng: inout RandomGenerator) -> (logits: Variable, state: RecurrentLayer.State) {
        let x = dropout(embedding(tokens, shape: [batch, steps]), training: training, rng: &rng)
        let (h, newState) = rnn(x, initialState: state, training: training, rng: &rng)
        let features = dropout(h.reshaped([batch * steps, rnn.outputSize]), training: training, rng: &rng)
        return (head(features), newState)
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        prefixed("embedding", embedding) + prefixed("rnn", rnn) + prefixed("head", head)
    }
}
