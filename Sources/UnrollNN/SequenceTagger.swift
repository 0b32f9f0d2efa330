import UnrollAutograd
import UnrollTensor

/// A many-to-many tagger, one label per step: `Embedding → recurrent stack → Linear(D·H, C)` at every step.
public final class SequenceTagger: TokenRecurrentModel {
    /// The embedding, recurrent stack, dropout and per-step projection to tag logits.
    public let stack: TokenRecurrentStack

    /// A tagger of token sequences with `tags` tags.
    public init(vocabulary: Int, tags: Int, embed: Int, rnn spec: RecurrentSpec, dropout: Float = 0,
                rng: inout RandomGenerator) {
        stack = TokenRecurrentStack(vocabulary: vocabulary, outputs: tags, embed: embed, rnn: spec, dropout: dropout,
                                    rng: &rng)
    }

    /// The number of tags `C`.
    public var tagCount: Int { head.outputSize }

    /// Logits `(N·T, C)` for right-padded tokens `(N, T)`; rows past a sequence's length are padding.
    public func logits(tokens: [Int], lengths: [Int], steps: Int, training: Bool,
                       rng: inout RandomGenerator) -> Variable {
        let n = lengths.count
        let x = stack.embedded(tokens, batch: n, steps: steps, training: training, rng: &rng)
        let (h, _) = rnn(x, lengths: lengths, training: training, rng: &rng)
        return stack.project(h.reshaped([n * steps, rnn.outputSize]), training: training, rng: &rng)
    }
}
