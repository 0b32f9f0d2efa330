import UnrollAutograd
import UnrollTensor

/// An encoder–decoder model with input feeding and optional attention, for right-padded id sequences.
///
/// - Encoder: `source_embedding` then the `encoder` stack (variable lengths) gives keys `K` `(N, S, D)` and
///   the top layer's final hidden state (both directions concatenated, each at its own end) `(N, D)`.
/// - `bridge`: `tanh(Linear(D, Hd))` of that final state is the initial `h` of every decoder layer (LSTM `c`
///   starts at 0).
/// - Decoder step `t`: input `[target_embedding(y_{t-1}) | c_{t-1}]` `(E + D)` through the `decoder` cells;
///   with the top hidden `q`, `α = masked softmax(score(q, K))` over each source's length and `c_t = Σ α K`;
///   `logits = output([q | c_t])`. Without attention `c_t` is always the encoder's final state; with
///   attention `c_0 = 0`.
/// - Dropout (`spec.dropout`) on both embeddings and before `output`, and the decoder's own dropout between
///   its layers, only in training.
///
/// Target ids: 0 pad, 1 unk, 2 bos, 3 eos. Parameter names match the PyTorch reference
/// (`scripts/make_seq2seq_references.py`).
public final class Seq2Seq: Parameterized {
    /// The padding id (source and target).
    public static let pad = 0
    /// The unknown-token id of the target vocabulary.
    public static let unk = 1
    /// The begin-of-sequence id that starts every decoding.
    public static let bos = 2
    /// The end-of-sequence id that ends a decoding.
    public static let eos = 3

    /// The configuration.
    public let spec: Seq2SeqSpec
    /// `(Vs, E)`.
    public let sourceEmbedding: Embedding
    /// `(Vt, E)`.
    public let targetEmbedding: Embedding
    /// The encoder stack.
    public let encoder: RecurrentLayer
    /// `Linear(D, Hd)`, followed by tanh.
    public let bridge: Linear
    /// One cell per decoder layer; layer 0 reads `E + D` features.
    public let decoder: [RecurrentCell]
    /// The score projections.
    public let attention: Seq2SeqAttention
    /// `Linear(Hd + D, Vt)`.
    public let output: Linear
    /// Dropout on embeddings and before `output`.
    let dropout: Dropout

    /// A model with fresh weights (drawn in the order of `namedParameters`); throws a `Seq2SeqError` for a
    /// spec that cannot form one (e.g. dot attention with `D ≠ Hd`).
    public init(_ spec: Seq2SeqSpec, rng: inout RandomGenerator) throws {
        try spec.validate()
        self.spec = spec
        let d = spec.encoderOutputSize, hd = spec.decoder.hidden
        sourceEmbedding = Embedding(vocabularySize: spec.sourceVocabulary, dimension: spec.embed, rng: &rng)
        targetEmbedding = Embedding(vocabularySize: spec.targetVocabulary, dimension: spec.embed, rng: &rng)
        encoder = spec.encoder.makeLayer(inputSize: spec.embed, rng: &rng)
        bridge = Linear(inputSize: d, outputSize: hd, rng: &rng)
        decoder = (0..<spec.decoder.layers).map { l in
            RecurrentCell(kind: spec.decoder.kind, inputSize: l == 0 ? spec.embed + d : hd, hiddenSize: hd, rng: &rng)
        }
        for cell in decoder {
            cell.initializeRecurrentWeights(spec.decoder.initialization, spectralRadius: spec.decoder.spectralRadius, rng: &rng)
        }
        attention = Seq2SeqAttention(kind: spec.attention, keySize: d, querySize: hd, rng: &rng)
        output = Linear(inputSize: hd + d, outputSize: spec.targetVocabulary, rng: &rng)
        dropout = Dropout(spec.dropout)
    }

    /// The encoder output size `D`.
    public var encoderOutputSize: Int { spec.encoderOutputSize }

    /// Teacher-forced logits `(N·T, Vt)`, row `n·T + t` for output step `t` of example `n`.
    ///
    /// - Parameters:
    ///   - source: `N·S` ids, row-major, padded with 0; `sourceLengths`: the `N` lengths (each ≤ `S`).
    ///   - targetInput: `N·T` ids `bos y1 … y_{T-1}`, padded with 0; step 0 reads its column 0 (bos).
    ///   - teacherForcing: at each step `t > 0`, the probability of reading the true `y_{t-1}` rather than the
    ///     argmax of step `t-1`'s logits (no gradient through the choice). One draw from `rng` per step for the
    ///     whole batch, none when the ratio is 0 or 1.
    ///   - training: enables dropout.
    public func logits(source: [Int], sourceLengths: [Int], sourceSteps: Int, targetInput: [Int], targetSteps: Int,
                       teacherForcing: Float, training: Bool, rng: inout RandomGenerator) -> Variable {
        let n = sourceLengths.count
        precondition(targetInput.count == n * targetSteps,
                     "seq2seq: \(targetInput.count) target ids for \(n) examples of \(targetSteps) steps")
        let memory = encode(source: source, lengths: sourceLengths, steps: sourceSteps, training: training, rng: &rng)
        var state = initialState(memory)
        var stepLogits: [Variable] = []
        var previous: [Int] = []
        for t in 0..<targetSteps {
            let column = (0..<n).map { targetInput[$0 * targetSteps + t] }
            var tokens = column
            if t > 0 {
                let truth: Bool
                if teacherForcing >= 1 { truth = true } else if teacherForcing <= 0 { truth = false } else {
                    truth = rng.nextUnitFloat() < teacherForcing
                }
                if !truth { tokens = previous }
            }
            let result = step(tokens: tokens, state: &state, memory: memory, training: training, rng: &rng)
            stepLogits.append(result.logits)
            if t + 1 < targetSteps, teacherForcing < 1 { previous = result.logits.value.argmaxRows() }
        }
        let vt = spec.targetVocabulary
        guard !stepLogits.isEmpty else { return Variable(Tensor(zeros: [0, vt])) }
        return Variable.stack(stepLogits, axis: 1).reshaped([n * targetSteps, vt])
    }

    // MARK: - Encoder and decoder step (shared by training and decoding)

    /// What the decoder reads from the encoder for a batch.
    struct Memory {
        /// Encoder outputs `(N, S, D)`, zero past each length.
        var keys: Variable
        /// The keys as the score function needs them (nil without attention).
        var prepared: Variable?
        /// Source lengths.
        var lengths: [Int]
        /// The top layer's final hidden state `(N, D)`.
        var final: Variable
    }

    /// The decoder's recurrent state and the previous step's context.
    struct DecoderState {
        /// Hidden state per layer, each `(N, Hd)`.
        var h: [Variable]
        /// Cell state per layer (LSTM only).
        var c: [Variable]
        /// The previous context `(N, D)`.
        var context: Variable
    }

    /// Runs the encoder over right-padded `source` ids `(N, S)`.
    func encode(source: [Int], lengths: [Int], steps: Int, training: Bool, rng: inout RandomGenerator) -> Memory {
        let n = lengths.count
        precondition(source.count == n * steps, "seq2seq: \(source.count) source ids for \(n) examples of \(steps) steps")
        precondition(lengths.allSatisfy { $0 >= 0 && $0 <= steps },
                     "seq2seq: source lengths \(lengths) outside 0...\(steps)")
        let x = dropout(sourceEmbedding(source, shape: [n, steps]), training: training, rng: &rng)
        let (keys, state) = encoder(x, lengths: lengths, training: training, rng: &rng)
        let he = encoder.hiddenSize, directions = encoder.directionCount
        let top = (encoder.layerCount - 1) * directions
        let finals = (0..<directions).map { d in state.h.flatSlice(offset: (top + d) * n * he, shape: [n, he]) }
        let final = finals.count == 1 ? finals[0] : Variable.concat(finals, axis: 1)
        return Memory(keys: keys, prepared: attention.prepare(keys: keys), lengths: lengths, final: final)
    }

    /// The decoder state before step 0: `tanh(bridge(final))` in every layer, `c = 0`, and the first context.
    func initialState(_ memory: Memory) -> DecoderState {
        let n = memory.lengths.count
        let h0 = bridge(memory.final).tanh()
        let zeros = Variable(Tensor(zeros: [n, spec.decoder.hidden]))
        let context = spec.attention == .none ? memory.final : Variable(Tensor(zeros: [n, encoderOutputSize]))
        return DecoderState(h: Array(repeating: h0, count: decoder.count),
                            c: spec.decoder.kind.hasCellState ? Array(repeating: zeros, count: decoder.count) : [],
                            context: context)
    }

    /// One decoder step reading `tokens` `(N)`: updates `state`, returns the logits `(N, Vt)` and the attention
    /// weights `(N, S)` (nil without attention).
    func step(tokens: [Int], state: inout DecoderState, memory: Memory, training: Bool,
              rng: inout RandomGenerator) -> (logits: Variable, attention: Variable?) {
        let embedded = dropout(targetEmbedding(tokens, shape: [tokens.count]), training: training, rng: &rng)
        var x = Variable.concat([embedded, state.context], axis: 1)
        let lstm = spec.decoder.kind.hasCellState
        for (l, cell) in decoder.enumerated() {
            let (h, c) = cell(x, h: state.h[l], c: lstm ? state.c[l] : nil)
            state.h[l] = h
            if let c { state.c[l] = c }
            x = h
            if training, spec.decoder.dropout > 0, l < decoder.count - 1 { x = x.dropout(spec.decoder.dropout, using: &rng) }
        }
        let q = state.h[decoder.count - 1]
        var weights: Variable?
        if let prepared = memory.prepared {
            let alpha = attention.scores(query: q, prepared: prepared).maskedSoftmax(lengths: memory.lengths)
            state.context = Variable.batchedVectorMatrix(alpha, memory.keys)
            weights = alpha
        } else {
            state.context = memory.final
        }
        let features = dropout(Variable.concat([q, state.context], axis: 1), training: training, rng: &rng)
        return (output(features), weights)
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        var out = prefixed("source_embedding", sourceEmbedding) + prefixed("target_embedding", targetEmbedding)
            + prefixed("encoder", encoder) + prefixed("bridge", bridge)
        for (l, cell) in decoder.enumerated() {
            for (name, v) in cell.namedParameters { out.append(("decoder.\(name)_l\(l)", v)) }
        }
        return out + prefixed("attention", attention) + prefixed("output", output)
    }
}
