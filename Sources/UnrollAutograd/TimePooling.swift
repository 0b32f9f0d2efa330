import UnrollTensor

/// Pooling over the time axis of right-padded sequences: each sequence's mean or element-wise maximum over its
/// own length, so padded steps never count.
///
/// Numerics: the mean of an element is one chain of additions over `t` in increasing order from `+0`, then one
/// correctly rounded division by the length (the rule for reductions along rows); the maximum is exact in any
/// order, and ties go to the earliest step, so the gradient has one fixed destination.
extension Variable {
    /// The mean of this `(N, T, F)` value over the first `lengths[n]` steps of each sequence `n`: `(N, F)`.
    /// A sequence of length 0 gives zeros and receives no gradient.
    public func meanOverTime(lengths: [Int]) -> Variable {
        let x = self
        let (n, t, f) = x.timePoolingShape(lengths, "mean over time")
        var out = Tensor(zeros: [n, f])
        let src = x.value.storage.base
        out.withUnsafeMutableBufferPointer { o in
            for b in 0..<n where lengths[b] > 0 {
                let row = o.baseAddress! + b * f
                for s in 0..<lengths[b] {
                    let step = src + (b * t + s) * f
                    for j in 0..<f { row[j] += step[j] }
                }
                let count = Float(lengths[b])
                for j in 0..<f { row[j] /= count }
            }
        }
        return Variable(value: out, inputs: [x]) { g in
            var d = Tensor(zeros: [n, t, f])
            let gp = g.storage.base
            d.withUnsafeMutableBufferPointer { dp in
                for b in 0..<n where lengths[b] > 0 {
                    let count = Float(lengths[b])
                    let gr = gp + b * f
                    for s in 0..<lengths[b] {
                        let step = dp.baseAddress! + (b * t + s) * f
                        for j in 0..<f { step[j] = gr[j] / count }
                    }
                }
            }
            x.accumulateGrad(d)
        }
    }

    /// The element-wise maximum of this `(N, T, F)` value over the first `lengths[n]` steps of each sequence
    /// `n`: `(N, F)`, a NaN winning as in PyTorch. Backward sends each element's gradient to the step that held
    /// the maximum (the earliest on a tie). A sequence of length 0 gives zeros and receives no gradient.
    public func maxOverTime(lengths: [Int]) -> Variable {
        let x = self
        let (n, t, f) = x.timePoolingShape(lengths, "max over time")
        var out = Tensor(zeros: [n, f])
        var argmax = [Int](repeating: -1, count: n * f)
        let src = x.value.storage.base
        out.withUnsafeMutableBufferPointer { o in
            for b in 0..<n where lengths[b] > 0 {
                let row = o.baseAddress! + b * f
                let first = src + b * t * f
                for j in 0..<f {
                    row[j] = first[j]
                    argmax[b * f + j] = 0
                }
                for s in 1..<lengths[b] {
                    let step = src + (b * t + s) * f
                    for j in 0..<f where step[j] > row[j] || (step[j].isNaN && !row[j].isNaN) {
                        row[j] = step[j]
                        argmax[b * f + j] = s
                    }
                }
            }
        }
        return Variable(value: out, inputs: [x]) { g in
            var d = Tensor(zeros: [n, t, f])
            let gp = g.storage.base
            d.withUnsafeMutableBufferPointer { dp in
                for b in 0..<n {
                    for j in 0..<f {
                        let s = argmax[b * f + j]
                        if s >= 0 { dp[(b * t + s) * f + j] = gp[b * f + j] }
                    }
                }
            }
            x.accumulateGrad(d)
        }
    }

    /// `(N, T, F)` after checking that this value has rank 3 and one length in `0...T` per sequence.
    private func timePoolingShape(_ lengths: [Int], _ op: String) -> (Int, Int, Int) {
        precondition(value.rank == 3, "\(op): needs an (N, T, F) value, got \(value.shape)")
        let n = value.shape[0], t = value.shape[1], f = value.shape[2]
        precondition(lengths.count == n, "\(op): \(lengths.count) lengths for a batch of \(n)")
        precondition(lengths.allSatisfy { $0 >= 0 && $0 <= t }, "\(op): lengths \(lengths) outside 0...\(t)")
        return (n, t, f)
    }
}
