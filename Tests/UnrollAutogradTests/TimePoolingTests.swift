import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

/// The mean and maximum over each sequence's own length: values by hand, finite differences, and padding that
/// neither counts nor receives gradient.
final class TimePoolingTests: XCTestCase {
    /// x (2, 3, 2): sequence 0 has length 3, sequence 1 length 2 with a large padded last step.
    private let x = Variable(Tensor(shape: [2, 3, 2], scalars: [1, -4, 3, -2, 8, -6,
                                                                  -1, -3, -5, -7, 100, 100]), requiresGrad: true)

    func testMeanIsOverEachSequencesOwnLength() {
        XCTAssertEqual(x.meanOverTime(lengths: [3, 2]).value.scalars, [4, -4, -3, -5])
        XCTAssertEqual(x.meanOverTime(lengths: [3, 2]).shape, [2, 2])
    }

    func testMaxIsOverEachSequencesOwnLengthEvenWhenEveryValueIsNegative() {
        // Sequence 1's valid values are all negative and its padded step holds 100: it must not win.
        XCTAssertEqual(x.maxOverTime(lengths: [3, 2]).value.scalars, [8, -2, -1, -3])
    }

    func testPaddedStepsReceiveNoGradient() {
        x.zeroGrad()
        (x.meanOverTime(lengths: [3, 2]).sum() + x.maxOverTime(lengths: [3, 2]).sum()).backward()
        let g = x.grad!.scalars
        XCTAssertEqual(Array(g[10...11]), [0, 0])
        // Mean: 1/3 on each of sequence 0's steps, 1/2 on sequence 1's; max adds 1 where the maximum was.
        XCTAssertEqual(g[0], 1 / 3, accuracy: 1e-7)
        XCTAssertEqual(g[4], 1 / 3 + 1, accuracy: 1e-7)
        XCTAssertEqual(g[3], 1 / 3 + 1, accuracy: 1e-7)
        XCTAssertEqual(g[6], 1 / 2 + 1, accuracy: 1e-7)
        XCTAssertEqual(g[8], 1 / 2, accuracy: 1e-7)
    }

    func testTiesSendTheGradientToTheEarliestStep() {
        let y = Variable(Tensor(shape: [1, 3, 1], scalars: [2, 5, 5]), requiresGrad: true)
        y.maxOverTime(lengths: [3]).sum().backward()
        XCTAssertEqual(y.grad!.scalars, [0, 1, 0])
    }

    func testEmptySequenceGivesZerosAndNoGradient() {
        let y = parameter([2, 3, 4], seed: 3)
        XCTAssertEqual(y.meanOverTime(lengths: [0, 3]).value.scalars[0..<4], [0, 0, 0, 0])
        XCTAssertEqual(y.maxOverTime(lengths: [0, 3]).value.scalars[0..<4], [0, 0, 0, 0])
        (y.meanOverTime(lengths: [0, 3]).sum() + y.maxOverTime(lengths: [0, 3]).sum()).backward()
        XCTAssertEqual(Array(y.grad!.scalars[0..<12]), Array(repeating: 0, count: 12))
    }

    func testGradientsMatchFiniteDifferences() {
        let y = parameter([3, 5, 4], seed: 41)
        assertGradientsMatchFiniteDifferences([y]) { y.meanOverTime(lengths: [5, 2, 4]) }
        // Uniform values are distinct by far more than the step, so the maximum's position never moves.
        assertGradientsMatchFiniteDifferences([y], epsilon: 1e-3) { y.maxOverTime(lengths: [5, 2, 4]) }
    }

    /// The mean is one chain of additions in step order, then one division: the same bits as that loop.
    func testMeanIsTheSequentialSumDividedByTheLength() {
        let y = parameter([1, 7, 3], seed: 42)
        let v = y.value.scalars
        let pooled = y.meanOverTime(lengths: [7]).value.scalars
        for j in 0..<3 {
            var acc: Float = 0
            for s in 0..<7 { acc += v[s * 3 + j] }
            XCTAssertEqual(pooled[j].bitPattern, (acc / 7).bitPattern)
        }
    }
}
