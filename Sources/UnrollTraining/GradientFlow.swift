import UnrollAutograd
import UnrollNN
import UnrollTensor

/// How the gradient of a loss taken at the last step reaches the earlier hidden states: `‖∂L/∂h_k‖` against the
/// distance `T − k`, per layer (Goodfellow et al. 10.7: vanishing and exploding gradients).
public enum GradientFlow {
    /// For each layer (bottom first), the gradient norm at each distance `d = 0, 1, …` from the last step.
    ///
    /// The stack is unrolled on the tape with its own cells and weights (`RecurrentLayer.unrolledOnTape`), the
    /// probe's last-step loss `Σₙ Lₙ` (each row's loss at its own last step `Tₙ − 1`) is backpropagated once, and
    /// each state's gradient is read. Rows do not interact, so row `n` of `∂(Σ Lₙ)/∂h_k` is `∂Lₙ/∂h_{n,k}`; the
    /// value at distance `d` is the mean over the rows with `Tₙ > d` of the L2 norm of that row's gradient at
    /// step `Tₙ − 1 − d` (the batch mean of per-example norms, so it does not depend on the batch size). A
    /// lower layer's gradient includes every path through the layers above it. The parameters' gradients are
    /// cleared afterwards.
    public static func measure(_ probe: RecurrentProbe) -> [[Double]] {
        norms(stateGradients(probe), lengths: probe.lengths)
    }

    /// The gradient of the probe's last-step loss with respect to every state, `[layer][step]`, each `(N, H)`
    /// (nil where none arrived); the parameters' gradients are cleared afterwards.
    public static func stateGradients(_ probe: RecurrentProbe) -> [[Tensor?]] {
        let states = probe.layer.unrolledOnTape(probe.inputs)
        for state in states.joined() { state.retainsGrad = true }
        probe.lastStepLoss(states.last!).backward()
        for p in probe.parameters { p.zeroGrad() }
        return states.map { $0.map(\.grad) }
    }

    /// Per layer and distance `d`, the mean over the rows with `lengths[n] > d` of the L2 norm of row `n` of the
    /// gradient at step `lengths[n] − 1 − d` (a missing gradient counts as zero).
    public static func norms(_ gradients: [[Tensor?]], lengths: [Int]) -> [[Double]] {
        let longest = lengths.max() ?? 0
        return gradients.map { layer in
            (0..<longest).map { d in
                var sum = 0.0, rows = 0
                for (n, length) in lengths.enumerated() where length > d {
                    rows += 1
                    guard let g = layer[length - 1 - d] else { continue }
                    let h = g.shape[1]
                    sum += g.withUnsafeBufferPointer { g in
                        var squares = 0.0
                        for j in 0..<h { squares += Double(g[n * h + j]) * Double(g[n * h + j]) }
                        return squares.squareRoot()
                    }
                }
                return sum / Double(rows)
            }
        }
    }
}
