import XCTest
@testable import UnrollNotebook

final class FenceLineTests: XCTestCase {
    func testWordsAndColumns() throws {
        let fence = try XCTUnwrap(FenceLine("```rnn id=train  timeout=120"))
        XCTAssertEqual(fence.fenceCharacter, "`")
        XCTAssertEqual(fence.fenceLength, 3)
        XCTAssertEqual(fence.language, "rnn")
        XCTAssertEqual(fence.words, [
            FenceLine.Word(text: "rnn", column: 4),
            FenceLine.Word(text: "id=train", column: 8),
            FenceLine.Word(text: "timeout=120", column: 18),
        ])
    }

    func testIndentedTildeFenceWithTabAndSpaceBeforeInfo() throws {
        let fence = try XCTUnwrap(FenceLine("  ~~~~ rnn\techo=false"))
        XCTAssertEqual(fence.fenceCharacter, "~")
        XCTAssertEqual(fence.fenceLength, 4)
        XCTAssertEqual(fence.words.map(\.column), [8, 12])
    }

    func testColumnsCountUnicodeScalars() throws {
        let fence = try XCTUnwrap(FenceLine("```rnn id=é x=1"))
        XCTAssertEqual(fence.words.map(\.column), [4, 8, 13])
    }

    func testNotAFence() {
        XCTAssertNil(FenceLine("    ```rnn"))
        XCTAssertNil(FenceLine("``rnn"))
        XCTAssertNil(FenceLine("plain text"))
        XCTAssertNil(FenceLine(""))
    }

    func testBareFenceHasNoLanguage() throws {
        XCTAssertEqual(try XCTUnwrap(FenceLine("```")).language, "")
    }
}
