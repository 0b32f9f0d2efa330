import UnrollAutograd
import UnrollNN
import UnrollTensor

/// Backpropagation through time written out: each step's contribution to `∂L/∂W_hh` of the first layer.
public enum BPTTTerms {
    /// The per-step terms of `∂L/∂W_hh` of the first layer (forward direction) for the probe's batch loss (the
    /// objective's loss, as training computes it), each `(G·H, H)`: step `k`'s term is
    /// `Σ_rows δ_k h_{k−1}ᵀ`, with `δ_k` the gradient of the step's recurrent pre-activation `W_hh h_{k−1} + b_hh`
    /// (for a skip layer without `W_hh`, of `W_skip`: `Σ_rows δ_k h_{k−d}ᵀ`; see
    /// `RecurrentLayer.firstRecurrentWeight`). The stack is unrolled on the tape (`RecurrentLayer.unrolledOnTape`)
    /// with a separate copy of the matrix (same value) at every step, so each copy's gradient is its step's term;
    /// their sum is the ordinary gradient. The first step starts from the zero state, so its term is zero. The
    /// parameters' gradients are cleared afterwards.
    public static func terms(_ probe: RecurrentProbe) -> [Tensor] {
        let weight = probe.layer.firstRecurrentWeight(layer: 0).weight
        let steps = probe.inputs.shape[1]
        let copies = (0..<steps).map { _ in Variable(weight.value, requiresGrad: true) }
        let states = probe.layer.unrolledOnTape(probe.inputs) { layer, step in layer == 0 ? copies[step] : nil }
        probe.batchLoss(states.last!).backward()
        for p in probe.parameters { p.zeroGrad() }
        return copies.map { $0.grad ?? Tensor(zeros: weight.shape) }
    }

    /// `∂L/∂W_hh` of the first layer (forward direction) for the objective's loss of batch 0 as training computes
    /// it, through the layer's own forward and backward (the fused kernel for a standard cell): the objective is
    /// begun again in order with `batchSize` rows (so a language model starts from the zero state, as its probe
    /// does), without dropout, with a generator of its own; the parameters' gradients are cleared afterwards.
    public static func trainingGradient(_ objective: RecurrentProbing, batchSize: Int) -> Tensor {
        var rng = RandomGenerator(seed: 0)  // neither shuffling nor dropout draws from it; kept apart from the caller's
        _ = objective.begin(shuffle: false, batchSize: batchSize, rng: &rng)
        let weight = objective.probe(batch: 0).layer.cells[0][0].weightHH
        for p in objective.parameters { p.zeroGrad() }
        objective.run(batch: 0, training: false, rng: &rng).loss.backward()
        let gradient = weight.grad ?? Tensor(zeros: weight.shape)
        for p in objective.parameters { p.zeroGrad() }
        return gradient
    }

    /// How far the terms' sum is from a gradient: `‖Σ_k terms_k − gradient‖_F / ‖gradient‖_F`, the terms added
    /// in `Float` from the last step back (the order the tape accumulates them), the norms in `Double`; for a zero
    /// gradient, 0 when the terms sum to zero too and infinity when they do not; 1 for no terms at all.
    public static func relativeDifference(terms: [Tensor], gradient: Tensor) -> Double {
        guard var sum = terms.last else { return gradient.sumOfSquares() == 0 ? 0 : 1 }
        for term in terms.dropLast().reversed() { sum.add(term) }
        sum.add(gradient, scale: -1)
        let difference = sum.sumOfSquares().squareRoot(), scale = gradient.sumOfSquares().squareRoot()
        if scale == 0 { return difference == 0 ? 0 : .infinity }
        return difference / scale
    }

    /// The Frobenius norm of each term, accumulated in `Double`.
    public static func norms(_ terms: [Tensor]) -> [Double] {
        terms.map { $0.sumOfSquares().squareRoot() }
    }
}
