import Foundation
import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class ActivationsTests: XCTestCase {
    func testGradients() {
        let a = parameter([3, 4], seed: 11, low: -2, high: 2)
        assertGradientsMatchFiniteDifferences([a]) { a.tanh() }
        assertGradientsMatchFiniteDifferences([a]) { a.sigmoid() }
        assertGradientsMatchFiniteDifferences([a]) { a.exp() }
        let positive = parameter([3, 4], seed: 12, low: 0.5, high: 2)
        assertGradientsMatchFiniteDifferences([positive]) { positive.log() }
        // Keep relu inputs away from the kink at 0, where finite differences are meaningless.
        let r = Variable(Tensor(shape: [4], scalars: [-1.5, -0.3, 0.4, 2]), requiresGrad: true)
        assertGradientsMatchFiniteDifferences([r]) { r.relu() }
    }

    func testFastMathAgreesWithLibm() {
        var worstTanh: Double = 0, worstSigmoid: Double = 0, worstExp: Double = 0
        var x: Float = -20
        while x <= 20 {
            let t = Foundation.tanh(Double(x)), s = 1 / (1 + Foundation.exp(-Double(x))), e = Foundation.exp(Double(x))
            worstTanh = max(worstTanh, abs(Double(FastMath.tanh(x)) - t) / max(abs(t), 1e-30))
            worstSigmoid = max(worstSigmoid, abs(Double(FastMath.sigmoid(x)) - s) / s)
            worstExp = max(worstExp, abs(Double(FastMath.exp(x)) - e) / e)
            x += 0.001
        }
        XCTAssertLessThan(worstTanh, 3e-6, "tanh")
        XCTAssertLessThan(worstSigmoid, 1e-6, "sigmoid")
        XCTAssertLessThan(worstExp, 1e-6, "exp")
        XCTAssertEqual(FastMath.tanh(0), 0)
        XCTAssertEqual(FastMath.tanh(100), 1)
        XCTAssertEqual(FastMath.tanh(-100), -1)
        XCTAssertEqual(FastMath.sigmoid(-200), 0, accuracy: 1e-30)
    }
}
