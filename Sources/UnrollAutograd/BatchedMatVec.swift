import UnrollTensor

/// Batched matrix–vector products, one small product per batch row (attention scores and contexts).
///
/// The two ops are each other's backward: the three loops below (`rowDots`, `weightedRows`, `outer`) serve both
/// forwards and all four gradients, so each product is written once.
extension Variable {
    /// `y[n, s] = Σ_a m[n, s, a] · v[n, a]` for matrices `m` `(N, S, A)` and vectors `v` `(N, A)`, giving `(N, S)`.
    ///
    /// Backward: `dm[n, s, :] = g[n, s] · v[n, :]` and `dv[n, :] = Σ_s g[n, s] · m[n, s, :]`.
    public static func batchedMatrixVector(_ m: Variable, _ v: Variable) -> Variable {
        precondition(m.shape.count == 3 && v.shape.count == 2 && v.shape[0] == m.shape[0] && v.shape[1] == m.shape[2],
                     "batched matrix-vector: matrices \(m.shape) and vectors \(v.shape), expected (N, S, A) and (N, A)")
        let mv = m.value, vv = v.value
        return Variable(value: BatchedProducts.rowDots(mv, vv), inputs: [m, v]) { g in
            if m.requiresGrad { m.accumulateGrad(BatchedProducts.outer(g, vv)) }
            if v.requiresGrad { v.accumulateGrad(BatchedProducts.weightedRows(g, mv)) }
        }
    }

    /// `y[n, :] = Σ_s w[n, s] · m[n, s, :]` for weights `w` `(N, S)` and matrices `m` `(N, S, D)`, giving `(N, D)`
    /// (an attention context: the weighted sum of each example's rows).
    ///
    /// Backward: `dw[n, s] = g[n, :] · m[n, s, :]` and `dm[n, s, :] = w[n, s] · g[n, :]`.
    public static func batchedVectorMatrix(_ w: Variable, _ m: Variable) -> Variable {
        precondition(m.shape.count == 3 && w.shape == [m.shape[0], m.shape[1]],
                     "batched vector-matrix: weights \(w.shape) and matrices \(m.shape), expected (N, S) and (N, S, D)")
        let wv = w.value, mv = m.value
        return Variable(value: BatchedProducts.weightedRows(wv, mv), inputs: [w, m]) { g in
            if w.requiresGrad { w.accumulateGrad(BatchedProducts.rowDots(mv, g)) }
            if m.requiresGrad { m.accumulateGrad(BatchedProducts.outer(wv, g)) }
        }
    }
}

/// The three loops of the batched products, on raw buffers; sums run in a fixed order (`a`, then `s`) from zero.
enum BatchedProducts {
    /// `y[n, s] = Σ_a m[n, s, a] · v[n, a]`: `(N, S, A)` and `(N, A)` give `(N, S)`.
    static func rowDots(_ m: Tensor, _ v: Tensor) -> Tensor {
        let n = m.shape[0], s = m.shape[1], a = m.shape[2]
        var out = Tensor(uninitialized: [n, s])
        out.withUnsafeMutableBufferPointer { o in
            let mp = m.storage.base, vp = v.storage.base, op = o.baseAddress!
            for i in 0..<n {
                let vec = vp + i * a
                for j in 0..<s {
                    let row = mp + (i * s + j) * a
                    var dot: Float = 0
                    for k in 0..<a { dot += row[k] * vec[k] }
                    op[i * s + j] = dot
                }
            }
        }
        return out
    }

    /// `y[n, :] = Σ_s w[n, s] · m[n, s, :]`: `(N, S)` and `(N, S, D)` give `(N, D)`.
    static func weightedRows(_ w: Tensor, _ m: Tensor) -> Tensor {
        let n = m.shape[0], s = m.shape[1], dim = m.shape[2]
        var out = Tensor(zeros: [n, dim])
        out.withUnsafeMutableBufferPointer { o in
            let wp = w.storage.base, mp = m.storage.base, op = o.baseAddress!
            for i in 0..<n {
                let acc = op + i * dim
                for j in 0..<s {
                    let weight = wp[i * s + j], row = mp + (i * s + j) * dim
                    for k in 0..<dim { acc[k] += weight * row[k] }
                }
            }
        }
        return out
    }

    /// `y[n, s, :] = w[n, s] · v[n, :]`: `(N, S)` and `(N, D)` give `(N, S, D)`.
    static func outer(_ w: Tensor, _ v: Tensor) -> Tensor {
        let n = w.shape[0], s = w.shape[1], dim = v.shape[1]
        var out = Tensor(uninitialized: [n, s, dim])
        out.withUnsafeMutableBufferPointer { o in
            let wp = w.storage.base, vp = v.storage.base, op = o.baseAddress!
            for i in 0..<n {
                let vec = vp + i * dim
                for j in 0..<s {
                    let weight = wp[i * s + j], row = op + (i * s + j) * dim
                    for k in 0..<dim { row[k] = weight * vec[k] }
                }
            }
        }
        return out
    }
}
