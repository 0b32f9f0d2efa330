import CRecurrentKernels
import UnrollTensor
import UnrollTestSupport
import XCTest

/// The numerics contract, checked op by op: every instruction-set path and thread count gives the bits of an
/// independent reference written here from the contract's definitions (the matrix multiply as one fused chain
/// per element, the canonical sum as 16 partials and a fixed tree), on odd shapes and empty ones.
final class KernelPathTests: XCTestCase {
    /// Sizes that hit every edge: a single element, partial vectors and panels, several K blocks, empty.
    private let sizes = [0, 1, 7, 17, 70]

    private func values(_ count: Int, seed: UInt64) -> [Float] {
        var rng = RandomGenerator(seed: seed)
        return (0..<count).map { _ in rng.uniform(-1, 1) }
    }

    /// `op(A) · op(B)` by the contract's definition: `acc = fma(a, b, acc)` for k in order from +0.
    private func referenceProduct(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transA: Bool, transB: Bool) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var acc: Float = 0
                for kk in 0..<k {
                    let x = transA ? a[kk * m + i] : a[i * k + kk]
                    let y = transB ? b[j * k + kk] : b[kk * n + j]
                    acc = acc.addingProduct(x, y)
                }
                c[i * n + j] = acc
            }
        }
        return c
    }

    private func product(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transA: Bool, transB: Bool) -> [Float] {
        var c = [Float](repeating: .nan, count: m * n)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    guard let cBase = cp.baseAddress else { return }
                    let aBase = ap.baseAddress ?? UnsafePointer(cBase), bBase = bp.baseAddress ?? UnsafePointer(cBase)
                    MatrixMultiply.gemm(transposeA: transA, transposeB: transB, m: m, n: n, k: k,
                                        a: aBase, lda: transA ? m : k, b: bBase, ldb: transB ? k : n,
                                        c: cBase, ldc: n)
                }
            }
        }
        return c
    }

    private func checkProducts(path: String, threads: Int) throws {
        try withKernels(path, threads: threads) {
            for m in sizes { for n in sizes { for k in [0, 1, 17, 257] {
                for (transA, transB) in [(false, false), (true, false), (false, true), (true, true)] {
                    let a = values(m * k, seed: UInt64(m * 31 + k)), b = values(k * n, seed: UInt64(n * 17 + k + 1))
                    let got = product(a, b, m: m, n: n, k: k, transA: transA, transB: transB)
                    let want = referenceProduct(a, b, m: m, n: n, k: k, transA: transA, transB: transB)
                    let diff = bitDifferences(got, want)
                    XCTAssertTrue(diff.isEmpty, "\(path), \(threads) threads, (\(m)×\(k))\(transA ? "ᵀ" : "") × (\(k)×\(n))\(transB ? "ᵀ" : ""): \(diff)")
                }
            }}}
            // A tall product, which the team splits when it has two threads.
            let m = 1023, n = 33, k = 40
            let a = values(m * k, seed: 3), b = values(k * n, seed: 4)
            let before = Kernels.parallelJobs
            let got = product(a, b, m: m, n: n, k: k, transA: false, transB: true)
            if threads > 1 {
                XCTAssertGreaterThan(Kernels.parallelJobs, before, "the \(m)×\(n)×\(k) product did not run on two threads")
            }
            let diff = bitDifferences(got, referenceProduct(a, b, m: m, n: n, k: k, transA: false, transB: true))
            XCTAssertTrue(diff.isEmpty, "\(path), \(threads) threads, \(m)×\(n)×\(k): \(diff)")
        }
    }

    func testPortableProductsFollowTheContract() throws { try checkProducts(path: "portable", threads: 1) }
    func testAVX2ProductsFollowTheContract() throws { try checkProducts(path: "avx2", threads: 2) }
    func testAVX512ProductsFollowTheContract() throws { try checkProducts(path: "avx512", threads: 2) }
    func testAVX512ProductsOnOneThreadFollowTheContract() throws { try checkProducts(path: "avx512", threads: 1) }

    /// The canonical sum by its definition: element i into partial i mod 16, then the fixed pairwise tree.
    private func referenceSum(_ x: [Float]) -> Float {
        var s = [Float](repeating: 0, count: 16)
        for (i, v) in x.enumerated() { s[i % 16] += v }
        var width = 8
        while width >= 1 {
            for j in 0..<width { s[j] += s[j + width] }
            width /= 2
        }
        return s[0]
    }

    func testCanonicalSumOnEveryPath() throws {
        for path in Kernels.supportedInstructionSets {
            try withKernels(path, threads: 1) {
                for count in [0, 1, 7, 15, 16, 17, 31, 300, 1023] {
                    let x = values(count, seed: UInt64(count)).map { $0 * 1000 }
                    let got = x.withUnsafeBufferPointer { FastMath.sum($0.baseAddress ?? UnsafePointer(bitPattern: 64)!, count: count) }
                    XCTAssertEqual(got.bitPattern, referenceSum(x).bitPattern, "\(path), \(count) values: \(got) vs \(referenceSum(x))")
                }
            }
        }
    }

    /// Runs `body` on every path this CPU has and requires the same bits as the portable path.
    private func assertSameOnEveryPath(_ what: String, _ body: () -> [Float]) throws {
        let reference = try withKernels("portable", threads: 1, body)
        for path in ["avx2", "avx512"] where Kernels.supportedInstructionSets.contains(path) {
            for threads in [1, 2] {
                let got = try withKernels(path, threads: threads, body)
                let diff = bitDifferences(got, reference)
                XCTAssertTrue(diff.isEmpty, "\(what): \(path) with \(threads) threads against portable: \(diff)")
            }
        }
        if !Kernels.supportedInstructionSets.contains("avx512") {
            throw XCTSkip("this CPU does not run the avx512 kernels, so only avx2 was compared with portable")
        }
    }

    func testElementwiseMathIsTheSameOnEveryPath() throws {
        // A sweep over the whole float range (every 16411th bit pattern, both signs, specials included).
        var inputs: [Float] = [0, -0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        var bits: UInt32 = 0
        while bits < 0x7f80_0000 {
            inputs.append(Float(bitPattern: bits))
            inputs.append(-Float(bitPattern: bits))
            bits += 16411
        }
        for function in [FastMath.Function.exp, .log, .tanh, .sigmoid] {
            try assertSameOnEveryPath("\(function)") {
                var out = [Float](repeating: 0, count: inputs.count)
                inputs.withUnsafeBufferPointer { i in
                    out.withUnsafeMutableBufferPointer { function.apply(i.baseAddress!, $0.baseAddress!, count: inputs.count) }
                }
                // NaNs compare by class only (their payload is not part of the contract).
                return out.map { $0.isNaN ? .nan : $0 }
            }
        }
    }

    func testRowKernelsAreTheSameOnEveryPath() throws {
        for cols in [1, 7, 17, 300, 1023] {
            let rows = 5
            let x = values(rows * cols, seed: UInt64(cols)).map { $0 * 20 }
            let targets: [Int32] = (0..<rows).map { Int32($0 % 2 == 0 ? ($0 * 7) % cols : -1) }
            try assertSameOnEveryPath("softmax with cross-entropy, \(cols) columns") {
                var probs = [Float](repeating: 0, count: rows * cols)
                var counted = 0
                let loss = unroll_softmax_cross_entropy(x, rows, Int32(cols), targets, &probs, &counted)
                return probs + [Float(loss), Float(counted)]
            }
            for log in [0, 1] {
                try assertSameOnEveryPath("softmax rows (log \(log)), \(cols) columns") {
                    var out = [Float](repeating: 0, count: rows * cols)
                    unroll_softmax_rows(x, rows, Int32(cols), &out, Int32(log))
                    return out
                }
            }
            try assertSameOnEveryPath("column sums, \(cols) columns") {
                var out = [Float](repeating: 0, count: cols)
                unroll_sum_rows(x, rows, Int32(cols), cols, &out)
                return out
            }
        }
    }

    /// A diverging run must show NaN, not a finite number: every function passes NaN through, on every path.
    func testNaNStaysNaN() throws {
        for path in Kernels.supportedInstructionSets {
            try withKernels(path, threads: 1) {
                for function in [FastMath.Function.exp, .log, .tanh, .sigmoid] {
                    XCTAssertTrue(function(.nan).isNaN, "\(path): \(function)(NaN) = \(function(.nan))")
                }
                var probs = [Float](repeating: 0, count: 3)
                var counted = 0
                let loss = unroll_softmax_cross_entropy([.nan, 1, 2], 1, 3, [1], &probs, &counted)
                XCTAssertTrue(loss.isNaN, "\(path): the cross-entropy of a row with NaN is \(loss)")
            }
        }
        XCTAssertEqual(FastMath.exp(-.infinity), FastMath.exp(-87), "below -87, e^-87 (documented)")
        XCTAssertEqual(FastMath.tanh(.infinity), 1)
        XCTAssertEqual(FastMath.sigmoid(.infinity), 1)
    }

    /// exp, tanh and sigmoid are compared with the C library in ActivationsTests; the logarithm is new here.
    func testLogAgreesWithTheCLibrary() {
        var worst: Double = 0
        var x: Float = 1e-6
        while x < 1e6 {
            let want = Foundation.log(Double(x))
            worst = max(worst, abs(Double(FastMath.log(x)) - want) / max(abs(want), 1))
            x *= 1.0007
        }
        XCTAssertLessThan(worst, 3e-7, "log: worst error \(worst)")
        XCTAssertEqual(FastMath.log(0), -.infinity)
        XCTAssertTrue(FastMath.log(-1).isNaN)
        XCTAssertTrue(FastMath.log(.nan).isNaN)
        XCTAssertEqual(FastMath.log(.infinity), .infinity)
        XCTAssertEqual(FastMath.log(1), 0)
        let tiny = Float.leastNonzeroMagnitude
        XCTAssertEqual(Double(FastMath.log(tiny)), Foundation.log(Double(tiny)), accuracy: 1e-5)
    }
}
