import XCTest
@testable import UnrollReport

final class HTMLNodeTests: XCTestCase {
    func testTextAndAttributesAreEscaped() {
        let node = HTMLNode.el("a", ["title": "say \"hi\" & <bye>"], text: "<script>alert('x')</script> & co")
        XCTAssertEqual(
            node.render(),
            "<a title=\"say &quot;hi&quot; &amp; &lt;bye&gt;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</a>")
    }

    func testRawIsWrittenAsIs() {
        XCTAssertEqual(HTMLNode.el("div", [:], [.raw("<p>ok</p>")]).render(), "<div><p>ok</p></div>")
    }

    func testVoidAndSelfClosingElements() {
        XCTAssertEqual(HTMLNode.el("meta", ["charset": "utf-8"]).render(), "<meta charset=\"utf-8\">")
        XCTAssertEqual(HTMLNode.el("path", ["d": "M0 0"]).render(), "<path d=\"M0 0\"/>")
        XCTAssertEqual(HTMLNode.el("th").render(), "<th></th>")
        XCTAssertEqual(HTMLNode.fragment([.text("a"), .newline, .text("b")]).render(), "a\nb")
    }

    func testAttributeOrderIsKept() {
        XCTAssertEqual(HTMLNode.el("x", ["b": "1", "a": "2"]).render(), "<x b=\"1\" a=\"2\"></x>")
    }

    func testControlCharactersAreReplaced() {
        XCTAssertEqual(HTMLEscaping.escape("a\u{01}b\tc\n"), "a\u{FFFD}b\tc\n")
    }
}
