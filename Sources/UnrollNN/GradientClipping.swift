import UnrollAutograd
import UnrollTensor

/// Gradient clipping against exploding gradients, as PyTorch's `clip_grad_norm_` and `clip_grad_value_`.
/// Parameters without a gradient are skipped.
public enum GradientClipping {
    /// The L2 norm of all gradients taken together, as if concatenated into one vector (accumulated in `Double`).
    public static func globalNorm(of parameters: [Variable]) -> Float {
        var sum = 0.0
        for p in parameters { if let g = p.grad { sum += g.sumOfSquares() } }
        return Float(sum.squareRoot())
    }

    /// Scales every gradient by `maxNorm / (total + 1e-6)` when that factor is below 1, where `total` is the
    /// global L2 norm, and returns `total` (measured before clipping). A non-finite norm leaves the gradients
    /// unchanged; the returned value shows it.
    @discardableResult
    public static func clipByGlobalNorm(_ parameters: [Variable], maxNorm: Float) -> Float {
        let total = globalNorm(of: parameters)
        clipByGlobalNorm(parameters, maxNorm: maxNorm, measured: total)
        return total
    }

    /// Scales the gradients as `clipByGlobalNorm(_:maxNorm:)` does, given their global norm `total` as
    /// `globalNorm(of:)` measured it; returns whether it scaled them.
    @discardableResult
    public static func clipByGlobalNorm(_ parameters: [Variable], maxNorm: Float, measured total: Float) -> Bool {
        precondition(maxNorm >= 0, "clip by norm: max norm must be ≥ 0, got \(maxNorm)")
        let factor = Float(Double(maxNorm) / (Double(total) + 1e-6))
        guard total.isFinite, factor < 1 else { return false }
        for p in parameters where p.grad != nil {
            p.grad!.withUnsafeMutableBufferPointer { g in
                for j in 0..<g.count { g[j] *= factor }
            }
        }
        return true
    }

    /// Clamps every gradient element into `[-limit, limit]` and returns how many elements it changed.
    @discardableResult
    public static func clipByValue(_ parameters: [Variable], limit: Float) -> Int {
        precondition(limit >= 0, "clip by value: limit must be ≥ 0, got \(limit)")
        var changed = 0
        for p in parameters where p.grad != nil {
            p.grad!.withUnsafeMutableBufferPointer { g in
                for j in 0..<g.count {
                    let clamped = min(max(g[j], -limit), limit)
                    if clamped != g[j] { changed += 1 }
                    g[j] = clamped
                }
            }
        }
        return changed
    }
}
