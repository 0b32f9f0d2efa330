import CBLAS
import CRecurrentKernels

/// The matrix-multiply backend: OpenBLAS's single-threaded kernels, with large products split over the
/// kernel thread team (the same persistent threads that run the recurrent kernels, so the two never compete
/// for cores the way two thread pools would).
public enum BLAS {
    /// Runs once before the first multiply: OpenBLAS goes to one thread and stops its pool; parallelism comes from
    /// the team, which starts with one thread per online core.
    private static let configure: Void = {
        unroll_blas_use_team()
    }()

    /// `C = alpha * op(A) * op(B) + beta * C` on raw row-major buffers.
    ///
    /// `op(A)` is `m × k`, `op(B)` is `k × n`, `C` is `m × n`; `lda`, `ldb`, `ldc` are row strides.
    @inlinable
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            if beta == 0 {
                for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) }
            } else if beta != 1 {
                for i in 0..<m { for j in 0..<n { c[i * ldc + j] *= beta } }
            }
            return
        }
        multiply(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                 a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    /// The non-inlined call into the team-split OpenBLAS multiply.
    @usableFromInline
    static func multiply(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                         a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                         beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        BLAS.configure
        unroll_parallel_sgemm(transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), alpha,
                              a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

extension Tensor {
    /// Matrix product of two rank-2 tensors: `(M, K) × (K, N) → (M, N)`, either operand optionally transposed.
    public static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matmul: needs rank-2 tensors, got \(a.shape) and \(b.shape)")
        let m = transposeA ? a.shape[1] : a.shape[0]
        let k = transposeA ? a.shape[0] : a.shape[1]
        let kb = transposeB ? b.shape[1] : b.shape[0]
        let n = transposeB ? b.shape[0] : b.shape[1]
        precondition(k == kb, "matmul: inner sizes differ: \(a.shape)\(transposeA ? "ᵀ" : "") × \(b.shape)\(transposeB ? "ᵀ" : "")")
        var c = Tensor(uninitialized: [m, n])
        c.withUnsafeMutableBufferPointer { cp in
            BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                      a: a.storage.base, lda: a.shape[1], b: b.storage.base, ldb: b.shape[1],
                      c: cp.baseAddress!, ldc: n)
        }
        return c
    }
}
