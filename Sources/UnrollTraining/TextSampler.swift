import UnrollAutograd
import UnrollNN
import UnrollTensor

/// Generates text from a language model, one token at a time.
public enum TextSampler {
    /// Feeds `prime` through the model, then draws `length` tokens from `softmax(logits / temperature)`
    /// (the most likely token when `temperature` is 0). Returns only the generated tokens.
    public static func sample(_ model: LanguageModel, prime: [Int], length: Int, temperature: Float,
                              rng: inout RandomGenerator) -> [Int] {
        guard length > 0 else { return [] }
        return withoutGradients {
            var state: RecurrentLayer.State?
            var logits: Tensor
            let start = prime.isEmpty ? [0] : prime
            let (primed, s) = model.logits(tokens: start, batch: 1, steps: start.count, state: nil,
                                           training: false, rng: &rng)
            state = s
            logits = primed.value.split(sizes: [start.count - 1, 1], axis: 0)[1]
            var out: [Int] = []
            for _ in 0..<length {
                let next = draw(logits, temperature: temperature, rng: &rng)
                out.append(next)
                let (l, s) = model.logits(tokens: [next], batch: 1, steps: 1, state: state, training: false, rng: &rng)
                logits = l.value
                state = s
            }
            return out
        }
    }

    /// One token from a `(1, V)` row of logits.
    static func draw(_ logits: Tensor, temperature: Float, rng: inout RandomGenerator) -> Int {
        if temperature <= 0 { return logits.argmaxRows()[0] }
        let probabilities = (logits * (1 / temperature)).softmaxLastAxis().scalars
        return rng.categorical(probabilities)
    }
}
