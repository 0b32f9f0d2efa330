import UnrollTensor

/// Batched matrix–vector products, one small product per batch row (attention scores and contexts).
extension Variable {
    /// `y[n, s] = Σ_a m[n, s, a] · v[n, a]` for matrices `m` `(N, S, A)` and vectors `v` `(N, A)`, giving `(N, S)`.
    ///
    /// Backward: `dm[n, s, :] = g[n, s] · v[n, :]` and `dv[n, :] = Σ_s g[n, s] · m[n, s, :]`.
    public static func batchedMatrixVector(_ m: Variable, _ v: Variable) -> Variable {
        precondition(m.shape.count == 3 && v.shape.count == 2 && v.shape[0] == m.shape[0] && v.shape[1] == m.shape[2],
                     "batched matrix-vector: matrices \(m.shape) and vectors \(v.shape), expected (N, S, A) and (N, A)")
        let n = m.shape[0], s = m.shape[1], a = m.shape[2]
        let mv = m.value, vv = v.value
        var out = Tensor(zeros: [n, s])
        out.withUnsafeMutableBufferPointer { o in
            let mp = mv.storage.base, vp = vv.storage.base, op = o.baseAddress!
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
        return Variable(value: out, inputs: [m, v]) { g in
            let gp = g.storage.base, mp = mv.storage.base, vp = vv.storage.base
            if m.requiresGrad {
                var dm = Tensor(uninitialized: [n, s, a])
                dm.withUnsafeMutableBufferPointer { d in
                    let dp = d.baseAddress!
                    for i in 0..<n {
                        let vec = vp + i * a
                        for j in 0..<s {
                            let w = gp[i * s + j], row = dp + (i * s + j) * a
                            for k in 0..<a { row[k] = w * vec[k] }
                        }
                    }
                }
                m.accumulateGrad(dm)
            }
            if v.requiresGrad {
                var dv = Tensor(zeros: [n, a])
                dv.withUnsafeMutableBufferPointer { d in
                    let dp = d.baseAddress!
                    for i in 0..<n {
                        let acc = dp + i * a
                        for j in 0..<s {
                            let w = gp[i * s + j], row = mp + (i * s + j) * a
                            for k in 0..<a { acc[k] += w * row[k] }
                        }
                    }
                }
                v.accumulateGrad(dv)
            }
        }
    }

    /// `y[n, :] = Σ_s w[n, s] · m[n, s, :]` for weights `w` `(N, S)` and matrices `m` `(N, S, D)`, giving `(N, D)`
    /// (an attention context: the weighted sum of each example's rows).
    ///
    /// Backward: `dw[n, s] = g[n, :] · m[n, s, :]` and `dm[n, s, :] = w[n, s] · g[n, :]`.
    public static func batchedVectorMatrix(_ w: Variable, _ m: Variable) -> Variable {
        precondition(m.shape.count == 3 && w.shape == [m.shape[0], m.shape[1]],
                     "batched vector-matrix: weights \(w.shape) and matrices \(m.shape), expected (N, S) and (N, S, D)")
        let n = m.shape[0], s = m.shape[1], dim = m.shape[2]
        let wv = w.value, mv = m.value
        var out = Tensor(zeros: [n, dim])
        out.withUnsafeMutableBufferPointer { o in
            let wp = wv.storage.base, mp = mv.storage.base, op = o.baseAddress!
            for i in 0..<n {
                let acc = op + i * dim
                for j in 0..<s {
                    let weight = wp[i * s + j], row = mp + (i * s + j) * dim
                    for k in 0..<dim { acc[k] += weight * row[k] }
                }
            }
        }
        return Variable(value: out, inputs: [w, m]) { g in
            let gp = g.storage.base, wp = wv.storage.base, mp = mv.storage.base
            if w.requiresGrad {
                var dw = Tensor(uninitialized: [n, s])
                dw.withUnsafeMutableBufferPointer { d in
                    let dp = d.baseAddress!
                    for i in 0..<n {
                        let grad = gp + i * dim
                        for j in 0..<s {
                            let row = mp + (i * s + j) * dim
                            var dot: Float = 0
                            for k in 0..<dim { dot += grad[k] * row[k] }
                            dp[i * s + j] = dot
                        }
                    }
                }
                w.accumulateGrad(dw)
            }
            if m.requiresGrad {
                var dm = Tensor(uninitialized: [n, s, dim])
                dm.withUnsafeMutableBufferPointer { d in
                    let dp = d.baseAddress!
                    for i in 0..<n {
                        let grad = gp + i * dim
                        for j in 0..<s {
                            let weight = wp[i * s + j], row = dp + (i * s + j) * dim
                            for k in 0..<dim { row[k] = weight * grad[k] }
                        }
                    }
                }
                m.accumulateGrad(dm)
            }
        }
    }
}
