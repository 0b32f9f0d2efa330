import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class LossesTests: XCTestCase {
    func testCrossEntropyValueMatchesHandComputation() {
        // logits row [0, ln 3]: softmax = [1/4, 3/4]; target 1 → −ln(3/4).
        let x = Variable(Tensor(shape: [1, 2], scalars: [0, Float(log(3.0))]))
        XCTAssertEqual(x.crossEntropy(targets: [1]).value.scalar, Float(-log(0.75)), accuracy: 1e-6)
    }

    func testCrossEntropyIgnoresPaddingRows() {
        let x = parameter([4, 5], seed: 81, low: -2, high: 2)
        let full = x.crossEntropy(targets: [1, 3, -1, 0]).value.scalar
        let kept = Variable(Tensor.concat(x.value.split(sizes: [2, 1, 1], axis: 0).enumerated()
            .filter { $0.offset != 1 }.map(\.element), axis: 0)).crossEntropy(targets: [1, 3, 0]).value.scalar
        XCTAssertEqual(full, kept, accuracy: 1e-6)
        assertGradientsMatchFiniteDifferences([x]) { x.crossEntropy(targets: [1, 3, -1, 0]) }
        x.zeroGrad()
        x.crossEntropy(targets: [1, 3, -1, 0]).backward()
        XCTAssertEqual(Array(x.grad!.scalars[10..<15]), [0, 0, 0, 0, 0], "padding row gets no gradient")
        XCTAssertEqual(Variable(Tensor(zeros: [2, 3])).crossEntropy(targets: [-1, -1]).value.scalar, 0)
    }

    func testMeanSquaredError() {
        let p = parameter([3, 2], seed: 82)
        let target = Tensor(shape: [3, 2], scalars: [0, 1, 0, 1, 0, 1])
        assertGradientsMatchFiniteDifferences([p]) { p.meanSquaredError(target: target) }
        let mask = Tensor(shape: [3, 2], scalars: [1, 1, 0, 0, 1, 0])
        assertGradientsMatchFiniteDifferences([p]) { p.meanSquaredError(target: target, mask: mask) }
        let q = Variable(Tensor(shape: [2], scalars: [1, 3]))
        XCTAssertEqual(q.meanSquaredError(target: Tensor(shape: [2], scalars: [0, 0])).value.scalar, 5)
    }
}
