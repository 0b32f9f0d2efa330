import XCTest
@testable import UnrollReport

final class MarkdownEscapingTests: XCTestCase {
    func testInlineEscapesMarkupAndFlattensLines() {
        XCTAssertEqual(MarkdownEscaping.inline("<script>*x*_y_ a|b\nc [l](u) &amp; #1"),
                       "\\<script\\>\\*x\\*\\_y\\_ a\\|b c \\[l\\](u) \\&amp; \\#1")
        XCTAssertEqual(MarkdownEscaping.inline("cross-entropy 0.5"), "cross-entropy 0.5")
    }

    func testCodeSpanOutgrowsBackticks() {
        XCTAssertEqual(MarkdownEscaping.codeSpan("a.md"), "`a.md`")
        XCTAssertEqual(MarkdownEscaping.codeSpan("a`b"), "``a`b``")
        XCTAssertEqual(MarkdownEscaping.codeSpan("`x"), "`` `x ``")
    }

    func testFencesOutgrowBacktickRuns() {
        XCTAssertEqual(MarkdownEscaping.fence(for: "plain"), "```")
        XCTAssertEqual(MarkdownEscaping.fence(for: "```rnn\nx\n```"), "````")
        XCTAssertEqual(MarkdownEscaping.codeBlock("x = 1", language: "rnn"), "```rnn\nx = 1\n```\n")
        XCTAssertEqual(MarkdownEscaping.codeBlock("a\n````\n", language: "text"), "`````text\na\n````\n`````\n")
    }
}
