import XCTest
import UnrollData
import UnrollTensor

final class AdditionTaskTests: XCTestCase {
    func testSourcesAreSumsAndTargetsTheirValues() throws {
        var rng = RandomGenerator(seed: 8)
        let data = try SyntheticTasks.addition(count: 100, digits: 3, rng: &rng)
        XCTAssertEqual(data.sourceUnit, .char)
        XCTAssertEqual(data.sourceVocabulary.tokens.suffix(11), ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+"])
        XCTAssertEqual(data.targetVocabulary.endIndex, 3)
        var sawThreeDigitOperand = false
        for example in data.examples {
            let question = data.decodeSource(example.source)
            let parts = question.split(separator: "+").map { Int($0)! }
            XCTAssertEqual(parts.count, 2)
            XCTAssertTrue(parts.allSatisfy { (0..<1000).contains($0) })
            if parts.contains(where: { $0 >= 100 }) { sawThreeDigitOperand = true }
            XCTAssertEqual(data.decodeTarget(example.target), String(parts[0] + parts[1]))
        }
        XCTAssertTrue(sawThreeDigitOperand)
    }

    func testGoldenValuesForASeed() throws {
        var rng = RandomGenerator(seed: 2024)
        let data = try SyntheticTasks.addition(count: 3, digits: 2, rng: &rng)
        XCTAssertEqual(data.examples.map { data.decodeSource($0.source) }, ["5+78", "7+15", "77+24"])
        XCTAssertEqual(data.examples.map { data.decodeTarget($0.target) }, ["83", "22", "101"])
    }

    func testBadDigits() {
        var rng = RandomGenerator(seed: 1)
        XCTAssertThrowsError(try SyntheticTasks.addition(count: 5, digits: 0, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "addition: digits must be between 1 and 9, got 0")
        }
        XCTAssertThrowsError(try SyntheticTasks.addition(count: 5, digits: 12, rng: &rng))
    }
}
