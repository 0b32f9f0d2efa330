import Foundation
import UnrollRecord
import UnrollTestSupport
import XCTest
@testable import UnrollReport

final class HTMLReportTests: XCTestCase {
    private let html = HTMLReport.render(ReportFixtures.document())

    func testUserTextNeverOpensAScript() {
        XCTAssertFalse(html.lowercased().contains("<script"), "a <script> tag reached the HTML")
        XCTAssertTrue(html.contains("sample: 床前明月光 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("did you mean &#39;LSTM&#39;? &lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("<title>Demo &lt;notebook&gt;</title>"))
        XCTAssertTrue(html.contains("print &quot;&lt;b&gt;never&lt;/b&gt;&quot;"))
    }

    func testProseIsRawAndCodeIsLiteral() {
        XCTAssertTrue(html.contains("<div class=\"prose\"><h2 id=\"language-model\">Language model</h2>\n<p>We train a <em>small</em> LSTM"))
        XCTAssertTrue(html.contains("<pre class=\"code\"><code class=\"language-python\">print(&#39;hello&#39;)\n</code></pre>"))
    }

    func testSelfContained() {
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(html.contains("default-src &#39;none&#39;"), "content security policy missing")
        XCTAssertFalse(html.contains("<link"))
        XCTAssertFalse(html.contains("src=\""))
        XCTAssertFalse(html.contains("https://"))
        XCTAssertEqual(html.components(separatedBy: "http://").count - 1, 1, "only the SVG namespace may name a URL")
    }

    func testCellsShowStatusSourceErrorAndOutputs() {
        XCTAssertTrue(html.contains("<section class=\"cell cell-passed\" id=\"cell-train\">"))
        XCTAssertTrue(html.contains("<span class=\"status status-failed\">failed</span>"))
        XCTAssertTrue(html.contains("<span class=\"status status-skipped\">skipped</span>"))
        XCTAssertTrue(html.contains("<span class=\"status status-not-run\">not run</span>"))
        XCTAssertTrue(html.contains("Skipped: an earlier cell failed."))
        XCTAssertTrue(
            html.contains(
                "<div class=\"error\" role=\"alert\"><p class=\"error-title\"><strong>Error</strong> at <code>notebooks/demo.md:41:18</code></p>"))
        XCTAssertTrue(html.contains("<code class=\"language-rnn\">fit lm on train { epochs: 30 }\nplot lm.history\n</code>"))
        // echo=false hides the source but not the outputs.
        XCTAssertFalse(html.contains("show attention"))
        XCTAssertTrue(html.contains("<table class=\"heatmap\">"))
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 1)
        XCTAssertTrue(html.contains("<span class=\"scalar-label\">accuracy</span><span class=\"scalar-value\">0.943219</span>"))
        XCTAssertTrue(html.contains("<td class=\"num\">412</td>"))
        XCTAssertTrue(html.contains("<code>hidden = 64</code><code>lr = 0.003</code><code>cell = &quot;LSTM&quot;</code>"))
        XCTAssertTrue(html.contains("2 passed</span><span class=\"count count-failed\">1 failed</span>"))
    }

    func testTimingsAppearOnlyWhenRecorded() {
        XCTAssertFalse(html.contains("cell-time"))
        var document = ReportFixtures.document()
        if case .cell(var cell) = document.blocks[2] {
            cell.record.seconds = 1.5
            document.blocks[2] = .cell(cell)
        }
        XCTAssertTrue(HTMLReport.render(document).contains("<span class=\"cell-time\">1.50 s</span>"))
    }

    func testTextOutputKeepsALeadingNewline() {
        let html = HTMLOutputRenderer.node(.text("print-1", "\nindented")).render()
        XCTAssertEqual(html, "<div class=\"output output-text\" data-output=\"print-1\"><pre>\n\nindented</pre></div>")
    }

    func testSameDocumentSameBytes() {
        XCTAssertEqual(HTMLReport.render(ReportFixtures.document()), html)
    }

    func testAnchorsAreSafe() {
        XCTAssertEqual(HTMLReport.anchor(for: "train"), "cell-train")
        XCTAssertEqual(HTMLReport.anchor(for: "cell-3"), "cell-3")
        XCTAssertEqual(HTMLReport.anchor(for: "a b\"c"), "cell-a-b-c")
    }

    /// Checks tag balance with Python's html.parser, when python3 is installed.
    func testTagsBalanceUnderPythonHTMLParser() throws {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python = path else { throw XCTSkip("python3 is not installed") }
        let folder = try makeTemporaryDirectory(prefix: "unroll-html")
        let page = folder.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: page)
        let script = """
            import sys
            from html.parser import HTMLParser
            VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
            class Checker(HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True)
                    self.stack, self.problems, self.tags = [], [], 0
                def handle_starttag(self, tag, attrs):
                    self.tags += 1
                    if tag == "script": self.problems.append("script tag")
                    for name, value in attrs:
                        if name.startswith("on"): self.problems.append("event handler " + name)
                    if tag not in VOID: self.stack.append(tag)
                def handle_startendtag(self, tag, attrs):
                    self.tags += 1
                def handle_endtag(self, tag):
                    if not self.stack or self.stack[-1] != tag:
                        self.problems.append("unexpected </%s> with open %s" % (tag, self.stack[-3:]))
                    else:
                        self.stack.pop()
            checker = Checker()
            checker.feed(open(sys.argv[1], encoding="utf-8").read())
            checker.close()
            if checker.stack: checker.problems.append("unclosed " + str(checker.stack))
            print("tags=%d" % checker.tags)
            print("\\n".join(checker.problems))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, page.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let lines = output.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("tags=") == true, output)
        XCTAssertGreaterThan(Int(lines.first?.dropFirst(5) ?? "0") ?? 0, 100)
        XCTAssertEqual(lines.dropFirst().joined(separator: "\n"), "", "html.parser found problems")
    }
}
