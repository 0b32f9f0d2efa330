import UnrollAutograd
import UnrollTensor

/// Greedy decoding and beam search (no tape).
extension Seq2Seq {
    /// Batched greedy decoding: from bos, each example takes the argmax token (lowest id on ties) until it
    /// produces eos or has `maxLength` tokens. Returns per example its tokens (without bos, with eos if
    /// produced), one attention row per output step over that example's source length (empty rows without
    /// attention), and the summed log-probability of its tokens.
    public func greedy(source: [Int], sourceLengths: [Int], sourceSteps: Int, maxLength: Int) -> [DecodedSequence] {
        greedy(source: source, sourceLengths: sourceLengths, sourceSteps: sourceSteps, maxLength: maxLength, checkpoint: {})
    }

    /// Like `greedy(source:sourceLengths:sourceSteps:maxLength:)`, calling `checkpoint` before each step so that
    /// a long decoding can be stopped (a cell timeout); what it throws propagates.
    public func greedy(source: [Int], sourceLengths: [Int], sourceSteps: Int, maxLength: Int,
                       checkpoint: () throws -> Void) rethrows -> [DecodedSequence] {
        precondition(maxLength >= 0, "seq2seq greedy: max length must be ≥ 0, got \(maxLength)")
        return try withoutGradients {
            var rng = RandomGenerator(seed: 0)  // unused: nothing random happens outside training
            let n = sourceLengths.count
            let memory = encode(source: source, lengths: sourceLengths, steps: sourceSteps, training: false, rng: &rng)
            var state = initialState(memory)
            var results = [DecodedSequence](repeating: DecodedSequence(tokens: [], attention: [], logProbability: 0),
                                            count: n)
            var done = [Bool](repeating: false, count: n)
            var tokens = [Int](repeating: Seq2Seq.bos, count: n)
            var t = 0
            while t < maxLength, done.contains(false) {
                try checkpoint()
                let (logits, weights) = step(tokens: tokens, state: &state, memory: memory, training: false, rng: &rng)
                let logp = logits.value.logSoftmaxLastAxis()
                tokens = logp.argmaxRows()
                for i in 0..<n where !done[i] {
                    let token = tokens[i]
                    results[i].tokens.append(token)
                    results[i].logProbability += Double(logp[i, token])
                    results[i].attention.append(attentionRow(weights, row: i, length: sourceLengths[i]))
                    if token == Seq2Seq.eos { done[i] = true }
                }
                t += 1
            }
            return results
        }
    }

    /// Beam search for one source sequence (unpadded ids).
    ///
    /// Keeps up to `beamWidth` hypotheses, run as one batch. Each step scores every extension of every live
    /// hypothesis by its total log-probability and keeps the best `beamWidth` (ties: earlier hypothesis, then
    /// lower token id); an extension ending in eos is finished. Search stops once `beamWidth` hypotheses are
    /// finished, none is live, or `maxLength` steps were taken. The result is the candidate (the finished
    /// ones, plus the live ones when fewer than `beamWidth` finished) with the best total log-probability
    /// divided by its length in tokens (eos included); ties go to the earlier finished. Width 1 is greedy.
    public func beamSearch(source: [Int], beamWidth: Int, maxLength: Int) -> DecodedSequence {
        beamSearch(source: source, beamWidth: beamWidth, maxLength: maxLength, checkpoint: {})
    }

    /// Like `beamSearch(source:beamWidth:maxLength:)`, calling `checkpoint` before each step so that a long
    /// search can be stopped (a cell timeout); what it throws propagates.
    public func beamSearch(source: [Int], beamWidth: Int, maxLength: Int,
                           checkpoint: () throws -> Void) rethrows -> DecodedSequence {
        precondition(beamWidth >= 1, "seq2seq beam search: beam width must be ≥ 1, got \(beamWidth)")
        precondition(maxLength >= 0, "seq2seq beam search: max length must be ≥ 0, got \(maxLength)")
        return try withoutGradients {
            var rng = RandomGenerator(seed: 0)  // unused: nothing random happens outside training
            let length = source.count
            let single = encode(source: source, lengths: [length], steps: length, training: false, rng: &rng)
            var state = initialState(single)
            var live = [DecodedSequence(tokens: [], attention: [], logProbability: 0)]
            var finished: [DecodedSequence] = []
            var t = 0
            while t < maxLength, !live.isEmpty, finished.count < beamWidth {
                try checkpoint()
                let memory = t == 0 ? single : tiled(single, count: live.count)
                let (logits, weights) = step(tokens: live.map { $0.tokens.last ?? Seq2Seq.bos }, state: &state,
                                             memory: memory, training: false, rng: &rng)
                let logp = logits.value.logSoftmaxLastAxis()
                let chosen = bestExtensions(of: live, logp: logp, count: beamWidth)
                var next: [DecodedSequence] = [], parents: [Int] = []
                for (parent, token, score) in chosen {
                    var hypothesis = live[parent]
                    hypothesis.tokens.append(token)
                    hypothesis.logProbability = score
                    hypothesis.attention.append(attentionRow(weights, row: parent, length: length))
                    if token == Seq2Seq.eos {
                        finished.append(hypothesis)
                    } else {
                        next.append(hypothesis)
                        parents.append(parent)
                    }
                }
                state = selecting(state, rows: parents)
                live = next
                t += 1
            }
            let pool = finished.count >= beamWidth ? finished : finished + live
            var best = pool[0]
            for candidate in pool.dropFirst() where normalized(candidate) > normalized(best) { best = candidate }
            return best
        }
    }

    /// The total log-probability per token (0 for an empty decoding).
    private func normalized(_ d: DecodedSequence) -> Double {
        d.tokens.isEmpty ? 0 : d.logProbability / Double(d.tokens.count)
    }

    /// The `count` best (parent, token, total log-probability) extensions of `live`, best first; ties go to the
    /// earlier parent, then the lower token.
    private func bestExtensions(of live: [DecodedSequence], logp: Tensor, count: Int) -> [(Int, Int, Double)] {
        let v = logp.shape[1]
        var candidates: [(Int, Int, Double)] = []
        let base = logp.storage.base
        for (b, hypothesis) in live.enumerated() {
            // Each row contributes at most `count` candidates: its own best ones.
            var row: [(Int, Int, Double)] = []
            for token in 0..<v {
                let score = hypothesis.logProbability + Double(base[b * v + token])
                if row.count == count, let last = row.last, !(score > last.2) { continue }
                var at = row.count
                while at > 0, score > row[at - 1].2 { at -= 1 }
                row.insert((b, token, score), at: at)
                if row.count > count { row.removeLast() }
            }
            candidates += row
        }
        candidates.sort { x, y in x.2 != y.2 ? x.2 > y.2 : (x.0 != y.0 ? x.0 < y.0 : x.1 < y.1) }
        return Array(candidates.prefix(count))
    }

    /// Row `row` of the attention weights, cut to `length` columns (empty without attention).
    private func attentionRow(_ weights: Variable?, row: Int, length: Int) -> [Float] {
        guard let weights else { return [] }
        let s = weights.shape[1], base = weights.value.storage.base + row * s
        return Array(UnsafeBufferPointer(start: base, count: length))
    }

    /// One example's memory repeated `count` times along the batch.
    private func tiled(_ memory: Memory, count: Int) -> Memory {
        let rows = [Int](repeating: 0, count: count)
        return Memory(keys: gathered(memory.keys, rows), prepared: memory.prepared.map { gathered($0, rows) },
                      lengths: [Int](repeating: memory.lengths[0], count: count), final: gathered(memory.final, rows))
    }

    /// The decoder state of the batch rows `rows`, in that order.
    private func selecting(_ state: DecoderState, rows: [Int]) -> DecoderState {
        DecoderState(h: state.h.map { gathered($0, rows) }, c: state.c.map { gathered($0, rows) },
                     context: gathered(state.context, rows))
    }

    /// The slices `rows` of `x` along its first axis, as a constant.
    private func gathered(_ x: Variable, _ rows: [Int]) -> Variable {
        var shape = x.shape
        let width = shape.dropFirst().reduce(1, *)
        shape[0] = rows.count
        var out = Tensor(uninitialized: shape)
        out.withUnsafeMutableBufferPointer { o in
            let src = x.value.storage.base, dst = o.baseAddress!
            for (i, r) in rows.enumerated() { (dst + i * width).update(from: src + r * width, count: width) }
        }
        return Variable(out)
    }
}
