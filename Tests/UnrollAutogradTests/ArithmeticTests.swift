import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class ArithmeticTests: XCTestCase {
    func testAddSubtractMultiplyGradients() {
        let a = parameter([2, 3], seed: 1), b = parameter([2, 3], seed: 2)
        assertGradientsMatchFiniteDifferences([a, b]) { a + b }
        assertGradientsMatchFiniteDifferences([a, b]) { a - b }
        assertGradientsMatchFiniteDifferences([a, b]) { a * b }
        assertGradientsMatchFiniteDifferences([a]) { -a }
        assertGradientsMatchFiniteDifferences([a]) { a.scaled(by: 2.5).adding(0.5) }
    }

    func testRowVectorBiasGradient() {
        let a = parameter([4, 3], seed: 3), b = parameter([3], seed: 4)
        assertGradientsMatchFiniteDifferences([a, b]) { a.addingRowVector(b) }
    }

    func testConstantMaskBlocksItsGradientButScalesInput() {
        let a = parameter([2, 2], seed: 5)
        let mask = Tensor(shape: [2, 2], scalars: [1, 0, 2, 0])
        a.multiplied(byConstant: mask).sum().backward()
        XCTAssertEqual(a.grad?.scalars, [1, 0, 2, 0])
    }

    func testReuseAccumulates() {
        // b = a + a; c = b + b  ⇒  dc/da = 4.
        let a = Variable(Tensor(shape: [3], scalars: [1, 2, 3]), requiresGrad: true)
        let b = a + a
        let c = b + b
        c.sum().backward()
        XCTAssertEqual(a.grad?.scalars, [4, 4, 4])
        XCTAssertEqual(c.value.scalars, [4, 8, 12])
    }

    func testValues() {
        let a = Variable(Tensor(shape: [2], scalars: [1, -2])), b = Variable(Tensor(shape: [2], scalars: [3, 4]))
        XCTAssertEqual((a + b).value.scalars, [4, 2])
        XCTAssertEqual((a - b).value.scalars, [-2, -6])
        XCTAssertEqual((a * b).value.scalars, [3, -8])
        XCTAssertEqual(Variable(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]))
            .addingRowVector(Variable(Tensor(shape: [2], scalars: [10, 20]))).value.scalars, [11, 22, 13, 24])
    }
}
