import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class ReductionsTests: XCTestCase {
    func testSumAndMean() {
        let a = parameter([3, 4], seed: 31)
        assertGradientsMatchFiniteDifferences([a]) { a.sum() }
        assertGradientsMatchFiniteDifferences([a]) { a.mean() }
        let v = Variable(Tensor(shape: [4], scalars: [1, 2, 3, 6]))
        XCTAssertEqual(v.sum().value.scalar, 12)
        XCTAssertEqual(v.mean().value.scalar, 3)
    }
}
