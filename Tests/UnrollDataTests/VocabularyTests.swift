import XCTest
import UnrollData

final class VocabularyTests: XCTestCase {
    func testCountingOrdersByFrequencyThenToken() {
        let v = Vocabulary(counting: [["b", "a", "c", "a"], ["c", "d", "a"]])
        XCTAssertEqual(v.tokens, ["<pad>", "<unk>", "a", "c", "b", "d"])
        XCTAssertEqual(v.count, 6)
        XCTAssertEqual(v.padIndex, 0)
        XCTAssertEqual(v.unknownIndex, 1)
        XCTAssertNil(v.beginIndex)
        XCTAssertNil(v.endIndex)
        XCTAssertEqual(v.index(of: "c"), 3)
        XCTAssertEqual(v.index(of: "zebra"), 1)
        XCTAssertEqual(v.encode(["d", "a", "?"]), [5, 2, 1])
        XCTAssertEqual(v.decode([5, 2, 1, 0, 99, -1]), ["d", "a", "<unk>", "<pad>", "<unk>", "<unk>"])
    }

    func testSpecialsTakeIdsTwoAndThree() {
        let v = Vocabulary(counting: [["x", "y", "y"]], specials: true)
        XCTAssertEqual(v.tokens, ["<pad>", "<unk>", "<bos>", "<eos>", "y", "x"])
        XCTAssertEqual(v.beginIndex, 2)
        XCTAssertEqual(v.endIndex, 3)
        XCTAssertEqual(v.reservedCount, 4)
        XCTAssertTrue(v.isReserved(3))
        XCTAssertFalse(v.isReserved(4))
    }

    func testMinFrequencyAndMaxSize() {
        let sequences = [["a", "a", "a", "b", "b", "c", "d", "d"]]
        XCTAssertEqual(Vocabulary(counting: sequences, minFrequency: 2).tokens, ["<pad>", "<unk>", "a", "b", "d"])
        XCTAssertEqual(Vocabulary(counting: sequences, maxSize: 4).tokens, ["<pad>", "<unk>", "a", "b"])
        XCTAssertEqual(Vocabulary(counting: sequences, maxSize: 1).tokens, ["<pad>", "<unk>"])
        XCTAssertEqual(Vocabulary(counting: sequences, minFrequency: 0).count, 6)
    }

    func testReservedNamesInDataAreNotDuplicated() {
        let v = Vocabulary(counting: [["<unk>", "<pad>", "z"]])
        XCTAssertEqual(v.tokens, ["<pad>", "<unk>", "z"])
        XCTAssertEqual(v.index(of: "<pad>"), 0)
    }

    func testUnicodeTiesAreOrderedByCodePoint() {
        let v = Vocabulary(counting: [["é", "z", "e", "中", "a"]])
        XCTAssertEqual(Array(v.tokens.dropFirst(2)), ["a", "e", "z", "é", "中"])
    }

    func testSymbolsKeepTheirOrder() {
        let v = Vocabulary(symbols: ["3", "1", "2", "1", "<pad>"], specials: true)
        XCTAssertEqual(v.tokens, ["<pad>", "<unk>", "<bos>", "<eos>", "3", "1", "2"])
        XCTAssertTrue(v.contains("2"))
        XCTAssertFalse(v.contains("4"))
        XCTAssertEqual(v, Vocabulary(symbols: ["3", "1", "2"], specials: true))
        XCTAssertNotEqual(v, Vocabulary(symbols: ["3", "1", "2"]))
    }
}
