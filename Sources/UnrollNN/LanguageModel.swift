import UnrollAutograd
import UnrollTensor

/// A next-token language model: `Embedding(V, E) → Dropout → recurrent stack → Dropout → Linear(D·H, V)`.
public final class LanguageModel: TokenRecurrentModel {
    /// The embedding, recurrent stack, dropout and projection to vocabulary logits.
    public let stack: TokenRecurrentStack

    /// A model over `vocabulary` tokens with fresh weights.
    public init(vocabulary: Int, embed: Int, rnn spec: RecurrentSpec, dropout: Float = 0, rng: inout RandomGenerator) {
        stack = TokenRecurrentStack(vocabulary: vocabulary, outputs: vocabulary, embed: embed, rnn: spec, dropout: dropout,
                                    rng: &rng)
    }

    /// The vocabulary size `V`.
    public var vocabularySize: Int { embedding.vocabularySize }

    /// Logits `(N·T, V)` for tokens `(N, T)` (row-major), continuing from `state` when given.
    public func logits(tokens: [Int], batch: Int, steps: Int, state: RecurrentLayer.State? = nil,
                       training: Bool, rng: inout RandomGenerator) -> (logits: Variable, state: RecurrentLayer.State) {
        let x = stack.embedded(tokens, batch: batch, steps: steps, training: training, rng: &rng)
        let (h, newState) = rnn(x, initialState: state, training: training, rng: &rng)
        return (stack.project(h.reshaped([batch * steps, rnn.outputSize]), training: training, rng: &rng), newState)
    }
}
