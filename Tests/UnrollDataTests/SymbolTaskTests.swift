import XCTest
import UnrollData
import UnrollTensor

/// Tests of the copy, reverse and sort tasks, which share one generator.
final class SymbolTaskTests: XCTestCase {
    func symbols(_ ids: [Int], _ vocabulary: Vocabulary) -> [Int] {
        vocabulary.decode(ids).map { Int($0)! }
    }

    func testCopy() throws {
        var rng = RandomGenerator(seed: 9)
        let data = try SyntheticTasks.copy(count: 50, length: 3...6, vocabulary: 5, rng: &rng)
        XCTAssertEqual(data.sourceVocabulary.tokens, ["<pad>", "<unk>", "0", "1", "2", "3", "4"])
        XCTAssertEqual(data.targetVocabulary.tokens, ["<pad>", "<unk>", "<bos>", "<eos>", "0", "1", "2", "3", "4"])
        XCTAssertEqual(data.sourceUnit, .word)
        for example in data.examples {
            XCTAssertTrue((3...6).contains(example.source.count))
            XCTAssertEqual(symbols(example.target, data.targetVocabulary), symbols(example.source, data.sourceVocabulary))
        }
        XCTAssertEqual(Set(data.examples.map(\.source.count)), [3, 4, 5, 6])
    }

    func testReverse() throws {
        var rng = RandomGenerator(seed: 9)
        let data = try SyntheticTasks.reverse(count: 50, length: 4...10, vocabulary: 12, rng: &rng)
        for example in data.examples {
            XCTAssertEqual(symbols(example.target, data.targetVocabulary),
                           symbols(example.source, data.sourceVocabulary).reversed())
        }
        XCTAssertEqual(data.encodeSource("3 1 11"), [5, 3, 13])
        XCTAssertEqual(data.decodeTarget([2, 15, 3]), "11")
    }

    func testSort() throws {
        var rng = RandomGenerator(seed: 9)
        let data = try SyntheticTasks.sort(count: 50, length: 5, vocabulary: 12, rng: &rng)
        for example in data.examples {
            XCTAssertEqual(example.source.count, 5)
            XCTAssertEqual(symbols(example.target, data.targetVocabulary),
                           symbols(example.source, data.sourceVocabulary).sorted())
        }
    }

    func testGoldenValuesForASeed() throws {
        var rng = RandomGenerator(seed: 2024)
        let data = try SyntheticTasks.reverse(count: 3, length: 2...5, vocabulary: 10, rng: &rng)
        XCTAssertEqual(data.examples.map { data.decodeSource($0.source) }, ["7 0", "7 2", "2 5 0"])
        XCTAssertEqual(data.examples.map { data.decodeTarget($0.target) }, ["0 7", "2 7", "0 5 2"])
        var again = RandomGenerator(seed: 2024)
        XCTAssertEqual(try SyntheticTasks.reverse(count: 3, length: 2...5, vocabulary: 10, rng: &again).examples,
                       data.examples)
    }

    func testSplitWorksOnTasks() throws {
        var rng = RandomGenerator(seed: 4)
        let data = try SyntheticTasks.copy(count: 10, length: 3, vocabulary: 4, rng: &rng)
        let (train, test) = try data.split(fraction: 0.9, rng: &rng)
        XCTAssertEqual(train.count, 9)
        XCTAssertEqual(test.count, 1)
        XCTAssertEqual(test.targetVocabulary, data.targetVocabulary)
    }

    func testBadArguments() {
        var rng = RandomGenerator(seed: 1)
        XCTAssertThrowsError(try SyntheticTasks.copy(count: 5, length: 0...3, vocabulary: 5, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "copy: length must be at least 1, got 0...3")
        }
        XCTAssertThrowsError(try SyntheticTasks.reverse(count: 5, length: 3, vocabulary: 1, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "reverse: vocabulary must have at least 2 symbols, got 1")
        }
        XCTAssertThrowsError(try SyntheticTasks.sort(count: -1, length: 3, vocabulary: 4, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "sort: count must be at least 1, got -1")
        }
        // A full-width range is named in the message without counting it (issue 9, item 3).
        XCTAssertThrowsError(try SyntheticTasks.copy(count: 5, length: Int.min...Int.max, vocabulary: 5, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message,
                           "copy: length must be at least 1, got -9223372036854775808...9223372036854775807")
        }
    }
}
