import Foundation
import XCTest

/// End-to-end tests: the built `unroll` binary on real notebooks, checking what it prints and writes.
final class RunCommandTests: XCTestCase {
    private let oneCell = """
        ---
        title: One cell
        seed: 3
        params:
          n: 4
        ---
        # Hello

        Some *prose* with <script>alert(1)</script> inline.

        ```rnn id=first
        x = params.n * 2
        print "x is", x
        expect x == 8
        ```
        """

    func testOneCellNotebookWritesAllThreeReports() throws {
        let root = try makeWorkspace(self)
        try write(oneCell, to: "notebooks/one.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/one.md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try read("output/one.html", in: root)
        XCTAssertTrue(html.contains("x is 8"), "printed text in the HTML")
        XCTAssertFalse(html.contains("<script>alert(1)</script>"), "raw HTML from prose is not passed through")
        XCTAssertFalse(html.contains("<script"), "no scripts at all")
        let markdown = try read("output/one.md", in: root)
        XCTAssertTrue(markdown.contains("```rnn"))
        let json = try read("output/one.json", in: root)
        XCTAssertTrue(json.contains("\"seed\": 3"))
        XCTAssertTrue(json.contains("\"id\": \"first\""))
        XCTAssertTrue(json.contains("\"status\": \"passed\""))
    }

    func testReportsAreByteIdenticalAcrossRuns() throws {
        let root = try makeWorkspace(self)
        try write(oneCell, to: "notebooks/one.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks", "--out", "a"], in: root).status, 0)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks", "--out", "b"], in: root).status, 0)
        for file in ["one.html", "one.md", "one.json"] {
            XCTAssertEqual(try read("a/" + file, in: root), try read("b/" + file, in: root), file)
        }
    }

    func testSyntaxErrorExits65WithMarkdownLineAndCaret() throws {
        let root = try makeWorkspace(self)
        try write("""
            # Broken

            ```rnn
            x = (1 +
            ```
            """, to: "notebooks/broken.md", in: root)
        for command in ["run", "lint"] {
            let result = try UnrollProcess.run([command, "notebooks/broken.md"], in: root)
            XCTAssertEqual(result.status, 65, command)
            XCTAssertTrue(result.stderr.contains("notebooks/broken.md:4:"), result.stderr)
            XCTAssertTrue(result.stderr.contains(": error: "), result.stderr)
            XCTAssertTrue(result.stderr.contains("^"), "a caret under the place")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/broken.json").path))
    }

    func testMisspelledLayerGetsASuggestion() throws {
        let root = try makeWorkspace(self)
        try write("""
            Text.

            ```rnn
            spec = LTSM(hidden: 8)
            ```
            """, to: "notebooks/typo.md", in: root)
        let result = try UnrollProcess.run(["lint", "notebooks/typo.md"], in: root)
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("notebooks/typo.md:4:8: error:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean 'LSTM'?"), result.stderr)
    }

    func testFailedCellExits1SkipsTheRestAndStillWritesReports() throws {
        let root = try makeWorkspace(self)
        try write("""
            ```rnn id=ok
            print "before"
            ```

            ```rnn id=bad
            expect 1 + 1 == 3
            ```

            ```rnn id=after
            print "after"
            ```
            """, to: "notebooks/fails.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/fails.md"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("notebooks/fails.md:6:"), result.stderr)
        let json = try read("output/fails.json", in: root)
        XCTAssertTrue(json.contains("\"status\": \"failed\""))
        XCTAssertTrue(json.contains("\"status\": \"skipped\""))
        let html = try read("output/fails.html", in: root)
        XCTAssertTrue(html.contains("notebooks/fails.md:6:"), "the error and its location are in the report")
        XCTAssertFalse(html.contains(">after\n"), "the skipped cell printed nothing")

        let going = try UnrollProcess.run(["run", "notebooks/fails.md", "--keep-going"], in: root)
        XCTAssertEqual(going.status, 1)
        XCTAssertTrue(try read("output/fails.md", in: root).contains("after"))
    }

    func testParamOverrideAndBadUsage() throws {
        let root = try makeWorkspace(self)
        try write(oneCell, to: "notebooks/one.md", in: root)
        let overridden = try UnrollProcess.run(["run", "notebooks/one.md", "-p", "n=5"], in: root)
        XCTAssertEqual(overridden.status, 1, "x is now 10, so the expectation fails")
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/one.md", "-p", "m=5"], in: root).status, 64)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/missing.md"], in: root).status, 64)
        XCTAssertEqual(try UnrollProcess.run(["run", "--format", "pdf"], in: root).status, 64)
    }

    func testFormatSelectsReports() throws {
        let root = try makeWorkspace(self)
        try write(oneCell, to: "notebooks/one.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks", "--format", "json"], in: root).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/one.json").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/one.html").path))
    }

    func testHTMLIsWellFormedForAParser() throws {
        let root = try makeWorkspace(self)
        try write(oneCell, to: "notebooks/one.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks"], in: root).status, 0)
        let checker = """
            import sys
            from html.parser import HTMLParser
            VOID = {"area","base","br","col","embed","hr","img","input","link","meta","source","track","wbr"}
            class P(HTMLParser):
                def __init__(self):
                    super().__init__(); self.stack = []; self.errors = []
                def handle_starttag(self, tag, attrs):
                    if tag not in VOID: self.stack.append(tag)
                    if tag == "script": self.errors.append("script tag")
                def handle_endtag(self, tag):
                    if tag in VOID: return
                    if not self.stack or self.stack[-1] != tag: self.errors.append("unbalanced </%s>" % tag)
                    else: self.stack.pop()
            p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
            if p.stack: p.errors.append("unclosed " + ",".join(p.stack))
            print("\\n".join(p.errors)); sys.exit(1 if p.errors else 0)
            """
        try write(checker, to: "check_html.py", in: root)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", root.appendingPathComponent("check_html.py").path,
                            root.appendingPathComponent("output/one.html").path]
        let pipe = Pipe()
        python.standardOutput = pipe
        do { try python.run() } catch { throw XCTSkip("python3 is not available") }
        python.waitUntilExit()
        let problems = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(python.terminationStatus, 0, problems)
    }
}

/// Time limits: a cell that runs too long fails with a message that says how to raise the limit.
final class TimeoutTests: XCTestCase {
    func testCellTimeoutFailsTheCell() throws {
        let root = try makeWorkspace(self)
        try write("""
            ```rnn id=spin
            total = 0
            for i in 1...100000000 {
              total = total + i
            }
            ```

            ```rnn id=quick timeout=30
            print "not reached"
            ```
            """, to: "notebooks/slow.md", in: root)
        let started = Date()
        let result = try UnrollProcess.run(["run", "notebooks/slow.md", "--timeout", "0.5"], in: root)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("notebooks/slow.md:1:1: error: cell 'spin' ran past its time limit of 0.5 s"),
                      result.stderr)
        let json = try read("output/slow.json", in: root)
        XCTAssertTrue(json.contains("time limit"))
        XCTAssertTrue(json.contains("\"status\": \"skipped\""))
    }
}
