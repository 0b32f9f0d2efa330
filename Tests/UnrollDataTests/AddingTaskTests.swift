import XCTest
import UnrollData
import UnrollTensor

final class AddingTaskTests: XCTestCase {
    func testTargetsAreTheSumOfTheTwoMarkedValues() throws {
        var rng = RandomGenerator(seed: 5)
        let data = try SyntheticTasks.adding(count: 200, length: 2...30, rng: &rng)
        XCTAssertEqual(data.count, 200)
        XCTAssertEqual(data.featureCount, 2)
        XCTAssertEqual(data.outputCount, 1)
        XCTAssertFalse(data.perStep)
        var lengths = Set<Int>()
        for example in data.examples {
            let steps = example.steps
            lengths.insert(steps)
            XCTAssertTrue((2...30).contains(steps))
            let marked = (0..<steps).filter { example.inputs[2 * $0 + 1] == 1 }
            XCTAssertEqual(marked.count, 2)
            XCTAssertTrue((0..<steps).allSatisfy { [0, 1].contains(example.inputs[2 * $0 + 1]) })
            XCTAssertLessThan(marked[0], steps / 2)
            XCTAssertGreaterThanOrEqual(marked[1], steps / 2)
            XCTAssertTrue((0..<steps).allSatisfy { (0..<1).contains(example.inputs[2 * $0]) })
            XCTAssertEqual(example.targets, [example.inputs[2 * marked[0]] + example.inputs[2 * marked[1]]])
        }
        XCTAssertGreaterThan(lengths.count, 20)
    }

    func testGoldenValuesForASeed() throws {
        var rng = RandomGenerator(seed: 2024)
        let data = try SyntheticTasks.adding(count: 2, length: 4, rng: &rng)
        XCTAssertEqual(data.examples.map(\.steps), [4, 4])
        XCTAssertEqual(data.examples[0].inputs, [0.7821037, 1, 0.07205492, 0, 0.15971583, 1, 0.77365035, 0])
        XCTAssertEqual(data.examples[0].targets, [0.7821037 + 0.15971583])
    }

    func testBadArguments() {
        var rng = RandomGenerator(seed: 1)
        XCTAssertThrowsError(try SyntheticTasks.adding(count: 0, length: 5, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "adding: count must be at least 1, got 0")
        }
        XCTAssertThrowsError(try SyntheticTasks.adding(count: 3, length: 1...5, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "adding: length must be at least 2, got 1...5")
        }
    }
}
