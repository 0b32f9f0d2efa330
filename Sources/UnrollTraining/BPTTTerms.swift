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

    /// The Frobenius norm of each term, accumulated in `Double`.
    public static func norms(_ terms: [Tensor]) -> [Double] {
        terms.map { $0.sumOfSquares().squareRoot() }
    }
}
