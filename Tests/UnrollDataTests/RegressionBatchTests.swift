import XCTest
import UnrollData

final class RegressionBatchTests: XCTestCase {
    func testRegressionBatchesPadInputsAndTargets() {
        let examples = [
            RegressionExample(inputs: [1, 2, 3, 4], steps: 2, targets: [10, 20]),
            RegressionExample(inputs: [5, 6, 7, 8, 9, 10], steps: 3, targets: [30, 40, 50]),
        ]
        let perStep = RegressionDataset(examples: examples, featureCount: 2, outputCount: 1, perStep: true)
        let batches = RegressionBatch.batches(perStep, batchSize: 2, order: [0, 1])
        XCTAssertEqual(batches.count, 1)
        XCTAssertEqual(batches[0].steps, 3)
        XCTAssertEqual(batches[0].inputs, [1, 2, 3, 4, 0, 0, 5, 6, 7, 8, 9, 10])
        XCTAssertEqual(batches[0].targets, [10, 20, 0, 30, 40, 50])
        XCTAssertEqual(batches[0].lengths, [2, 3])

        let manyToOne = RegressionDataset(
            examples: examples.map { RegressionExample(inputs: $0.inputs, steps: $0.steps, targets: [$0.targets[0]]) },
            featureCount: 2, outputCount: 1, perStep: false)
        let single = RegressionBatch.batches(manyToOne, batchSize: 1, order: [1, 0])
        XCTAssertEqual(single.map(\.targets), [[30], [10]])
        XCTAssertEqual(single.map(\.indices), [[1], [0]])
        XCTAssertEqual(single[1].inputs, [1, 2, 3, 4])
    }
}
