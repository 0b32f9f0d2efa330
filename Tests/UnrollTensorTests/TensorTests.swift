import UnrollTensor
import XCTest

final class TensorTests: XCTestCase {
    func testShapesAndIndexing() {
        var t = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(t.count, 6)
        XCTAssertEqual(t[1, 2], 6)
        t[0, 1] = 9
        XCTAssertEqual(t.scalars, [1, 9, 3, 4, 5, 6])
        XCTAssertEqual(t.reshaped([3, 2]).shape, [3, 2])
        XCTAssertEqual(t.transposed().scalars, [1, 4, 9, 5, 3, 6])
        XCTAssertEqual(Tensor(scalar: 3).scalar, 3)
    }

    func testCopyOnWrite() {
        let a = Tensor(shape: [2], scalars: [1, 2])
        var b = a
        b.withUnsafeMutableBufferPointer { $0[0] = 7 }
        XCTAssertEqual(a.scalars, [1, 2], "the original keeps its values")
        XCTAssertEqual(b.scalars, [7, 2])
    }

    func testReductions() {
        let t = Tensor(shape: [2, 3], scalars: [1, -5, 3, 4, 5, 6])
        XCTAssertEqual(t.sum(), 14)
        XCTAssertEqual(t.sumRows().scalars, [5, 0, 9])
        XCTAssertEqual(t.argmaxRows(), [2, 2])
        XCTAssertEqual(t.maxAbs(), 6)
        XCTAssertEqual(t.sumOfSquares(), 112)
    }

    func testSumRowsOfWideRowsMatchesSequentialSums() {
        // 37 columns: two full 16-lane vectors and a tail, summed over 9 rows in row order.
        var rng = RandomGenerator(seed: 5)
        let t = Tensor.uniform([9, 37], low: -1, high: 1, using: &rng)
        let x = t.scalars
        let expected: [Float] = (0..<37).map { c in
            var s: Float = 0
            for r in 0..<9 { s += x[r * 37 + c] }
            return s
        }
        XCTAssertEqual(t.sumRows().scalars, expected)
    }

    func testMatmulAgainstNaiveProduct() {
        var rng = RandomGenerator(seed: 3)
        let a = Tensor.uniform([7, 5], low: -1, high: 1, using: &rng)
        let b = Tensor.uniform([5, 9], low: -1, high: 1, using: &rng)
        let c = Tensor.matmul(a, b)
        for i in 0..<7 {
            for j in 0..<9 {
                var s: Float = 0
                for k in 0..<5 { s += a[i, k] * b[k, j] }
                XCTAssertEqual(c[i, j], s, accuracy: 1e-5)
            }
        }
        XCTAssertEqual(Tensor.matmul(a.transposed(), b, transposeA: true), c)
    }

    func testPeakMemoryIsTracked() {
        TensorStorage.resetPeakTensorBytes()
        let before = TensorStorage.peakTensorBytes
        do { _ = Tensor(zeros: [1024, 1024]) }
        XCTAssertGreaterThanOrEqual(TensorStorage.peakTensorBytes - before, 4 * 1024 * 1024)
    }
}
