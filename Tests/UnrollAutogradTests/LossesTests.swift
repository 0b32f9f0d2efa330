import Foundation
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

    func testCrossEntropyOfWideRowsMatchesLogSoftmax() {
        // 65 classes (four full vectors and a tail): the loss is the mean of −log_softmax at the targets, and
        // the gradient is softmax − one-hot, over the mean.
        var rng = RandomGenerator(seed: 83)
        let x = Variable(.uniform([5, 65], low: -4, high: 4, using: &rng), requiresGrad: true)
        let targets = [0, 64, 17, -1, 33]
        let loss = x.crossEntropy(targets: targets)
        let values = x.value.scalars
        var expected = 0.0
        var grad = [Float](repeating: 0, count: 5 * 65)
        for (r, t) in targets.enumerated() where t >= 0 {
            let row = values[r * 65..<(r + 1) * 65].map(Double.init)
            let m = row.max()!
            let sum = row.map { Foundation.exp($0 - m) }.reduce(0, +)
            expected -= row[t] - m - Foundation.log(sum)
            for c in 0..<65 { grad[r * 65 + c] = Float(Foundation.exp(row[c] - m) / sum / 4) }
            grad[r * 65 + t] -= 0.25
        }
        XCTAssertEqual(loss.value.scalar, Float(expected / 4), accuracy: 1e-5)
        loss.backward()
        for (a, b) in zip(x.grad!.scalars, grad) { XCTAssertEqual(a, b, accuracy: 1e-6) }
        let logp = x.value.logSoftmaxLastAxis().scalars
        for (r, t) in targets.enumerated() where t >= 0 {
            let row = values[r * 65..<(r + 1) * 65].map(Double.init)
            let m = row.max()!
            let logSum = Foundation.log(row.map { Foundation.exp($0 - m) }.reduce(0, +))
            XCTAssertEqual(logp[r * 65 + t], Float(row[t] - m - logSum), accuracy: 1e-5)
        }
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
