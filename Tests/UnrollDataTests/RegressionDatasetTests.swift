import XCTest
import UnrollData
import UnrollTensor

final class RegressionDatasetTests: XCTestCase {
    func testShapesAndSplit() throws {
        let examples = (0..<5).map { i in
            RegressionExample(inputs: [Float(i), 0, 1, Float(i)], steps: 2, targets: [Float(i) * 2])
        }
        XCTAssertEqual(examples[3].featureCount, 2)
        let data = RegressionDataset(examples: examples, featureCount: 2, outputCount: 1, perStep: false)
        var rng = RandomGenerator(seed: 3)
        let (train, test) = try data.split(fraction: 0.6, rng: &rng)
        XCTAssertEqual(train.count, 3)
        XCTAssertEqual(test.count, 2)
        XCTAssertEqual(test.featureCount, 2)
        XCTAssertFalse(test.perStep)
        XCTAssertEqual(Set((train.examples + test.examples).map { $0.targets[0] }), [0, 2, 4, 6, 8])
        XCTAssertEqual(data.subset([4, 0]).examples.map { $0.targets[0] }, [8, 0])
    }

    func testSplitOfTooFewExamplesIsAnError() {
        let data = RegressionDataset(examples: [RegressionExample(inputs: [1], steps: 1, targets: [1])],
                                     featureCount: 1, outputCount: 1, perStep: true)
        var rng = RandomGenerator(seed: 3)
        XCTAssertThrowsError(try data.split(fraction: 0.5, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message,
                           "splitting 1 examples at 0.5 leaves an empty part; use more data or a fraction nearer 0.5")
        }
        XCTAssertThrowsError(try data.split(fraction: -0.1, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "split fraction must be between 0 and 1 (exclusive), got -0.1")
        }
    }
}
