import UnrollTensor

/// The state update of the recurrent layers that run on the tape: leaky integration and carrying the state of
/// sequences that have ended.
extension Variable {
    /// The new state `(N, H)` of one step: for an active row `(1 − α_j)·previous + α_j·candidate` (just
    /// `candidate` when `alpha` is nil), for an inactive row (a padded step) `previous` unchanged.
    ///
    /// Computed as written, `(1 − α)·p + α·c` in that order, so α = 1 gives `candidate` bit for bit.
    ///
    /// - Parameters:
    ///   - alpha: `(H)` leak rates, or nil for a plain replacement.
    ///   - active: per row whether the step is taken (nil: all rows).
    public static func stateUpdate(previous: Variable, candidate: Variable, alpha: Variable?,
                                   active: [Bool]?) -> Variable {
        precondition(previous.value.rank == 2 && candidate.shape == previous.shape,
                     "state update: previous \(previous.shape), candidate \(candidate.shape)")
        let n = previous.shape[0], h = previous.shape[1]
        precondition(alpha.map { $0.value.count == h } ?? true, "state update: alpha \(alpha?.shape ?? []) for \(h) units")
        precondition(active.map { $0.count == n } ?? true, "state update: \(active?.count ?? 0) row flags for \(n) rows")
        let p = previous.value.storage.base, c = candidate.value.storage.base
        let a = alpha?.value.storage.base
        var out = Tensor(uninitialized: [n, h])
        out.withUnsafeMutableBufferPointer { o in
            let op = o.baseAddress!
            for i in 0..<n {
                let row = i * h
                if let active, !active[i] {
                    (op + row).update(from: p + row, count: h)
                } else if let a {
                    for j in 0..<h { op[row + j] = (1 - a[j]) * p[row + j] + a[j] * c[row + j] }
                } else {
                    (op + row).update(from: c + row, count: h)
                }
            }
        }
        var inputs = [previous, candidate]
        if let alpha { inputs.append(alpha) }
        return Variable(value: out, inputs: inputs) { g in
            let gp = g.storage.base
            var dPrevious = Tensor(zeros: [n, h]), dCandidate = Tensor(zeros: [n, h]), dAlpha = Tensor(zeros: [h])
            dPrevious.withUnsafeMutableBufferPointer { dp in
            dCandidate.withUnsafeMutableBufferPointer { dc in
            dAlpha.withUnsafeMutableBufferPointer { da in
                for i in 0..<n {
                    let row = i * h
                    if let active, !active[i] {
                        for j in 0..<h { dp[row + j] = gp[row + j] }
                    } else if let a {
                        for j in 0..<h {
                            let gj = gp[row + j]
                            dp[row + j] = (1 - a[j]) * gj
                            dc[row + j] = a[j] * gj
                            da[j] += (c[row + j] - p[row + j]) * gj
                        }
                    } else {
                        for j in 0..<h { dc[row + j] = gp[row + j] }
                    }
                }
            }}}
            previous.accumulateGrad(dPrevious)
            candidate.accumulateGrad(dCandidate)
            alpha?.accumulateGrad(dAlpha.reshaped(alpha!.shape))
        }
    }

    /// A batch-first sequence `(N, T, F)` laid out time-major `(T, N, F)`, so that each step's rows lie together.
    public func timeMajor() -> Variable {
        precondition(value.rank == 3, "time major: needs (N, T, F), got \(value.shape)")
        let n = value.shape[0], steps = value.shape[1], f = value.shape[2]
        func swapped(_ x: Tensor, from: (Int, Int), to: (Int, Int)) -> Tensor {
            var out = Tensor(uninitialized: [to.0, to.1, f])
            let src = x.storage.base
            out.withUnsafeMutableBufferPointer { o in
                let op = o.baseAddress!
                for i in 0..<from.0 {
                    for t in 0..<from.1 { (op + (t * to.1 + i) * f).update(from: src + (i * from.1 + t) * f, count: f) }
                }
            }
            return out
        }
        let a = self
        return Variable(value: swapped(value, from: (n, steps), to: (steps, n)), inputs: [a]) { g in
            a.accumulateGrad(swapped(g, from: (steps, n), to: (n, steps)))
        }
    }
}
