/// Ridge regression solved in closed form and in Double: the weights `W` minimising
/// `‖X·Wᵀ − Y‖² + λ‖W‖²`, as the least-squares solution of the augmented system `[X; √λ·I]·w = [y; 0]`.
///
/// The augmented matrix is factored by Householder QR and `R·w = Qᵀb` is solved by back substitution. Forming and
/// inverting (or Cholesky-factoring) the normal equations `XᵀX + λI` would square the condition number of the
/// problem: reservoir states are strongly correlated, `κ(X)` of 10⁶ and more is usual, and squared it leaves no
/// correct digits in Float and few in Double. QR works on `[X; √λI]` itself, whose condition number is the square
/// root of the normal matrix's, and Householder reflections are backward stable (Golub & Van Loan, §5.3). The
/// work is about `2·m·f²` flops for `m = rows + f`; every sum runs in index order, so the result has the same bits
/// on every machine.
public enum RidgeRegression {
    /// The weights, `outputs × features` row-major, for the `rows × features` design `x` and `rows × outputs`
    /// targets `y` (both row-major) with ridge `lambda ≥ 0`; `checkpoint` is called once per column. Throws when the
    /// system is singular (possible only for `lambda == 0`).
    public static func solve(x: [Double], y: [Double], rows: Int, features f: Int, outputs o: Int,
                             lambda: Double, checkpoint: () throws -> Void = {}) throws -> [Double] {
        precondition(x.count == rows * f && y.count == rows * o, "ridge: \(x.count) and \(y.count) values for \(rows) rows")
        precondition(lambda >= 0 && lambda.isFinite, "ridge: lambda must be finite and non-negative")
        let m = rows + f
        // Column-major copies: column j of A at j·m, column k of B at k·m, so reflections run over contiguous memory.
        var a = [Double](repeating: 0, count: m * f), b = [Double](repeating: 0, count: m * o)
        let root = lambda.squareRoot()
        for i in 0..<rows {
            for j in 0..<f { a[j * m + i] = x[i * f + j] }
            for k in 0..<o { b[k * m + i] = y[i * o + k] }
        }
        for j in 0..<f { a[j * m + rows + j] = root }
        var scale = 0.0
        for v in x { scale = max(scale, abs(v)) }
        let tolerance = Double(m) * Double.ulpOfOne * max(scale, root)
        var weights = [Double](repeating: 0, count: o * f)
        try a.withUnsafeMutableBufferPointer { a in
            try b.withUnsafeMutableBufferPointer { b in
                let a = a.baseAddress!, b = b.baseAddress!
                for j in 0..<f {
                    try checkpoint()
                    let column = a + j * m
                    var norm = 0.0
                    for i in j..<m { norm += column[i] * column[i] }
                    norm = norm.squareRoot()
                    guard norm > tolerance else {
                        throw EchoStateError("the readout's least-squares system is singular (feature \(j + 1) of \(f) is a "
                            + "combination of the others); give a positive 'ridge'")
                    }
                    // v = x − α·e₁ with α = −sign(x₁)·‖x‖, so that no cancellation happens in v₁.
                    let alpha = column[j] >= 0 ? -norm : norm
                    column[j] -= alpha
                    var vv = 0.0
                    for i in j..<m { vv += column[i] * column[i] }
                    func reflect(_ target: UnsafeMutablePointer<Double>) {
                        var dot = 0.0
                        for i in j..<m { dot += column[i] * target[i] }
                        let factor = 2 * dot / vv
                        for i in j..<m { target[i] -= factor * column[i] }
                    }
                    for k in (j + 1)..<f { reflect(a + k * m) }
                    for k in 0..<o { reflect(b + k * m) }
                    column[j] = alpha
                }
                // Back substitution R·w = (Qᵀb)[0..<f] for each output.
                for k in 0..<o {
                    let rhs = b + k * m
                    for j in stride(from: f - 1, through: 0, by: -1) {
                        var sum = rhs[j]
                        for i in (j + 1)..<f { sum -= a[i * m + j] * weights[k * f + i] }
                        weights[k * f + j] = sum / a[j * m + j]
                    }
                }
            }
        }
        return weights
    }
}
