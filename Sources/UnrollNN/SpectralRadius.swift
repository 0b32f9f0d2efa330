/// The spectral radius (largest eigenvalue modulus) of a real square matrix, from all its eigenvalues.
///
/// A random reservoir's eigenvalues fill a disc nearly uniformly, so the largest few have almost the same modulus
/// and power iteration converges far too slowly to scale a reservoir reliably. This computes every eigenvalue in
/// Double instead: reduction to upper Hessenberg form by stabilised elementary similarity transformations
/// (Gaussian elimination with pivoting), then the Francis double-shift QR iteration with exceptional shifts at
/// iterations 10 and 20 (EISPACK `elmhes` and `hqr`, in the form of Press et al., Numerical Recipes, §11.5–11.6).
/// The work is about 10·n³ flops; every operation is a plain IEEE one in a fixed order, so the result has the
/// same bits on every machine.
public enum SpectralRadius {
    /// The eigenvalues of the `n × n` row-major matrix `matrix`, as (real, imaginary) pairs in no particular order;
    /// `checkpoint` is called once per column of the reduction and once per QR sweep (a cell's time limit). Throws when an eigenvalue takes more than
    /// 60 iterations.
    public static func eigenvalues(of matrix: [Double], n: Int,
                                   checkpoint: () throws -> Void = {}) throws -> [(re: Double, im: Double)] {
        precondition(matrix.count == n * n, "eigenvalues: \(matrix.count) entries for a \(n) × \(n) matrix")
        if n == 0 { return [] }
        let w = n + 1
        // 1-based storage (row i, column j at i·w + j) keeps the algorithm's indices as published.
        var a = [Double](repeating: 0, count: w * w)
        for i in 0..<n { for j in 0..<n { a[(i + 1) * w + j + 1] = matrix[i * n + j] } }
        var re = [Double](repeating: 0, count: w), im = [Double](repeating: 0, count: w)
        try a.withUnsafeMutableBufferPointer { a in
            try hessenberg(a, n: n, w: w, checkpoint: checkpoint)
            try hqr(a, n: n, w: w, re: &re, im: &im, checkpoint: checkpoint)
        }
        return (1...n).map { (re: re[$0], im: im[$0]) }
    }

    /// The largest modulus of the eigenvalues of the `n × n` row-major matrix `matrix`.
    public static func of(_ matrix: [Double], n: Int, checkpoint: () throws -> Void = {}) throws -> Double {
        var radius = 0.0
        for e in try eigenvalues(of: matrix, n: n, checkpoint: checkpoint) {
            radius = max(radius, (e.re * e.re + e.im * e.im).squareRoot())
        }
        return radius
    }

    /// Reduces `a` to upper Hessenberg form in place (`elmhes`) and clears what lies below the subdiagonal.
    private static func hessenberg(_ a: UnsafeMutableBufferPointer<Double>, n: Int, w: Int,
                                   checkpoint: () throws -> Void) rethrows {
        if n > 2 {
            for m in 2..<n {
                try checkpoint()
                var x = 0.0, pivot = m
                for j in m...n where abs(a[j * w + m - 1]) > abs(x) {
                    x = a[j * w + m - 1]
                    pivot = j
                }
                if pivot != m {
                    for j in (m - 1)...n { a.swapAt(pivot * w + j, m * w + j) }
                    for j in 1...n { a.swapAt(j * w + pivot, j * w + m) }
                }
                guard x != 0 else { continue }
                for i in (m + 1)...n {
                    var y = a[i * w + m - 1]
                    guard y != 0 else { continue }
                    y /= x
                    a[i * w + m - 1] = y
                    for j in m...n { a[i * w + j] -= y * a[m * w + j] }
                    for j in 1...n { a[j * w + m] += y * a[j * w + i] }
                }
            }
        }
        for i in 1...n where i > 2 { for j in 1...(i - 2) { a[i * w + j] = 0 } }
    }

    /// The eigenvalues of the upper Hessenberg matrix `a` (destroyed) into `re`/`im` (1-based), by `hqr`.
    private static func hqr(_ a: UnsafeMutableBufferPointer<Double>, n: Int, w: Int, re: inout [Double], im: inout [Double],
                            checkpoint: () throws -> Void) throws {
        func sign(_ magnitude: Double, _ of: Double) -> Double { of >= 0 ? abs(magnitude) : -abs(magnitude) }
        var anorm = 0.0
        for i in 1...n { for j in max(i - 1, 1)...n { anorm += abs(a[i * w + j]) } }
        var nn = n, t = 0.0
        var p = 0.0, q = 0.0, r = 0.0, s = 0.0, x = 0.0, y = 0.0, z = 0.0, ww = 0.0
        while nn >= 1 {
            var its = 0
            var l = 1
            repeat {
                try checkpoint()
                l = 1
                if nn >= 2 {
                    for candidate in stride(from: nn, through: 2, by: -1) {
                        s = abs(a[(candidate - 1) * w + candidate - 1]) + abs(a[candidate * w + candidate])
                        if s == 0 { s = anorm }
                        if abs(a[candidate * w + candidate - 1]) + s == s {
                            a[candidate * w + candidate - 1] = 0
                            l = candidate
                            break
                        }
                    }
                }
                x = a[nn * w + nn]
                if l == nn {
                    re[nn] = x + t
                    im[nn] = 0
                    nn -= 1
                } else {
                    y = a[(nn - 1) * w + nn - 1]
                    ww = a[nn * w + nn - 1] * a[(nn - 1) * w + nn]
                    if l == nn - 1 {
                        p = 0.5 * (y - x)
                        q = p * p + ww
                        z = abs(q).squareRoot()
                        x += t
                        if q >= 0 {
                            z = p + sign(z, p)
                            re[nn - 1] = x + z
                            re[nn] = x + z
                            if z != 0 { re[nn] = x - ww / z }
                            im[nn - 1] = 0
                            im[nn] = 0
                        } else {
                            re[nn - 1] = x + p
                            re[nn] = x + p
                            im[nn - 1] = -z
                            im[nn] = z
                        }
                        nn -= 2
                    } else {
                        if its == 60 {
                            throw EchoStateError("the eigenvalues of the reservoir did not converge in 60 QR iterations")
                        }
                        if its == 10 || its == 20 {
                            t += x
                            for i in 1...nn { a[i * w + i] -= x }
                            s = abs(a[nn * w + nn - 1]) + abs(a[(nn - 1) * w + nn - 2])
                            x = 0.75 * s
                            y = x
                            ww = -0.4375 * s * s
                        }
                        its += 1
                        var m = nn - 2
                        while m >= l {
                            z = a[m * w + m]
                            r = x - z
                            s = y - z
                            p = (r * s - ww) / a[(m + 1) * w + m] + a[m * w + m + 1]
                            q = a[(m + 1) * w + m + 1] - z - r - s
                            r = a[(m + 2) * w + m + 1]
                            s = abs(p) + abs(q) + abs(r)
                            p /= s
                            q /= s
                            r /= s
                            if m == l { break }
                            let u = abs(a[m * w + m - 1]) * (abs(q) + abs(r))
                            let v = abs(p) * (abs(a[(m - 1) * w + m - 1]) + abs(z) + abs(a[(m + 1) * w + m + 1]))
                            if u + v == v { break }
                            m -= 1
                        }
                        if m + 2 <= nn {
                            for i in (m + 2)...nn {
                                a[i * w + i - 2] = 0
                                if i != m + 2 { a[i * w + i - 3] = 0 }
                            }
                        }
                        for k in m...(nn - 1) {
                            if k != m {
                                p = a[k * w + k - 1]
                                q = a[(k + 1) * w + k - 1]
                                r = 0
                                if k != nn - 1 { r = a[(k + 2) * w + k - 1] }
                                x = abs(p) + abs(q) + abs(r)
                                if x != 0 {
                                    p /= x
                                    q /= x
                                    r /= x
                                }
                            }
                            s = sign((p * p + q * q + r * r).squareRoot(), p)
                            guard s != 0 else { continue }
                            if k == m {
                                if l != m { a[k * w + k - 1] = -a[k * w + k - 1] }
                            } else {
                                a[k * w + k - 1] = -s * x
                            }
                            p += s
                            x = p / s
                            y = q / s
                            z = r / s
                            q /= p
                            r /= p
                            for j in k...nn {
                                p = a[k * w + j] + q * a[(k + 1) * w + j]
                                if k != nn - 1 {
                                    p += r * a[(k + 2) * w + j]
                                    a[(k + 2) * w + j] -= p * z
                                }
                                a[(k + 1) * w + j] -= p * y
                                a[k * w + j] -= p * x
                            }
                            for i in l...min(nn, k + 3) {
                                p = x * a[i * w + k] + y * a[i * w + k + 1]
                                if k != nn - 1 {
                                    p += z * a[i * w + k + 2]
                                    a[i * w + k + 2] -= p * r
                                }
                                a[i * w + k + 1] -= p * q
                                a[i * w + k] -= p
                            }
                        }
                    }
                }
            } while l < nn - 1
        }
    }
}
