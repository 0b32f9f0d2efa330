import XCTest
import UnrollData
import UnrollTestSupport

final class TextCorpusTests: XCTestCase {
    func testCharacterCorpusIsOneStream() throws {
        let corpus = try TextCorpus(text: "abca\nb", unit: .char)
        XCTAssertEqual(corpus.vocabulary.tokens, ["<pad>", "<unk>", "a", "b", "\n", "c"])
        XCTAssertEqual(corpus.ids, [2, 3, 5, 2, 4, 3])
        XCTAssertEqual(corpus.count, 6)
        XCTAssertEqual(corpus.text, "abca\nb")
        XCTAssertEqual(corpus.detokenize([2, 5, 4, 0, 1]), "ac\n<unk>")
        XCTAssertEqual(corpus.encode("cab!"), [5, 2, 3, 1])
    }

    func testWordCorpusLowercasesAndJoinsWithSpaces() throws {
        let corpus = try TextCorpus(text: "The cat. The dog!", unit: .word, lowercase: true)
        XCTAssertEqual(corpus.tokens, ["the", "cat", ".", "the", "dog", "!"])
        XCTAssertEqual(corpus.vocabulary.tokens, ["<pad>", "<unk>", "the", "!", ".", "cat", "dog"])
        XCTAssertEqual(corpus.detokenize(corpus.ids), "the cat . the dog !")
    }

    func testSplitIsContiguousAndSharesTheVocabulary() throws {
        let corpus = try TextCorpus(text: "0123456789", unit: .char)
        let (train, valid) = try corpus.split(fraction: 0.7)
        XCTAssertEqual(train.tokens, ["0", "1", "2", "3", "4", "5", "6"])
        XCTAssertEqual(valid.tokens, ["7", "8", "9"])
        XCTAssertEqual(train.ids + valid.ids, corpus.ids)
        XCTAssertEqual(train.vocabulary, corpus.vocabulary)
        XCTAssertEqual(valid.vocabulary, corpus.vocabulary)
        XCTAssertEqual(valid.text, "789")
    }

    func testSplitErrors() throws {
        let corpus = try TextCorpus(text: "abcd", unit: .char, name: "tiny.txt")
        XCTAssertThrowsError(try corpus.split(fraction: 1.0)) { error in
            XCTAssertEqual((error as? DataError)?.message,
                           "tiny.txt: split fraction must be between 0 and 1 (exclusive), got 1.0")
        }
        XCTAssertThrowsError(try corpus.split(fraction: 0.9)) { error in
            XCTAssertEqual((error as? DataError)?.message, "tiny.txt: splitting 4 tokens at 0.9 leaves a part "
                + "with fewer than 2 tokens; use more data or a fraction nearer 0.5")
        }
        XCTAssertThrowsError(try corpus.split(fraction: .nan))
    }

    func testFixedVocabularyMapsUnseenTokensToUnknown() throws {
        let train = try TextCorpus(text: "aab", unit: .char)
        let other = try TextCorpus(text: "abz", unit: .char, vocabulary: train.vocabulary)
        XCTAssertEqual(other.ids, [2, 3, 1])
        XCTAssertEqual(other.vocabulary, train.vocabulary)
    }

    func testFileLoadingAndEmptyText() throws {
        let folder = TemporaryFolder()
        let path = folder.write("t.txt", "hi\r\nyo")
        let corpus = try TextCorpus(contentsOfFile: path, unit: .char)
        XCTAssertEqual(corpus.text, "hi\nyo")
        XCTAssertEqual(corpus.name, path)
        let blank = folder.write("blank.txt", " \n ")
        XCTAssertThrowsError(try TextCorpus(contentsOfFile: blank, unit: .word)) { error in
            XCTAssertEqual(error as? DataError, DataError("has no word tokens", file: blank))
        }
    }
}
