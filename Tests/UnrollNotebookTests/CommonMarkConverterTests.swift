import Foundation
import XCTest
@testable import UnrollNotebook

final class CommonMarkConverterTests: XCTestCase {
    func testTopLevelBlocksKeepOrderAndLines() {
        let text = "# Title\n\nSome *prose*.\n\n```python\nprint(1)\n```\n\n    indented\n    code\n\nEnd.\n"
        let document = CommonMarkConverter.convert(text)
        XCTAssertEqual(document.blocks.count, 5)
        XCTAssertEqual(document.blocks[0], .prose(MarkdownProse(html: "<h1>Title</h1>\n", startLine: 1, endLine: 1)))
        XCTAssertEqual(
            document.blocks[1], .prose(MarkdownProse(html: "<p>Some <em>prose</em>.</p>\n", startLine: 3, endLine: 3)))
        XCTAssertEqual(document.blocks[2], .code(MarkdownCode(
            info: "python", literal: "print(1)\n", startLine: 5, startColumn: 1, endLine: 7)))
        XCTAssertEqual(document.blocks[3], .code(MarkdownCode(
            info: "", literal: "indented\ncode\n", startLine: 9, startColumn: 5, endLine: 11)))
        XCTAssertEqual(document.blocks[4], .prose(MarkdownProse(html: "<p>End.</p>\n", startLine: 12, endLine: 12)))
        XCTAssertEqual(document.nestedCode, [])
    }

    func testUnterminatedFenceRunsToEndOfDocument() {
        let document = CommonMarkConverter.convert("Intro\n\n```rnn\nx = 1\ny = 2\n")
        XCTAssertEqual(document.blocks.count, 2)
        XCTAssertEqual(document.blocks[1], .code(MarkdownCode(
            info: "rnn", literal: "x = 1\ny = 2\n", startLine: 3, startColumn: 1, endLine: 5)))
    }

    func testNestedCodeBlocksAreListedSeparately() {
        let document = CommonMarkConverter.convert("> quoted\n>\n> ```rnn\n> x\n> ```\n\n- item\n\n  ~~~sh\n  ls\n  ~~~\n")
        XCTAssertEqual(document.blocks.count, 2)
        guard case .prose(let quote) = document.blocks[0], case .prose(let list) = document.blocks[1] else {
            return XCTFail("expected two prose blocks, got \(document.blocks)")
        }
        XCTAssertEqual(quote.startLine, 1)
        XCTAssertEqual(quote.endLine, 5)
        XCTAssertTrue(quote.html.contains("<code class=\"language-rnn\">x\n</code>"), quote.html)
        XCTAssertEqual(list.startLine, 7)
        XCTAssertEqual(document.nestedCode.map(\.info), ["rnn", "sh"])
        XCTAssertEqual(document.nestedCode.map(\.startLine), [3, 9])
        XCTAssertEqual(document.nestedCode.map(\.startColumn), [3, 3])
    }

    func testRawHTMLIsOmittedAndJavascriptLinksEmptied() {
        let html = CommonMarkConverter.renderHTML(
            "<script>alert(1)</script>\n\nA [link](javascript:alert(2)) and <b>bold</b> and [ok](https://example.org).\n")
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("javascript:"), html)
        XCTAssertFalse(html.contains("<b>"), html)
        XCTAssertEqual(html, """
            <!-- raw HTML omitted -->
            <p>A <a href="">link</a> and <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> and \
            <a href="https://example.org">ok</a>.</p>

            """)
    }

    func testTextIsEscaped() {
        XCTAssertEqual(CommonMarkConverter.renderHTML("1 < 2 & \"x\"\n"), "<p>1 &lt; 2 &amp; &quot;x&quot;</p>\n")
    }

    func testEmptyDocument() {
        XCTAssertEqual(CommonMarkConverter.convert(""), MarkdownDocument(blocks: [], nestedCode: []))
        XCTAssertEqual(CommonMarkConverter.renderHTML(""), "")
    }

    func testEmbeddedNulIsNotATerminator() {
        let document = CommonMarkConverter.convert("a\u{0}b\n\nc\n")
        XCTAssertEqual(document.blocks.count, 2)
        XCTAssertEqual(document.blocks[1].startLine, 3)
    }

    #if os(Linux)
    /// Resident memory in bytes, from /proc/self/statm.
    private func residentBytes() throws -> Int {
        let fields = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
        return (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Parsing and rendering many times must not grow memory: every tree, iterator and string is freed.
    func testFreesWhatItAllocates() throws {
        let text = String(repeating: "# Head\n\nText with [a link](https://example.org) and *emphasis*.\n\n"
            + "```rnn id=x\ncode\n```\n\n- a\n- b\n\n> quote\n\n", count: 20)
        for _ in 0..<20 { _ = CommonMarkConverter.convert(text) }
        let before = try residentBytes()
        for _ in 0..<500 {
            XCTAssertEqual(CommonMarkConverter.convert(text).blocks.count, 100)
        }
        let growth = try residentBytes() - before
        // One leaked tree of this document is tens of kilobytes, so 500 of them would be many megabytes.
        XCTAssertLessThan(growth, 4 << 20, "resident memory grew by \(growth) bytes")
    }
    #endif
}
