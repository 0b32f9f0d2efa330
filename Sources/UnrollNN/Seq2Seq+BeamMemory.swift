import UnrollTensor

extension Seq2Seq {
    /// An estimate of the bytes `beamSearch` holds at once for a source of `sourceLength` tokens, worked out
    /// before it starts (nil: more than an `Int` can count), so that a beam too wide for this machine is refused
    /// instead of exhausting memory. It errs high: for a beam of 100,000 over a small model it says 295 MB
    /// where the process peaked at 231 MB.
    ///
    /// The search keeps up to `W = min(beamWidth, Vt^maxLength)` hypotheses. Each one has its copy of the
    /// encoder's memory (keys `S·D`, prepared keys, final state), the decoder's state and context, one step's
    /// activations (inputs, gates, scores, logits and log-probabilities), the best `min(W, Vt)` extensions of
    /// its row, and its tokens and attention rows (one per output step); the live and the finished hypotheses
    /// and the next step's copies are all held at once, so each hypothesis counts twice.
    public func beamSearchBytes(beamWidth: Int, sourceLength: Int, maxLength: Int) -> Int? {
        let s = sourceLength, d = spec.encoderOutputSize, hd = spec.decoder.hidden, e = spec.embed
        let vt = spec.targetVocabulary, g = spec.decoder.kind.gateCount, layers = spec.decoder.layers
        let width = CheckedSize.power(vt, maxLength).map { min($0, beamWidth) } ?? beamWidth
        let prepared = spec.attention == .dot ? d : (spec.attention == .none ? 0 : hd)
        let stateFloats = CheckedSize.product([layers, hd, spec.decoder.kind == .lstm ? 2 : 1])
        let memoryFloats = CheckedSize.sum([CheckedSize.product([s, d]), CheckedSize.product([s, prepared]), d])
        let stepFloats = CheckedSize.sum([e, d, CheckedSize.product([3, layers, g, hd]), CheckedSize.product([3, s]),
                                          hd, d, CheckedSize.product([2, vt])])
        let floats = CheckedSize.sum([memoryFloats, stateFloats, d, stepFloats])
        let candidateBytes = CheckedSize.product([min(width, vt), 24])
        // Tokens (8 bytes each) and attention rows (S floats plus an array's 32-byte header) per output step.
        let historyBytes = CheckedSize.product([maxLength, CheckedSize.sum([8, CheckedSize.product([4, s]), 32])])
        let perHypothesis = CheckedSize.sum([CheckedSize.product([4, floats]), candidateBytes, historyBytes])
        return CheckedSize.product([2, width, perHypothesis])
    }
}
