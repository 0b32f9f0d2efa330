import UnrollTensor

/// Element-wise division of variables of equal shape.
extension Variable {
    /// `a / b` element-wise (IEEE division, correctly rounded); backward `da = g / b`, `db = −(g ⊙ a/b) / b`.
    public static func / (a: Variable, b: Variable) -> Variable {
        precondition(a.shape == b.shape, "divide: shapes \(a.shape) and \(b.shape) differ")
        let av = a.value, bv = b.value
        let y = Tensor.zip(av, bv, /)
        return Variable(value: y, inputs: [a, b]) { g in
            if a.requiresGrad { a.accumulateGrad(Tensor.zip(g, bv, /)) }
            if b.requiresGrad {
                let gy = Tensor.zip(g, y, *)
                b.accumulateGrad(Tensor.zip(gy, bv) { gy, b in -gy / b })
            }
        }
    }
}
