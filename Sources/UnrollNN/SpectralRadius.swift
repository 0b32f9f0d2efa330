/// The spectral radius (the largest eigenvalue modulus) of a square matrix, with deterministic arithmetic: the one
/// implementation behind both the `spectral_radius:` option of recurrent layers (each gate's `H×H` block of `W_hh`,
/// `RecurrentCell.initializeRecurrentWeights`) and an echo state network's reservoir scaling (`SparseReservoir`).
/// Repeated squaring reaches `A^(2^40)`, so eigenvalues of nearly the same modulus (a random reservoir's fill a
/// disc) do not slow it down as they would power iteration.
public enum SpectralRadius {
    /// The largest number of squarings `estimate` performs.
    public static let maximumSquarings = 40

    /// ρ(A) for `a` `n×n` (row-major) by Gelfand's formula ρ = lim ‖Aᵐ‖^(1/m), with `m = 2ᵏ` reached by
    /// repeated squaring: `B₀ = A/‖A‖`, `Bⱼ = Bⱼ₋₁²/tⱼ` with `tⱼ = ‖Bⱼ₋₁²‖` (Frobenius norms), so that
    /// `‖A^(2ᵏ)‖^(1/2ᵏ) = ‖A‖·∏ tⱼ^(1/2ʲ)`. The estimate is the ratio form `(‖A^(2m)‖/‖A^m‖)^(1/m)`, which cancels
    /// the constant of `‖Aᵐ‖ ≈ c·ρᵐ`; it stops when an estimate moves by less than 1e-12 relative, or after
    /// `maximumSquarings`. Roots are taken with square roots only and every sum is a sequential loop in
    /// `Double`, so the result is the same on every machine. Its relative error is below 1e-9 for a dominant
    /// real eigenvalue; when several eigenvalues share the largest modulus (a complex pair, an orthogonal
    /// matrix) it is at most ln(c_max/c_min)/2ᵏ, below 1e-9 after the 40 squarings. Returns 0 for a nilpotent
    /// matrix.
    public static func estimate(of a: [Double], size n: Int) -> Double {
        estimate(of: a, size: n, checkpoint: {})
    }

    /// `estimate(of:size:)`, calling `checkpoint` before each squaring (a cell's time limit, for a large reservoir).
    public static func estimate(of a: [Double], size n: Int, checkpoint: () throws -> Void) rethrows -> Double {
        precondition(a.count == n * n && n >= 1, "spectral radius: \(a.count) values for a \(n)×\(n) matrix")
        var scale = frobenius(a)
        guard scale > 0, scale.isFinite else { return scale.isFinite ? 0 : .nan }
        var b = a.map { $0 / scale }
        var previous = scale
        for k in 1...maximumSquarings {
            try checkpoint()
            let square = multiply(b, b, n)
            let t = frobenius(square)
            guard t > 0 else { return 0 }
            // t^(1/2ᵏ) by k square roots.
            var root = t
            for _ in 0..<k { root = root.squareRoot() }
            let estimate = scale * root * root
            scale *= root
            b = square.map { $0 / t }
            if abs(estimate - previous) <= 1e-12 * estimate { return estimate }
            previous = estimate
        }
        return previous
    }

    private static func frobenius(_ a: [Double]) -> Double {
        var sum = 0.0
        for x in a { sum += x * x }
        return sum.squareRoot()
    }

    /// `a·b` for `n×n` row-major matrices, each element one sequential sum over the inner index.
    private static func multiply(_ a: [Double], _ b: [Double], _ n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: n * n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    for i in 0..<n {
                        for k in 0..<n {
                            let x = a[i * n + k]
                            for j in 0..<n { c[i * n + j] += x * b[k * n + j] }
                        }
                    }
                }
            }
        }
        return c
    }
}
