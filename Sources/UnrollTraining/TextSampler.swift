import UnrollAutograd
import UnrollNN
import UnrollTensor

/// Generates text from a language model, one token at a time.
public enum TextSampler {
    /// Feeds `prime` through the model, then draws `length` tokens from `softmax(logits / temperature)`
    /// (the most likely token when `temperature` is 0). Returns only the generated tokens.
    public static func sample(_ model: LanguageModel, prime: [Int], length: Int, temperature: Float,
                              rng: inout RandomGenerator) -> [Int] {
        sample(model, prime: prime, length: length, temperature: temperature, rng: &rng, checkpoint: {})
    }

    /// Like `sample(_:prime:length:temperature:rng:)`, but calls `checkpoint` before drawing each token so that
    /// a long generation can be stopped (a cell timeout); what `checkpoint` throws propagates.
    public static func sample(_ model: LanguageModel, prime: [Int], length: Int, temperature: Float,
                              rng: inout RandomGenerator, checkpoint: () throws -> Void) rethrows -> [Int] {
        guard length > 0 else { return [] }
        let vocabulary = model.vocabularySize
        precondition(prime.allSatisfy { $0 >= 0 && $0 < vocabulary },
                     "sampler: prime ids \(prime) outside the model's \(vocabulary) tokens")
        return try withoutGradients {
            let start = prime.isEmpty ? [0] : prime
            let (primed, primedState) = model.logits(tokens: start, batch: 1, steps: start.count, state: nil,
                                                     training: false, rng: &rng)
            var state = primedState
            var logits = primed.value.split(sizes: [start.count - 1, 1], axis: 0)[1]
            var out: [Int] = []
            // Room for the first tokens only: a long sample (up to what a string may hold) grows as it goes.
            out.reserveCapacity(min(length, 1 << 16))
            for _ in 0..<length {
                try checkpoint()
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
