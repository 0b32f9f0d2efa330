import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

/// The ops added for user-written cells: division, a range of features, a vector repeated as rows.
final class CellOpsTests: XCTestCase {
    func testDivisionGradientsMatchFiniteDifferences() {
        let a = parameter([3, 4], seed: 1), b = parameter([3, 4], seed: 2, low: 0.5, high: 2)
        assertGradientsMatchFiniteDifferences([a, b]) { a / b }
        let c = Variable(Tensor(shape: [2], scalars: [1, 3])), d = Variable(Tensor(shape: [2], scalars: [4, 7]))
        XCTAssertEqual((c / d).value.scalars, [0.25, Float(3) / Float(7)])
    }

    func testColumnsGradientsMatchFiniteDifferencesAndCopyTheRange() {
        let a = parameter([3, 5], seed: 3)
        assertGradientsMatchFiniteDifferences([a]) { a.columns(1, 4) }
        assertGradientsMatchFiniteDifferences([a]) { a.columns(0, 5) }
        let m = Variable(Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]), requiresGrad: true)
        let slice = m.columns(1, 3)
        XCTAssertEqual(slice.value.shape, [2, 2])
        XCTAssertEqual(slice.value.scalars, [2, 3, 5, 6])
        slice.sum().backward()
        XCTAssertEqual(m.grad?.scalars, [0, 1, 1, 0, 1, 1])
    }

    func testRepeatedRowsGradientsMatchFiniteDifferencesAndSumTheRows() {
        let v = parameter([4], seed: 4)
        assertGradientsMatchFiniteDifferences([v]) { v.repeatedRows(3) }
        let w = Variable(Tensor(shape: [2], scalars: [1, -2]), requiresGrad: true)
        let rows = w.repeatedRows(3)
        XCTAssertEqual(rows.value.scalars, [1, -2, 1, -2, 1, -2])
        rows.multiplied(byConstant: Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])).sum().backward()
        XCTAssertEqual(w.grad?.scalars, [9, 12])
    }
}
