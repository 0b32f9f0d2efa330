import UnrollTensor

/// Views with another shape, transposes and slices along time.
extension Variable {
    /// The same elements with another shape of equal count.
    public func reshaped(_ shape: [Int]) -> Variable {
        let a = self
        return Variable(value: value.reshaped(shape), inputs: [a]) { g in a.accumulateGrad(g.reshaped(a.shape)) }
    }

    /// The contiguous elements `offset ..< offset + count(shape)` of the flattened value, viewed as `shape`.
    /// Used to hand out the several results of one fused op.
    public func flatSlice(offset: Int, shape: [Int]) -> Variable {
        let a = self
        let n = shape.reduce(1, *)
        precondition(offset >= 0 && offset + n <= value.count,
                     "flat slice: \(offset)..<\(offset + n) outside \(value.count) elements of \(value.shape)")
        var out = Tensor(uninitialized: shape)
        out.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: value.storage.base + offset, count: n) }
        return Variable(value: out, inputs: [a]) { g in a.accumulateGrad(g, atFlatOffset: offset) }
    }

    /// The transpose of a rank-2 variable.
    public func transposed() -> Variable {
        let a = self
        return Variable(value: value.transposed(), inputs: [a]) { g in a.accumulateGrad(g.transposed()) }
    }

    /// Step `t` of a batch-first sequence `(N, T, F)`, giving `(N, F)`.
    public func timeStep(_ t: Int) -> Variable {
        precondition(value.rank == 3, "time step: needs (N, T, F), got \(value.shape)")
        let n = value.shape[0], steps = value.shape[1], f = value.shape[2]
        precondition(t >= 0 && t < steps, "time step: \(t) outside 0..<\(steps) for shape \(value.shape)")
        let a = self
        var out = Tensor(uninitialized: [n, f])
        let src = value.storage.base
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<n { (o.baseAddress! + i * f).update(from: src + (i * steps + t) * f, count: f) }
        }
        return Variable(value: out, inputs: [a]) { g in
            var d = Tensor(zeros: [n, steps, f])
            let gp = g.storage.base
            d.withUnsafeMutableBufferPointer { dp in
                for i in 0..<n { (dp.baseAddress! + (i * steps + t) * f).update(from: gp + i * f, count: f) }
            }
            a.accumulateGrad(d)
        }
    }
}
