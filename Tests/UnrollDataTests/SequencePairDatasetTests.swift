import XCTest
import UnrollData

final class SequencePairDatasetTests: XCTestCase {
    func testReadsTabSeparatedPairsWithSeparateVocabularies() throws {
        let tsv = "the dog\tkana le\n\na cat\tmiro un\tattribution ignored\r\nthe cat\tmiro le\n"
        let data = try SequencePairDataset(tsv: tsv, name: "p.tsv")
        XCTAssertEqual(data.count, 3)
        XCTAssertEqual(data.sourceVocabulary.tokens, ["<pad>", "<unk>", "cat", "the", "a", "dog"])
        XCTAssertEqual(data.targetVocabulary.tokens, ["<pad>", "<unk>", "<bos>", "<eos>", "le", "miro", "kana", "un"])
        XCTAssertEqual(data.examples[0], SequencePairExample(source: [3, 5], target: [6, 4]))
        XCTAssertEqual(data.examples[1], SequencePairExample(source: [4, 2], target: [5, 7]))
        XCTAssertEqual(data.encodeSource("the bird"), [3, 1])
        XCTAssertEqual(data.decodeSource([3, 0, 1]), "the <unk>")
        XCTAssertEqual(data.decodeTarget([2, 6, 4, 3, 5, 5]), "kana le")
    }

    func testCharacterUnits() throws {
        let data = try SequencePairDataset(tsv: "ab\tBA\n", sourceUnit: .char, targetUnit: .char, lowercase: true)
        XCTAssertEqual(data.targetVocabulary.decode(data.examples[0].target), ["b", "a"])
        XCTAssertEqual(data.decodeTarget(data.examples[0].target), "ba")
    }

    func testErrors() {
        XCTAssertThrowsError(try SequencePairDataset(tsv: "a\tb\nno tab here\n", name: "p.tsv")) {
            XCTAssertEqual(($0 as? DataError)?.message, "p.tsv:2: expected 'source<TAB>target', found no tab")
        }
        XCTAssertThrowsError(try SequencePairDataset(tsv: "a\t \n", name: "p.tsv")) {
            XCTAssertEqual(($0 as? DataError)?.message, "p.tsv:1: empty target side")
        }
        XCTAssertThrowsError(try SequencePairDataset(tsv: "\tb\n", name: "p.tsv")) {
            XCTAssertEqual(($0 as? DataError)?.message, "p.tsv:1: empty source side")
        }
        XCTAssertThrowsError(try SequencePairDataset(tsv: "\n  \n", name: "p.tsv")) {
            XCTAssertEqual(($0 as? DataError)?.message, "p.tsv: has no source<TAB>target pairs")
        }
        XCTAssertThrowsError(try SequencePairDataset(contentsOfFile: "/nonexistent/t.tsv")) {
            XCTAssertEqual(($0 as? DataError)?.reason, "no such file")
        }
    }
}
