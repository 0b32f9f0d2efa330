import Foundation
import XCTest

/// Issue 9, item 10, end to end on the built binary: the HTML report of a notebook with images in its prose
/// refers to nothing outside itself. Local images are embedded as data URIs (read through the sandbox and
/// recorded as files read), remote ones become links with a note, and the Markdown report keeps the prose as
/// written.
final class ReportImagesTests: XCTestCase {
    private let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]

    private let prose = """
        # Images

        Remote ![cat](http://example.com/cat.png), ![p](//host/x.png "T") and ![ref][r].

        Local ![dot](img/dot.png) ![svg](img/a.svg) ![named](img/dot.txt) ![text](img/notes.png) ![big](img/big.png)
        ![outside](../secret.png) ![none](img/missing.png)

        Raw <img src="http://evil.example/x.png"> and ![js](javascript:alert(1)).

        [r]: https://example.org/ref.png

        ```rnn
        print 1
        ```

        """

    private func workspace() throws -> URL {
        let root = try makeWorkspace(self)
        try write(prose, to: "notebooks/images.md", in: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks/img"), withIntermediateDirectories: true)
        try Data(png).write(to: root.appendingPathComponent("notebooks/img/dot.png"))
        try Data(png).write(to: root.appendingPathComponent("notebooks/img/dot.txt"))
        try write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"/>", to: "notebooks/img/a.svg", in: root)
        try write("not an image\n", to: "notebooks/img/notes.png", in: root)
        try Data(png + [UInt8](repeating: 0, count: 2 * 1_048_576)).write(to: root.appendingPathComponent("notebooks/img/big.png"))
        try Data(png).write(to: root.appendingPathComponent("secret.png"))
        return root
    }

    func testTheHTMLReportEmbedsLocalImagesAndLinksRemoteOnes() throws {
        let root = try workspace()
        let result = try UnrollProcess.run(["run", "notebooks/images.md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try read("output/images.html", in: root)
        XCTAssertEqual(html.components(separatedBy: "<img ").count - 1, 3, "only the three embedded images are <img>")
        XCTAssertEqual(html.components(separatedBy: "<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==\"").count - 1, 2,
                       "dot.png and dot.txt are PNGs by their bytes")
        XCTAssertTrue(html.contains("<img src=\"data:image/svg+xml;base64,"), "the SVG is embedded")
        for url in ["http://example.com/cat.png", "//host/x.png", "https://example.org/ref.png"] {
            XCTAssertTrue(html.contains("<a class=\"remote-image\" href=\"\(url)\">"), url)
            XCTAssertTrue(html.contains("<em class=\"image-note\">(remote image not embedded: \(url))</em>"), url)
        }
        XCTAssertTrue(html.contains("(image not embedded: &#39;img/notes.png&#39; is not a PNG, JPEG, GIF, SVG or WebP image)"))
        XCTAssertTrue(html.contains("(image not embedded: &#39;img/big.png&#39; is 2.0 MB, more than the 2 MB an embedded "
                                    + "image may have; make it smaller)"))
        XCTAssertTrue(html.contains("(image not embedded: &#39;../secret.png&#39; is outside the notebook&#39;s folder"))
        XCTAssertTrue(html.contains("(image not embedded: &#39;img/missing.png&#39;: "))
        XCTAssertTrue(html.contains("(image not embedded: &#39;javascript:alert(1)&#39; is neither a file"))
        XCTAssertFalse(html.contains("evil.example"), "raw HTML does not pass through")
        XCTAssertFalse(html.contains("unroll-image:"), "every placeholder is replaced")
        XCTAssertFalse(html.contains("href=\"javascript"), "no link to another scheme")

        let record = try JSONSerialization.jsonObject(with: Data(try read("output/images.json", in: root).utf8)) as? [String: Any]
        let files = (record?["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        XCTAssertEqual(files, ["img/a.svg", "img/dot.png", "img/dot.txt", "img/notes.png"],
                       "the images read are recorded like data files; big.png (too large) and ../secret.png are not read")
        let markdown = try read("output/images.md", in: root)
        XCTAssertTrue(markdown.contains("Local ![dot](img/dot.png) ![svg](img/a.svg)"), "the Markdown report keeps the prose")
    }

    /// A real browser loads the report without a request outside it: headless Chromium's DOM has the embedded
    /// images and no `<img>` with an address. Skipped (and says so) where Chromium is not installed.
    func testHeadlessChromiumSeesOnlyEmbeddedImages() throws {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/headless_shell"]
        guard let browser = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("headless Chromium is not installed (looked for \(candidates.joined(separator: ", ")))")
        }
        let root = try workspace()
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/images.md"], in: root).status, 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                             root.appendingPathComponent("output/images.html").absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(dom.contains("<img src=\"data:image/png;base64,"), String(dom.prefix(500)))
        XCTAssertNil(dom.range(of: "<img[^>]* src=\"(https?:)?//", options: .regularExpression), "no remote <img> in the DOM")
    }
}
