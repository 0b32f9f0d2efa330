import UnrollTraining
import XCTest

final class ConfusionMatrixTests: XCTestCase {
    /// Three classes, nine examples, written down by hand:
    ///
    ///     true \ predicted   a  b  c
    ///     a                  2  1  0
    ///     b                  0  3  1
    ///     c                  1  0  1
    private let matrix = ConfusionMatrix(classes: ["a", "b", "c"], truth: [0, 0, 0, 1, 1, 1, 1, 2, 2],
                                         predicted: [0, 0, 1, 1, 1, 1, 2, 0, 2])

    func testCountsRowsAreTruthColumnsArePredictions() {
        XCTAssertEqual(matrix.counts, [[2, 1, 0], [0, 3, 1], [1, 0, 1]])
        XCTAssertEqual(matrix.total, 9)
        XCTAssertEqual(matrix.accuracy, 6.0 / 9, accuracy: 1e-15)
    }

    func testPerClassPrecisionRecallAndF1() {
        let scores = matrix.scores
        XCTAssertEqual(scores.classes.map(\.name), ["a", "b", "c"])
        let a = scores.classes[0].counts, b = scores.classes[1].counts, c = scores.classes[2].counts
        XCTAssertEqual(a, PrecisionRecall(correct: 2, predicted: 3, actual: 3))
        XCTAssertEqual(b, PrecisionRecall(correct: 3, predicted: 4, actual: 4))
        XCTAssertEqual(c, PrecisionRecall(correct: 1, predicted: 2, actual: 2))
        XCTAssertEqual(a.f1, 2.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(b.f1, 0.75, accuracy: 1e-15)
        XCTAssertEqual(c.f1, 0.5, accuracy: 1e-15)
    }

    func testMicroAverageIsAccuracyAndMacroIsTheMean() {
        let scores = matrix.scores
        XCTAssertEqual(scores.micro.precision, 6.0 / 9, accuracy: 1e-15)
        XCTAssertEqual(scores.micro.recall, 6.0 / 9, accuracy: 1e-15)
        XCTAssertEqual(scores.macro.precision, (2.0 / 3 + 0.75 + 0.5) / 3, accuracy: 1e-15)
        XCTAssertEqual(scores.macro.f1, (2.0 / 3 + 0.75 + 0.5) / 3, accuracy: 1e-15)
    }

    func testAClassNeverPredictedHasPrecisionZero() {
        let m = ConfusionMatrix(classes: ["x", "y"], truth: [0, 1], predicted: [0, 0])
        XCTAssertEqual(m.scores.classes[1].counts.precision, 0)
        XCTAssertEqual(m.scores.classes[1].counts.recall, 0)
        XCTAssertEqual(ConfusionMatrix(classes: ["x"]).accuracy.isNaN, true)
    }
}
