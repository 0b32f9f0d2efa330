import UnrollTensor

/// Adding one vector per batch row to every step of that row.
extension Variable {
    /// `y[n, s, :] = x[n, s, :] + v[n, :]` for this `(N, S, A)` value and `v` `(N, A)`.
    ///
    /// Backward: `dx = g`, `dv[n, :] = Σ_s g[n, s, :]`.
    public func addingAcrossSteps(_ v: Variable) -> Variable {
        precondition(value.rank == 3 && v.shape == [value.shape[0], value.shape[2]],
                     "add across steps: value \(value.shape) and vectors \(v.shape), expected (N, S, A) and (N, A)")
        let n = value.shape[0], s = value.shape[1], a = value.shape[2]
        let x = self
        var out = Tensor(uninitialized: value.shape)
        out.withUnsafeMutableBufferPointer { o in
            let xp = value.storage.base, vp = v.value.storage.base, op = o.baseAddress!
            for i in 0..<n {
                let vec = vp + i * a
                for j in 0..<s {
                    let off = (i * s + j) * a
                    for k in 0..<a { op[off + k] = xp[off + k] + vec[k] }
                }
            }
        }
        return Variable(value: out, inputs: [x, v]) { g in
            x.accumulateGrad(g)
            guard v.requiresGrad else { return }
            var dv = Tensor(zeros: [n, a])
            dv.withUnsafeMutableBufferPointer { d in
                let gp = g.storage.base, dp = d.baseAddress!
                for i in 0..<n {
                    let acc = dp + i * a
                    for j in 0..<s {
                        let row = gp + (i * s + j) * a
                        for k in 0..<a { acc[k] += row[k] }
                    }
                }
            }
            v.accumulateGrad(dv)
        }
    }
}
