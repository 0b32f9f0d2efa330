import UnrollAutograd
import UnrollTensor
import XCTest

final class DropoutTests: XCTestCase {
    func testKeepsExpectationAndGradientFollowsMask() {
        var rng = RandomGenerator(seed: 5)
        let x = Variable(Tensor(shape: [10_000], repeating: 1), requiresGrad: true)
        let y = x.dropout(0.3, using: &rng)
        let values = y.value.scalars
        let zeros = values.filter { $0 == 0 }.count
        XCTAssertEqual(Double(zeros) / 10_000, 0.3, accuracy: 0.02)
        XCTAssertEqual(Double(y.value.sum()) / 10_000, 1, accuracy: 0.03)
        y.sum().backward()
        XCTAssertEqual(x.grad?.scalars, values, "gradient is the same mask times 1/(1-p)")
        XCTAssertTrue(x.dropout(0, using: &rng) === x)
    }
}
