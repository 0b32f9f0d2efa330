import UnrollData
import XCTest
@testable import UnrollInterpreter

final class TextCodecTests: XCTestCase {
    func testCharacterCodecsRoundTripAndLeaveOutPadding() throws {
        let corpus = try TextCorpus(text: "abcab", unit: .char)
        let codec = TextCodec(corpus)
        let ids = codec.encode("cab")
        XCTAssertEqual(codec.decode(ids), "cab")
        XCTAssertEqual(codec.decode([0] + ids + [1]), "cab<unk>")
        XCTAssertEqual(codec.encode("z"), [1])
    }

    func testWordCodecsJoinWithSpaces() throws {
        let corpus = try TextCorpus(text: "The cat, the dog", unit: .word, lowercase: true)
        let codec = TextCodec(corpus)
        XCTAssertEqual(codec.tokens("THE Cat!"), ["the", "cat", "!"])
        XCTAssertEqual(codec.decode(codec.encode("the dog")), "the dog")
    }

    func testTaggedCodecsReadCharactersWhenEveryTokenIsOne() {
        let chars = TextCodec.tagged(Vocabulary(symbols: ["我", "们"]), lowercase: false)
        XCTAssertEqual(chars.tokens("我们 在"), ["我", "们", " ", "在"])
        let words = TextCodec.tagged(Vocabulary(symbols: ["Alice", "went", "U.S."]), lowercase: true)
        XCTAssertEqual(words.tokens("Alice went to the U.S."), ["alice", "went", "to", "the", "u.s."])
    }
}
