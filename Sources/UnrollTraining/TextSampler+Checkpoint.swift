import UnrollAutograd
import UnrollNN
import UnrollTensor

extension TextSampler {
    /// Like `sample(_:prime:length:temperature:rng:)`, but calls `checkpoint` before drawing each token so
    /// that a long generation can be stopped (a cell timeout); the error `checkpoint` throws propagates.
    public static func sample(_ model: LanguageModel, prime: [Int], length: Int, temperature: Float,
                              rng: inout RandomGenerator, checkpoint: () throws -> Void) throws -> [Int] {
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
            out.reserveCapacity(length)
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
}
