import XCTest
@testable import UnrollNotebook

/// Images in prose (issue 9, item 10): the converter records each one and leaves only a placeholder `src` in the
/// HTML, whatever form it was written in, and classifies where it comes from.
final class ProseImageTests: XCTestCase {
    func testEveryFormOfImageBecomesAPlaceholderWithItsURLRecorded() throws {
        let text = """
            # Images

            Inline ![cat](http://example.com/cat.png), protocol-relative ![p](//host/x.png "T") and ![ref][r].

            - in a list ![local](img/a%20b.png?v=1#top)

            Raw <img src="http://evil/x.png"> is omitted.

            [r]: https://example.org/ref.png

            """
        let notebook = try NotebookParser.parse(path: "nb.md", source: text)
        let prose = notebook.blocks.compactMap { block -> Prose? in
            if case .prose(let prose) = block { return prose }
            return nil
        }
        XCTAssertEqual(prose.count, 1)
        XCTAssertEqual(prose[0].images, [
            ProseImage(id: 0, url: "http://example.com/cat.png", line: 3),
            ProseImage(id: 1, url: "//host/x.png", line: 3),
            ProseImage(id: 2, url: "https://example.org/ref.png", line: 3),
            ProseImage(id: 3, url: "img/a%20b.png?v=1#top", line: 5),
        ])
        let html = prose[0].html
        XCTAssertTrue(html.contains("<img src=\"unroll-image:0\" alt=\"cat\" />"), html)
        XCTAssertTrue(html.contains("<img src=\"unroll-image:1\" alt=\"p\" title=\"T\" />"), html)
        XCTAssertTrue(html.contains("<img src=\"unroll-image:2\" alt=\"ref\" />"), html)
        XCTAssertTrue(html.contains("<img src=\"unroll-image:3\" alt=\"local\" />"), html)
        XCTAssertTrue(html.contains("Raw <!-- raw HTML omitted --> is omitted."), "raw HTML does not pass through: \(html)")
        XCTAssertFalse(html.contains("http"), "the HTML holds no address: \(html)")
    }

    func testSourcesAreClassifiedByScheme() {
        func source(_ url: String) -> ProseImage.Source { ProseImage(id: 0, url: url, line: 1).source }
        XCTAssertEqual(source("http://h/a.png"), .remote)
        XCTAssertEqual(source("HTTPS://h/a.png"), .remote)
        XCTAssertEqual(source("//h/a.png"), .remote)
        XCTAssertEqual(source("data:image/png;base64,AAAA"), .inline)
        XCTAssertEqual(source("javascript:alert(1)"), .otherScheme)
        XCTAssertEqual(source("file:///etc/passwd"), .otherScheme)
        XCTAssertEqual(source("img/a%20b.png?v=1#top"), .file("img/a b.png"))
        XCTAssertEqual(source("../x.png"), .file("../x.png"))
        XCTAssertEqual(source("./a:b.png"), .file("./a:b.png"))
    }
}
