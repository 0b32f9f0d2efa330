import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class JoiningTests: XCTestCase {
    func testConcatSplitRoundTrip() {
        let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), b = Tensor(shape: [2, 1], scalars: [5, 6])
        let c = Tensor.concat([a, b], axis: 1)
        XCTAssertEqual(c.scalars, [1, 2, 5, 3, 4, 6])
        let parts = c.split(sizes: [2, 1], axis: 1)
        XCTAssertEqual(parts[0], a)
        XCTAssertEqual(parts[1], b)
        XCTAssertEqual(Tensor.concat([a, a], axis: 0).shape, [4, 2])
    }

    func testGradients() {
        let a = parameter([2, 3, 2], seed: 61), b = parameter([2, 1, 2], seed: 62)
        assertGradientsMatchFiniteDifferences([a, b]) { Variable.concat([a, b], axis: 1) }
        assertGradientsMatchFiniteDifferences([a]) { a.split(sizes: [1, 2], axis: 1)[1] }
        assertGradientsMatchFiniteDifferences([a]) {
            let p = a.split(sizes: [2, 1], axis: 1)
            return Variable.concat([p[1], p[0]], axis: 1)
        }
        let c = parameter([2, 3, 2], seed: 63)
        assertGradientsMatchFiniteDifferences([a, c]) { Variable.stack([a, c], axis: 1) }
        XCTAssertEqual(Variable.stack([a, c], axis: 0).shape, [2, 2, 3, 2])
    }
}
