#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CRecurrentKernels
import UnrollTensor

extension Tensor {
    /// Softmax over the last axis of a `(…, C)` tensor (max-subtracted for stability).
    public func softmaxLastAxis() -> Tensor {
        rowwiseSoftmax(log: false)
    }

    /// Log-softmax over the last axis of a `(…, C)` tensor.
    public func logSoftmaxLastAxis() -> Tensor {
        rowwiseSoftmax(log: true)
    }

    /// The vectorized row kernel behind both: `e^(x−m) / Σ` or `(x − m) − log Σ` per row, `m` the row maximum.
    private func rowwiseSoftmax(log: Bool) -> Tensor {
        let cols = shape.last ?? 1, rows = count / Swift.max(cols, 1)
        var out = Tensor(uninitialized: shape)
        if cols == 0 { return out }
        out.withUnsafeMutableBufferPointer { o in
            unroll_softmax_rows(storage.base, rows, Int32(cols), o.baseAddress!, log ? 1 : 0)
        }
        return out
    }
}

/// Softmax and log-softmax over the last axis.
extension Variable {
    /// Softmax over the last axis; backward `dx = y ⊙ (g - Σ g y)` per row.
    public func softmax() -> Variable {
        let a = self
        let y = value.softmaxLastAxis()
        return Variable(value: y, inputs: [a]) { g in
            let cols = y.shape.last ?? 1, rows = y.count / max(cols, 1)
            var dx = Tensor(uninitialized: y.shape)
            let yp = y.storage.base, gp = g.storage.base
            dx.withUnsafeMutableBufferPointer { d in
                for r in 0..<rows {
                    var dot: Float = 0   // a chain in index order (Swift never fuses the multiply and the add)
                    for c in 0..<cols { dot += gp[r * cols + c] * yp[r * cols + c] }
                    for c in 0..<cols { d[r * cols + c] = yp[r * cols + c] * (gp[r * cols + c] - dot) }
                }
            }
            a.accumulateGrad(dx)
        }
    }

    /// Log-softmax over the last axis; backward `dx = g - softmax(x) Σ g` per row.
    public func logSoftmax() -> Variable {
        let a = self
        let y = value.logSoftmaxLastAxis()
        return Variable(value: y, inputs: [a]) { g in
            let cols = y.shape.last ?? 1, rows = y.count / max(cols, 1)
            var dx = Tensor(uninitialized: y.shape)
            let yp = y.storage.base, gp = g.storage.base
            dx.withUnsafeMutableBufferPointer { d in
                let dp = d.baseAddress!
                FastMath.Function.exp.apply(yp, dp, count: rows * cols)   // softmax(x) = e^y
                for r in 0..<rows {
                    let s = FastMath.sum(gp + r * cols, count: cols)
                    for c in 0..<cols { dp[r * cols + c] = gp[r * cols + c] - dp[r * cols + c] * s }
                }
            }
            a.accumulateGrad(dx)
        }
    }
}
