#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollTensor

/// Loss functions, fused so that their backward is one pass.
extension Variable {
    /// Mean cross-entropy of `(R, C)` logits against class `targets` (one per row).
    ///
    /// Rows whose target is negative (padding) are left out of the mean and get no gradient, like PyTorch's
    /// `ignore_index`. The result is 0 when every row is padding.
    public func crossEntropy(targets: [Int]) -> Variable {
        precondition(value.rank == 2, "cross-entropy: needs (R, C) logits, got \(value.shape)")
        let rows = value.shape[0], cols = value.shape[1]
        precondition(targets.count == rows, "cross-entropy: \(targets.count) targets for \(rows) rows of logits")
        let logits = self
        let logp = value.logSoftmaxLastAxis()
        let lp = logp.storage.base
        var total = 0.0
        var counted = 0
        for (r, t) in targets.enumerated() where t >= 0 {
            precondition(t < cols, "cross-entropy: target \(t) outside \(cols) classes")
            total -= Double(lp[r * cols + t])
            counted += 1
        }
        let n = Float(max(counted, 1))
        return Variable(value: Tensor(scalar: Float(total) / n), inputs: [logits]) { g in
            let scale = g.scalar / n
            let lp = logp.storage.base
            var d = Tensor(zeros: [rows, cols])
            d.withUnsafeMutableBufferPointer { dp in
                for (r, t) in targets.enumerated() where t >= 0 {
                    for c in 0..<cols { dp[r * cols + c] = FastMath.exp(lp[r * cols + c]) * scale }
                    dp[r * cols + t] -= scale
                }
            }
            logits.accumulateGrad(d)
        }
    }

    /// Mean squared error against a constant `target` of the same shape; optional `mask` (1 keep, 0 drop)
    /// restricts the mean to the kept elements.
    public func meanSquaredError(target: Tensor, mask: Tensor? = nil) -> Variable {
        precondition(target.count == value.count,
                     "mean squared error: prediction \(value.shape) and target \(target.shape) differ in size")
        if let mask { precondition(mask.count == value.count, "mean squared error: mask \(mask.shape) for \(value.shape)") }
        let pred = self, prediction = value
        let x = prediction.storage.base, y = target.storage.base
        let m = mask?.storage.base
        var total = 0.0
        var counted = 0.0
        for i in 0..<value.count {
            let w = Double(m?[i] ?? 1)
            let d = Double(x[i] - y[i])
            total += w * d * d
            counted += w
        }
        let n = Float(max(counted, 1))
        return Variable(value: Tensor(scalar: Float(total) / n), inputs: [pred]) { g in
            let scale = 2 * g.scalar / n
            let x = prediction.storage.base, y = target.storage.base, m = mask?.storage.base
            var d = Tensor(zeros: pred.shape)
            d.withUnsafeMutableBufferPointer { dp in
                for i in 0..<dp.count { dp[i] = scale * (x[i] - y[i]) * (m?[i] ?? 1) }
            }
            pred.accumulateGrad(d)
        }
    }
}
