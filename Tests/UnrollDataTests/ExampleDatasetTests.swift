import XCTest
import UnrollData
import UnrollTensor

final class ExampleDatasetTests: XCTestCase {
    func dataset(_ n: Int) -> SequencePairDataset {
        let v = Vocabulary(symbols: SyntheticTasks.symbols(n))
        let examples = (0..<n).map { SequencePairExample(source: [$0 + 2], target: [$0 + 2]) }
        return SequencePairDataset(examples: examples, sourceVocabulary: v, targetVocabulary: v,
                                   sourceUnit: .word, targetUnit: .word)
    }

    func testSplitSizesRoundAndPartsPartitionTheExamples() throws {
        let data = dataset(10)
        var rng = RandomGenerator(seed: 11)
        let (train, test) = try data.split(fraction: 0.75, rng: &rng)
        XCTAssertEqual([train.count, test.count], [8, 2])
        XCTAssertEqual((train.examples + test.examples).map(\.source[0]).sorted(), Array(2..<12))
    }

    func testSplitIsFixedBySeedAndAdvancesTheGenerator() throws {
        let data = dataset(6)
        var rng = RandomGenerator(seed: 2024)
        let first = try data.split(fraction: 0.5, rng: &rng)
        let second = try data.split(fraction: 0.5, rng: &rng)
        XCTAssertEqual(first.train.examples.map { $0.source[0] - 2 }, [2, 1, 4])
        XCTAssertNotEqual(first.train.examples, second.train.examples)
    }

    func testSubsetKeepsMetadata() {
        let data = dataset(4)
        let part = data.subset([3, 1])
        XCTAssertEqual(part.examples.map(\.source), [[5], [3]])
        XCTAssertEqual(part.sourceVocabulary, data.sourceVocabulary)
    }

    func testBadFractions() {
        let data = dataset(4)
        var rng = RandomGenerator(seed: 1)
        for fraction in [0.0, 1.0, -2, .infinity] {
            XCTAssertThrowsError(try data.split(fraction: fraction, rng: &rng)) {
                XCTAssertEqual(($0 as? DataError)?.message,
                               "split fraction must be between 0 and 1 (exclusive), got \(fraction)")
            }
        }
        XCTAssertThrowsError(try data.split(fraction: 0.1, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message,
                           "splitting 4 examples at 0.1 leaves an empty part; use more data or a fraction nearer 0.5")
        }
    }
}
