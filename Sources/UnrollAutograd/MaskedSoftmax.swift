import UnrollTensor

/// Softmax over the first `length` entries of each row, the rest exactly zero (attention over padded sources).
extension Variable {
    /// Softmax of each row `n` of a `(N, S)` value over its entries `0 ..< lengths[n]`; entries at and past
    /// `lengths[n]` are exactly 0 and receive no gradient. A row of length 0 is all zeros.
    ///
    /// Backward, on the kept entries: `dx = y ⊙ (g − Σ g y)`.
    public func maskedSoftmax(lengths: [Int]) -> Variable {
        precondition(value.rank == 2 && lengths.count == value.shape[0],
                     "masked softmax: \(lengths.count) lengths for a value of shape \(value.shape), expected (N, S)")
        let rows = value.shape[0], cols = value.shape[1]
        precondition(lengths.allSatisfy { $0 >= 0 && $0 <= cols },
                     "masked softmax: lengths \(lengths) outside 0...\(cols)")
        let a = self
        var y = Tensor(zeros: [rows, cols])
        y.withUnsafeMutableBufferPointer { o in
            let xp = value.storage.base, op = o.baseAddress!
            for r in 0..<rows where lengths[r] > 0 {
                let x = xp + r * cols, out = op + r * cols, len = lengths[r]
                var m = x[0]
                for c in 1..<len where x[c] > m { m = x[c] }
                for c in 0..<len { out[c] = x[c] - m }
                FastMath.Function.exp.apply(out, out, count: len)
                let inv = 1 / FastMath.sum(out, count: len)
                for c in 0..<len { out[c] *= inv }
            }
        }
        let result = y
        return Variable(value: result, inputs: [a]) { g in
            var dx = Tensor(zeros: [rows, cols])
            let yp = result.storage.base, gp = g.storage.base
            dx.withUnsafeMutableBufferPointer { d in
                let dp = d.baseAddress!
                for r in 0..<rows {
                    let len = lengths[r], off = r * cols
                    var dot: Float = 0
                    for c in 0..<len { dot += gp[off + c] * yp[off + c] }
                    for c in 0..<len { dp[off + c] = yp[off + c] * (gp[off + c] - dot) }
                }
            }
            a.accumulateGrad(dx)
        }
    }
}
