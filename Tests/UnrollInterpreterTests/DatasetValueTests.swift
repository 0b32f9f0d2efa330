import UnrollData
import UnrollTensor
import XCTest
@testable import UnrollInterpreter

final class DatasetValueTests: XCTestCase {
    func testTheStandardSplitIsDrawnOnceAndCoversEveryExampleOnce() throws {
        var rng = RandomGenerator(seed: 1)
        let pairs = try SyntheticTasks.copy(count: 30, length: 3, vocabulary: 6, rng: &rng)
        let data = DatasetValue(.pairs(pairs), origin: "task.copy")
        let first = try data.standardParts(rng: &rng)
        let again = try data.standardParts(rng: &rng)
        XCTAssertTrue(first.train === again.train && first.test === again.test)
        XCTAssertEqual(first.train.count, 27)
        XCTAssertEqual(first.test.count, 3)
        guard case .pairs(let train) = first.train.content, case .pairs(let test) = first.test.content else {
            return XCTFail("the parts keep their kind")
        }
        XCTAssertEqual((train.examples + test.examples).map(\.source).sorted { $0.lexicographicallyPrecedes($1) },
                       pairs.examples.map(\.source).sorted { $0.lexicographicallyPrecedes($1) })
    }

    func testFactsLabelsAndCodecsFollowTheKind() throws {
        var rng = RandomGenerator(seed: 2)
        let sums = DatasetValue(.sequences(try SyntheticTasks.adding(count: 3, length: 4, rng: &rng)), origin: "task.adding")
        XCTAssertEqual(sums.facts.inputs, 2)
        XCTAssertEqual(sums.facts.origin, "task.adding")
        XCTAssertNil(sums.codec)
        XCTAssertNil(sums.labelNames)
        let reverse = DatasetValue(.pairs(try SyntheticTasks.reverse(count: 3, length: 2, vocabulary: 3, rng: &rng)),
                                   origin: "task.reverse")
        XCTAssertEqual(reverse.labelNames, ["0", "1", "2"])
        XCTAssertEqual(reverse.codec?.encode("2 0"), [4, 2])
    }
}
