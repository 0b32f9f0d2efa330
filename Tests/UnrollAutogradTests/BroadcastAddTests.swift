import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class BroadcastAddTests: XCTestCase {
    func testValues() {
        let x = Variable(Tensor(shape: [2, 2, 2], scalars: [1, 2, 3, 4, 5, 6, 7, 8]))
        let v = Variable(Tensor(shape: [2, 2], scalars: [10, 20, -1, -2]))
        XCTAssertEqual(x.addingAcrossSteps(v).value.scalars, [11, 22, 13, 24, 4, 4, 6, 6])
    }

    func testGradients() {
        let x = parameter([3, 4, 2], seed: 7), v = parameter([3, 2], seed: 8)
        assertGradientsMatchFiniteDifferences([x, v]) { x.addingAcrossSteps(v).tanh() }
    }
}
