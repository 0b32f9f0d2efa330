import XCTest
@testable import UnrollNotebook

final class SourceTextTests: XCTestCase {
    func testLineEndingsAreNormalised() {
        let text = SourceText("a\r\nb\rc\nd")
        XCTAssertEqual(text.text, "a\nb\nc\nd")
        XCTAssertEqual(text.lines, ["a", "b", "c", "d"])
    }

    func testFinalNewlineDoesNotAddALine() {
        XCTAssertEqual(SourceText("a\nb\n").lineCount, 2)
        XCTAssertEqual(SourceText("a\n\n").lines, ["a", ""])
        XCTAssertEqual(SourceText("").lineCount, 0)
    }

    func testByteOrderMarkIsDropped() {
        XCTAssertEqual(SourceText("\u{FEFF}---\nx\n").lines, ["---", "x"])
    }

    func testLinesAndSlices() {
        let text = SourceText("one\ntwo\n  \nfour\n")
        XCTAssertEqual(text.line(2), "two")
        XCTAssertNil(text.line(0))
        XCTAssertNil(text.line(5))
        XCTAssertEqual(text.slice(from: 2, through: 4), "two\n  \nfour\n")
        XCTAssertEqual(text.slice(from: 3, through: 9), "  \nfour\n")
        XCTAssertEqual(text.slice(from: 3, through: 2), "")
        XCTAssertTrue(text.isBlank(3))
        XCTAssertFalse(text.isBlank(4))
        XCTAssertTrue(text.isBlank(7))
    }

    func testBlankingKeepsLineCount() {
        let text = SourceText("---\ntitle: x\n---\nbody\n")
        XCTAssertEqual(text.blankingLines(from: 1, through: 3), "\n\n\nbody\n")
    }
}
