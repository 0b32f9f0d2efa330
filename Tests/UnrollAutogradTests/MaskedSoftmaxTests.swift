import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class MaskedSoftmaxTests: XCTestCase {
    func testMaskedEntriesAreExactlyZeroAndKeptOnesSumToOne() {
        let x = Variable(Tensor(shape: [3, 4], scalars: [1, 2, 3, 50, 0, 0, 9, 9, 7, 1, -1, 2]))
        let y = x.maskedSoftmax(lengths: [3, 2, 0]).value
        XCTAssertEqual(y[0, 3], 0)
        XCTAssertEqual(y[1, 2], 0)
        XCTAssertEqual(y[1, 3], 0)
        XCTAssertEqual((0..<4).map { y[2, $0] }, [0, 0, 0, 0])
        XCTAssertEqual(y[0, 0] + y[0, 1] + y[0, 2], 1, accuracy: 1e-6)
        XCTAssertEqual(y[1, 0], 0.5, accuracy: 1e-7)
        // Same as a plain softmax over the kept prefix.
        let plain = Variable(Tensor(shape: [1, 3], scalars: [1, 2, 3])).softmax().value
        for c in 0..<3 { XCTAssertEqual(y[0, c], plain[0, c], accuracy: 1e-6) }
    }

    func testGradients() {
        let a = parameter([3, 5], seed: 5, low: -3, high: 3)
        assertGradientsMatchFiniteDifferences([a]) { a.maskedSoftmax(lengths: [5, 2, 3]) }
    }

    func testMaskedEntriesGetNoGradient() {
        let a = parameter([2, 3], seed: 6)
        a.maskedSoftmax(lengths: [1, 2]).multiplied(byConstant: Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]))
            .sum().backward()
        let g = a.grad!
        XCTAssertEqual(g[0, 1], 0)
        XCTAssertEqual(g[0, 2], 0)
        XCTAssertEqual(g[1, 2], 0)
        XCTAssertNotEqual(g[1, 0], 0)
    }
}
