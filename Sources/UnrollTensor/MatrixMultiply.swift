import CRecurrentKernels

/// The matrix multiply of every product outside the recurrent time loops, on the kernel thread team.
///
/// Each element of the result is one fused-multiply-add chain over the inner index in order (the numerics
/// contract), so products give the same bits on every instruction-set path and thread count.
public enum MatrixMultiply {
    /// `C = op(A) · op(B)` on raw row-major buffers: `op(A)` is `m × k`, `op(B)` is `k × n`, `C` is `m × n`, and
    /// `lda`, `ldb`, `ldc` are row strides. `k = 0` gives zeros.
    @inlinable
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm: negative size, got m \(m), n \(n), k \(k)")
        precondition(m <= Int(Int32.max) && n <= Int(Int32.max) && k <= Int(Int32.max),
                     "gemm: sizes past 2^31, got m \(m), n \(n), k \(k)")
        unroll_gemm(transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), a, lda, b, ldb, c, ldc)
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
            MatrixMultiply.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                                a: a.storage.base, lda: a.shape[1], b: b.storage.base, ldb: b.shape[1],
                                c: cp.baseAddress!, ldc: n)
        }
        return c
    }
}
