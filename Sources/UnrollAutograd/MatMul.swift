import UnrollTensor

/// Matrix product of rank-2 variables through the BLAS backend.
extension Variable {
    /// `op(a) × op(b)` with `op` an optional transpose: `(M, K) × (K, N) → (M, N)`.
    ///
    /// Backward: `dA = dC × op(B)ᵀ` and `dB = op(A)ᵀ × dC`, each transposed back when its operand was.
    public static func matmul(_ a: Variable, _ b: Variable,
                              transposeA: Bool = false, transposeB: Bool = false) -> Variable {
        let av = a.value, bv = b.value
        let out = Tensor.matmul(av, bv, transposeA: transposeA, transposeB: transposeB)
        return Variable(value: out, inputs: [a, b]) { g in
            if a.requiresGrad {
                // C = op(A) op(B): d op(A) = G op(B)ᵀ; if A was transposed, dA = op(B) Gᵀ.
                let da = transposeA
                    ? Tensor.matmul(bv, g, transposeA: transposeB, transposeB: true)
                    : Tensor.matmul(g, bv, transposeA: false, transposeB: !transposeB)
                a.accumulateGrad(da)
            }
            if b.requiresGrad {
                // d op(B) = op(A)ᵀ G; if B was transposed, dB = Gᵀ op(A).
                let db = transposeB
                    ? Tensor.matmul(g, av, transposeA: true, transposeB: transposeA)
                    : Tensor.matmul(av, g, transposeA: !transposeA, transposeB: false)
                b.accumulateGrad(db)
            }
        }
    }
}
