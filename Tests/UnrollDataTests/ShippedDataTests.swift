import XCTest
import UnrollData
import UnrollTensor
import UnrollTestSupport

/// Loads the files in notebooks/data the way the notebooks do, so a broken data file fails here first.
final class ShippedDataTests: XCTestCase {
    func path(_ name: String) -> String { repositoryRoot + "/notebooks/data/" + name }

    func testPoemsCorpus() throws {
        let corpus = try TextCorpus(contentsOfFile: path("poems.txt"), unit: .char)
        XCTAssertTrue((20_000...60_000).contains(corpus.count), "\(corpus.count) characters")
        XCTAssertFalse(corpus.text.contains("\u{1B}"), "colour codes left in poems.txt")
        XCTAssertTrue(corpus.text.contains("床前明月光，疑是地上霜。"))
        XCTAssertEqual(corpus.encode("床前").contains(corpus.vocabulary.unknownIndex), false)
    }

    func testDhammapadaCorpus() throws {
        let corpus = try TextCorpus(contentsOfFile: path("dhammapada.txt"), unit: .char)
        XCTAssertTrue((50_000...200_000).contains(corpus.count))
        XCTAssertLessThan(corpus.vocabulary.count, 80)
        let (train, valid) = try corpus.split(fraction: 0.9)
        XCTAssertEqual(train.count + valid.count, corpus.count)
    }

    func testSpamCSV() throws {
        let data = try ClassificationDataset(contentsOfFile: path("spam.csv"))
        XCTAssertEqual(data.labelNames, ["ham", "spam"])
        XCTAssertEqual(data.count, 1200)
        let counts = data.classCounts
        XCTAssertTrue(counts[1] > 300 && counts[1] < 500, "\(counts)")
    }

    func testSegmentationFile() throws {
        let data = try TaggingDataset(contentsOfFile: path("segmentation.txt"), tagNames: BMESTagging.tagNames)
        XCTAssertEqual(data.count, 600)
        XCTAssertEqual(data.tagNames, ["B", "E", "M", "S"])
    }

    func testTranslationFile() throws {
        let data = try SequencePairDataset(contentsOfFile: path("translation.tsv"))
        XCTAssertEqual(data.count, 800)
        XCTAssertEqual(data.targetVocabulary.beginIndex, 2)
        var rng = RandomGenerator(seed: 1)
        let (train, test) = try data.split(fraction: 0.9, rng: &rng)
        XCTAssertEqual([train.count, test.count], [720, 80])
    }
}
