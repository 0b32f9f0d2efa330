import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class SoftmaxTests: XCTestCase {
    func testValuesSumToOneAndAreStable() {
        let x = Variable(Tensor(shape: [2, 3], scalars: [1000, 1001, 1002, -5, 0, 5]))
        let y = x.softmax().value.scalars
        XCTAssertEqual(y[0] + y[1] + y[2], 1, accuracy: 1e-6)
        XCTAssertEqual(y[2], 0.66524096, accuracy: 1e-6)
        let l = x.logSoftmax().value.scalars
        XCTAssertEqual(l[2], -0.40760596, accuracy: 1e-5)
    }

    func testGradients() {
        let a = parameter([3, 5], seed: 41, low: -3, high: 3)
        assertGradientsMatchFiniteDifferences([a]) { a.softmax() }
        assertGradientsMatchFiniteDifferences([a]) { a.logSoftmax() }
    }
}
