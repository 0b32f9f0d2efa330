import UnrollTensor

/// Random orthogonal matrices, deterministic from the generator: the `Q` factor of a Gaussian matrix.
enum OrthogonalMatrix {
    /// An `n×n` orthogonal matrix (row-major, `Double`): `n²` standard normal draws in row-major order, a
    /// Householder QR in `Double` with sequential loops (one order of operations on every machine), and `Q`'s
    /// columns multiplied by the signs of `R`'s diagonal so that `R`'s diagonal is positive, which makes `Q`
    /// the unique one (as PyTorch's `orthogonal_` does).
    static func random(_ n: Int, rng: inout RandomGenerator) -> [Double] {
        var a = (0..<(n * n)).map { _ in Double(rng.normal()) }
        var reflectors: [[Double]] = []
        var signs = [Double](repeating: 1, count: n)
        a.withUnsafeMutableBufferPointer { a in
            for k in 0..<n {
                var norm = 0.0
                for i in k..<n { norm += a[i * n + k] * a[i * n + k] }
                norm = norm.squareRoot()
                let alpha = a[k * n + k] > 0 ? -norm : norm
                var v = [Double](repeating: 0, count: n)
                for i in k..<n { v[i] = a[i * n + k] }
                v[k] -= alpha
                var vv = 0.0
                for i in k..<n { vv += v[i] * v[i] }
                // R's diagonal entry is alpha (zero only for a zero column, which has probability 0).
                signs[k] = alpha < 0 ? -1 : 1
                reflectors.append(v)
                guard vv > 0 else { continue }
                for j in k..<n {
                    var dot = 0.0
                    for i in k..<n { dot += v[i] * a[i * n + j] }
                    let f = 2 * dot / vv
                    for i in k..<n { a[i * n + j] -= f * v[i] }
                }
            }
        }
        // Q = H_0 H_1 … H_{n−1}, built by applying the reflectors to the identity from the last one back.
        var q = [Double](repeating: 0, count: n * n)
        for i in 0..<n { q[i * n + i] = 1 }
        q.withUnsafeMutableBufferPointer { q in
            for k in stride(from: n - 1, through: 0, by: -1) {
                let v = reflectors[k]
                var vv = 0.0
                for i in k..<n { vv += v[i] * v[i] }
                guard vv > 0 else { continue }
                for j in 0..<n {
                    var dot = 0.0
                    for i in k..<n { dot += v[i] * q[i * n + j] }
                    let f = 2 * dot / vv
                    for i in k..<n { q[i * n + j] -= f * v[i] }
                }
            }
            for i in 0..<n {
                for j in 0..<n { q[i * n + j] *= signs[j] }
            }
        }
        return q
    }
}
