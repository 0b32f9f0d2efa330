import XCTest
import UnrollData

final class TokenUnitTests: XCTestCase {
    func testCharactersAreGraphemeClustersWithNewlineTokens() {
        let tokens = TokenUnit.char.tokenize("床前 e\u{301}👍🏽\r\nA\rb\n")
        XCTAssertEqual(tokens, ["床", "前", " ", "e\u{301}", "👍🏽", "\n", "A", "\n", "b", "\n"])
        XCTAssertEqual(TokenUnit.char.tokenize("AbC", lowercase: true), ["a", "b", "c"])
        XCTAssertEqual(TokenUnit.char.join(["a", "\n", "b"]), "a\nb")
    }

    func testWordsSplitOnWhitespaceAndPunctuation() {
        XCTAssertEqual(TokenUnit.word.tokenize("Hello, world!  Don't\tstop\n(now)."),
                       ["Hello", ",", "world", "!", "Don", "'", "t", "stop", "(", "now", ")", "."])
        XCTAssertEqual(TokenUnit.word.tokenize("WIN £1000 now", lowercase: true), ["win", "£", "1000", "now"])
        XCTAssertEqual(TokenUnit.word.tokenize("12+7=19"), ["12", "+", "7", "=", "19"])
        XCTAssertEqual(TokenUnit.word.tokenize("我爱北京。你好"), ["我爱北京", "。", "你好"])
        XCTAssertEqual(TokenUnit.word.tokenize("   \n "), [])
        XCTAssertEqual(TokenUnit.word.join(["a", "b", "."]), "a b .")
    }

    func testNamedUnits() throws {
        XCTAssertEqual(try TokenUnit.named("chars"), .char)
        XCTAssertEqual(try TokenUnit.named("Word"), .word)
        XCTAssertThrowsError(try TokenUnit.named("chr")) { error in
            XCTAssertEqual((error as? DataError)?.message,
                           "unknown token unit 'chr'; did you mean 'char'? (available: 'char', 'word')")
        }
    }
}
