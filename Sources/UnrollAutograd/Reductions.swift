import UnrollTensor

/// Reductions to a scalar.
extension Variable {
    /// The sum of all elements, as a rank-0 value.
    public func sum() -> Variable {
        let a = self
        return Variable(value: Tensor(scalar: value.sum()), inputs: [a]) { g in
            a.accumulateGrad(Tensor(shape: a.shape, repeating: g.scalar))
        }
    }

    /// The mean of all elements, as a rank-0 value.
    public func mean() -> Variable {
        let a = self
        let n = Float(max(value.count, 1))
        return Variable(value: Tensor(scalar: value.sum() / n), inputs: [a]) { g in
            a.accumulateGrad(Tensor(shape: a.shape, repeating: g.scalar / n))
        }
    }
}
