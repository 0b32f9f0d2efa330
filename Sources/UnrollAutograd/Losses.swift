#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CRecurrentKernels
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
        for t in targets where t >= 0 {
            precondition(t < cols, "cross-entropy: target \(t) outside \(cols) classes")
        }
        // One vectorized pass: the softmax of every row (kept for the backward pass) and the summed −log p[target].
        var probs = Tensor(uninitialized: [rows, cols])
        var counted = 0
        let total = rows == 0 ? 0 : targets.map { Int32(clamping: $0) }.withUnsafeBufferPointer { tp in
            probs.withUnsafeMutableBufferPointer { pp in
                unroll_softmax_cross_entropy(value.storage.base, rows, Int32(cols), tp.baseAddress!,
                                             pp.baseAddress!, &counted)
            }
        }
        let n = Float(max(counted, 1))
        return Variable(value: Tensor(scalar: Float(total) / n), inputs: [logits]) { g in
            // d logits = (softmax − one-hot(target)) · g / n per counted row, zero for padding rows.
            let scale = g.scalar / n
            let p = probs.storage.base
            var d = Tensor(uninitialized: [rows, cols])
            d.withUnsafeMutableBufferPointer { dp in
                let dst = dp.baseAddress!
                for (r, t) in targets.enumerated() {
                    let row = dst + r * cols, src = p + r * cols
                    if t < 0 {
                        row.update(repeating: 0, count: cols)
                        continue
                    }
                    for c in 0..<cols { row[c] = src[c] * scale }
                    row[t] -= scale
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
