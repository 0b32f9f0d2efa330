import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class ReshapingTests: XCTestCase {
    func testTimeStepSelectsRows() {
        let x = Variable(Tensor(shape: [2, 3, 1], scalars: [1, 2, 3, 4, 5, 6]))
        XCTAssertEqual(x.timeStep(1).value.scalars, [2, 5])
    }

    func testGradients() {
        let x = parameter([2, 3, 4], seed: 71)
        assertGradientsMatchFiniteDifferences([x]) { x.timeStep(2) }
        assertGradientsMatchFiniteDifferences([x]) { x.reshaped([6, 4]) }
        assertGradientsMatchFiniteDifferences([x]) { x.flatSlice(offset: 5, shape: [3, 3]) }
        let m = parameter([3, 5], seed: 72)
        assertGradientsMatchFiniteDifferences([m]) { m.transposed() }
    }
}
