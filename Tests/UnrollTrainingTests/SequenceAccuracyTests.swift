import XCTest
@testable import UnrollTraining

final class SequenceAccuracyTests: XCTestCase {
    func testMissingAndExtraPositionsCountAsWrong() {
        let accuracy = SequenceAccuracy(
            hypotheses: [[1, 2, 3], [1, 2], [4, 5, 6, 7], []],
            references: [[1, 2, 3], [1, 2, 9], [4, 0, 6], []])
        XCTAssertEqual(accuracy.matchedTokens, 7)
        XCTAssertEqual(accuracy.countedTokens, 10, "3 + max(2, 3) + max(4, 3) + 0")
        XCTAssertEqual(accuracy.tokenAccuracy, 0.7)
        XCTAssertEqual(accuracy.exactSequences, 2, "the identical pair and the empty pair")
        XCTAssertEqual(accuracy.exactMatch, 0.5)
    }

    func testShiftedSequenceMatchesOnlyAlignedPositions() {
        let accuracy = SequenceAccuracy(hypotheses: [["x", "a", "b", "c"]], references: [["a", "b", "c"]])
        XCTAssertEqual(accuracy.tokenAccuracy, 0)
        XCTAssertEqual(accuracy.countedTokens, 4)
        XCTAssertEqual(accuracy.exactMatch, 0)
    }

    func testEmptyCorpusHasNoAccuracy() {
        let none = SequenceAccuracy(hypotheses: [[String]](), references: [])
        XCTAssertNil(none.tokenAccuracy)
        XCTAssertNil(none.exactMatch)
        let onlyEmpty = SequenceAccuracy(hypotheses: [[String]()], references: [[]])
        XCTAssertNil(onlyEmpty.tokenAccuracy)
        XCTAssertEqual(onlyEmpty.exactMatch, 1)
    }
}
