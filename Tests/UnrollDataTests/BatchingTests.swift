import XCTest
import UnrollData

final class BatchingTests: XCTestCase {
    func testBatchesFollowTheOrderAndPadWithZero() {
        let sequences = [[5], [6, 7, 8], [9, 10], [11, 12, 13, 14], [15]]
        let batches = paddedBatches(sequences, batchSize: 2, order: [3, 0, 2, 1, 4])
        XCTAssertEqual(batches.count, 3)
        XCTAssertEqual(batches[0], PaddedBatch(batch: 2, steps: 4, tokens: [11, 12, 13, 14, 5, 0, 0, 0],
                                               lengths: [4, 1], indices: [3, 0]))
        XCTAssertEqual(batches[1].tokens, [9, 10, 0, 6, 7, 8])
        XCTAssertEqual(batches[1].steps, 3)
        XCTAssertEqual(batches[1].lengths, [2, 3])
        XCTAssertEqual(batches[2], PaddedBatch(batch: 1, steps: 1, tokens: [15], lengths: [1], indices: [4]))
        XCTAssertEqual(Array(batches[0].row(1)), [5])
        XCTAssertEqual(Array(batches[1].row(0)), [9, 10])
    }

    func testSubsetOrderAndEmptyOrder() {
        let sequences = [[1, 2], [3], [4, 5, 6]]
        let batches = paddedBatches(sequences, batchSize: 8, order: [2, 1])
        XCTAssertEqual(batches.count, 1)
        XCTAssertEqual(batches[0].tokens, [4, 5, 6, 3, 0, 0])
        XCTAssertEqual(paddedBatches(sequences, batchSize: 2, order: []), [])
    }
}
