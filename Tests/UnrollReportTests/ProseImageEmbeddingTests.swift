import XCTest
@testable import UnrollReport

/// What prose images become in the HTML report (issue 9, item 10): local images as data URIs of their sniffed
/// format, remote ones as a link with a note, and nothing that would make a browser request anything.
final class ProseImageEmbeddingTests: XCTestCase {
    private let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]

    func testFormatsAreSniffedFromTheBytes() {
        XCTAssertEqual(ImageFormat.sniff(png), .png)
        XCTAssertEqual(ImageFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0]), .jpeg)
        XCTAssertEqual(ImageFormat.sniff(Array("GIF89a\u{1}\u{0}".utf8)), .gif)
        XCTAssertEqual(ImageFormat.sniff(Array("GIF87a".utf8)), .gif)
        XCTAssertEqual(ImageFormat.sniff(Array("RIFF\u{4}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)), .webp)
        XCTAssertEqual(ImageFormat.sniff(Array("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE svg>\n<svg xmlns=\"x\"/>".utf8)), .svg)
        XCTAssertEqual(ImageFormat.sniff(Array("<svg>".utf8)), .svg)
        XCTAssertNil(ImageFormat.sniff(Array("<svgx/>".utf8)))
        XCTAssertNil(ImageFormat.sniff(Array("<html><svg/></html>".utf8)))
        XCTAssertNil(ImageFormat.sniff(Array("RIFF\u{4}\u{0}\u{0}\u{0}WAVE".utf8)))
        XCTAssertNil(ImageFormat.sniff(Array("hello\n".utf8)))
        XCTAssertNil(ImageFormat.sniff([]))
        XCTAssertNil(ImageFormat.sniff([0x89, 0x50, 0x4E]))
    }

    func testEachImageBecomesWhatItsEmbeddingSays() {
        let html = "<p>A <img src=\"unroll-image:0\" alt=\"dot\" /> B <img src=\"unroll-image:1\" alt=\"a &amp; &lt;b&gt;\" "
            + "title=\"T\" /> C <img src=\"unroll-image:2\" alt=\"\" /> D <img src=\"unroll-image:3\" alt=\"big\" /> "
            + "E <img src=\"unroll-image:4\" alt=\"d\" /> F <img src=\"unroll-image:5\" alt=\"kept\" /></p>\n"
        let result = ProseImageEmbedding.apply([
            0: .file(path: "dot.png", bytes: png),
            1: .remote("https://h/y.png?q=1&r=\"2\""),
            2: .remote("//host/x.png"),
            3: .tooLarge(path: "big.png", size: 3 * 1_048_576),
            4: .inline("data:image/gif;base64,R0lG"),
        ], to: html)
        XCTAssertEqual(result, "<p>A <img src=\"data:image/png;base64,iVBORw0KGgoAAAAN\" alt=\"dot\" /> B "
            + "<a class=\"remote-image\" href=\"https://h/y.png?q=1&amp;r=&quot;2&quot;\">a &amp; &lt;b&gt;</a> "
            + "<em class=\"image-note\">(remote image not embedded: https://h/y.png?q=1&amp;r=&quot;2&quot;)</em> C "
            + "<a class=\"remote-image\" href=\"//host/x.png\">//host/x.png</a> <em class=\"image-note\">(remote image not "
            + "embedded: //host/x.png)</em> D big <em class=\"image-note\">(image not embedded: &#39;big.png&#39; is 3.0 MB, "
            + "more than the 2 MB an embedded image may have; make it smaller)</em> E <img src=\"data:image/gif;base64,R0lG\" "
            + "alt=\"d\" /> F <img src=\"unroll-image:5\" alt=\"kept\" /></p>\n")
    }

    func testFilesThatAreNotImagesAndOtherSchemesGetANote() {
        let html = "<img src=\"unroll-image:0\" alt=\"x\" /><img src=\"unroll-image:1\" alt=\"\" />"
        XCTAssertEqual(ProseImageEmbedding.apply([0: .file(path: "x.png", bytes: Array("text".utf8)),
                                                  1: .unsupported(url: "javascript:alert(1)")], to: html),
                       "x <em class=\"image-note\">(image not embedded: &#39;x.png&#39; is not a PNG, JPEG, GIF, SVG or WebP "
                        + "image)</em><em class=\"image-note\">(image not embedded: &#39;javascript:alert(1)&#39; is neither a "
                        + "file in the notebook&#39;s folder nor an http(s) address)</em>")
        XCTAssertEqual(ProseImageEmbedding.apply([:], to: "<p>no images; <code>&lt;img src=&quot;unroll-image:0&quot;</code></p>"),
                       "<p>no images; <code>&lt;img src=&quot;unroll-image:0&quot;</code></p>")
    }
}
