import Foundation
import UnrollRecord
import XCTest

/// What `unroll run` writes for a reader (issue 10, items 8, 9 and 11), through the built binary: the header block,
/// contents, numbered captioned figures, expects with their values, outputs named by what they show, times only
/// with `--timings`, and `index.html` over every run record in the folder.
final class ReportFeaturesTests: XCTestCase {
    private let notebook = """
        ---
        title: Features
        seed: 5
        params:
          n: 3
        ---

        # Setting up

        Some prose.

        ## Numbers

        ```rnn id=numbers
        x = params.n * 2
        show x
        show table([["a", x]], columns: ["name", "value"])
        plot [1.0, 2.0, 3.0] { caption: "Three steps & more" }
        expect x >= 5
        ```
        """

    func testTheReportShowsHeaderContentsFiguresAndExpectsAndStaysIdenticalWithoutTimings() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/features.md", in: root)
        let run = try UnrollProcess.run(["run", "notebooks/features.md"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasSuffix("output/index.html: index of 1 notebook\n"), run.stdout)
        let html = try read("output/features.html", in: root)
        let record = try RunRecord.decode(from: Data(try read("output/features.json", in: root).utf8))
        XCTAssertEqual(record.cells[0].outputs.map(\.name), ["value-1", "table-1", "plot-1", "expect-1"])
        XCTAssertTrue(html.contains("<dt>SHA-256</dt><dd><code class=\"hash\">\(record.notebookHash)</code></dd>"), html)
        XCTAssertTrue(html.contains("<dt>Unroll</dt><dd>\(record.unrollVersion)</dd><dt>Seed</dt><dd>5</dd>"))
        XCTAssertTrue(html.contains("<li class=\"toc-level-2\"><a href=\"#numbers\">Numbers</a></li>"))
        XCTAssertTrue(html.contains("<h2 id=\"numbers\">Numbers</h2>"))
        XCTAssertTrue(html.contains("<details class=\"source\" open=\"\"><summary>Source, 5 lines</summary>"))
        XCTAssertTrue(html.contains("<figcaption><strong>Figure 1.</strong> Three steps &amp; more</figcaption>"))
        XCTAssertTrue(html.contains("<code>expect x &gt;= 5</code> <span class=\"expect-values\">(6 ≥ 5)</span>"))
        XCTAssertFalse(html.contains("<dt>Time</dt>"))
        let markdown = try read("output/features.md", in: root)
        XCTAssertTrue(markdown.contains("✓ `expect x >= 5` (6 ≥ 5)\n"), markdown)
        XCTAssertTrue(markdown.contains("*Figure 1. Three steps \\& more*\n"))
        XCTAssertTrue(markdown.contains("- [Numbers](#numbers)"))
        let index = try read("output/index.html", in: root)
        XCTAssertTrue(index.contains("<a href=\"features.html\">Features</a>"), index)
        XCTAssertTrue(index.contains("1 of 1 cell passed; 1 of 1 expect held"))

        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/features.md"], in: root).status, 0)
        XCTAssertEqual(try read("output/features.html", in: root), html, "a rerun writes the same bytes")
        XCTAssertEqual(try read("output/index.html", in: root), index)
        XCTAssertEqual(try UnrollProcess.run(["run", "--timings", "notebooks/features.md"], in: root).status, 0)
        XCTAssertTrue(try read("output/features.html", in: root).contains("<dt>Time</dt>"))
    }

    func testAFailedExpectShowsItsValuesInTheReport() throws {
        let root = try makeWorkspace(self)
        try write("```rnn id=judge\nloss = 0.5\nexpect loss < 0.1\n```\n", to: "notebooks/judge.md", in: root)
        let run = try UnrollProcess.run(["run", "notebooks/judge.md"], in: root)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("notebooks/judge.md:3:8: error: expected loss < 0.1, got 0.5 < 0.1"), run.stderr)
        let html = try read("output/judge.html", in: root)
        XCTAssertTrue(html.contains("aria-label=\"failed\">✗</span> <code>expect loss &lt; 0.1</code> "
            + "<span class=\"expect-values\">(0.5 is not &lt; 0.1)</span>"), html)
        XCTAssertTrue(try read("output/index.html", in: root).contains("cell &#39;judge&#39; failed: expected loss &lt; 0.1"))
    }

    func testTheIndexListsEarlierRunsAndLeavesAUsersIndexAlone() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/features.md", in: root)
        try write("```rnn\nprint 1\n```\n", to: "notebooks/other.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/features.md"], in: root).status, 0)
        let second = try UnrollProcess.run(["run", "notebooks/other.md"], in: root)
        XCTAssertTrue(second.stdout.contains("output/index.html: index of 2 notebooks"), second.stdout)
        let index = try read("output/index.html", in: root)
        XCTAssertTrue(index.contains("features.html") && index.contains("other.html"), index)
        XCTAssertEqual(try UnrollProcess.run(["run", "--format", "json", "notebooks/other.md"], in: root).stdout.contains("index"),
                       false, "no index without HTML reports")

        try write("<p>my own page</p>\n", to: "output/index.html", in: root)
        let kept = try UnrollProcess.run(["run", "notebooks/other.md"], in: root)
        XCTAssertEqual(kept.status, 0)
        XCTAssertEqual(kept.stderr, "note: no run index written: 'output/index.html' was not written by unroll; "
            + "remove or rename it to get a run index\n")
        XCTAssertEqual(try read("output/index.html", in: root), "<p>my own page</p>\n")

        try write("```rnn\nprint 2\n```\n", to: "notebooks/index.md", in: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("output/index.html"))
        let named = try UnrollProcess.run(["run", "notebooks/index.md"], in: root)
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(named.stderr.contains("note: no run index written: 'output/index.html' is the report of a notebook named 'index'"),
                      named.stderr)
        XCTAssertTrue(try read("output/index.html", in: root).contains("print 2"), "the notebook's own report")
    }

    func testCheckAgainstABaselineWithOldShowNamesSaysTheyWereRenamed() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/features.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "notebooks/features.md"], in: root).status, 0)
        let path = root.appendingPathComponent("notebooks/baselines/features.json")
        let renamed = try String(contentsOf: path, encoding: .utf8)
            .replacingOccurrences(of: "\"value-1\"", with: "\"show-1\"").replacingOccurrences(of: "\"table-1\"", with: "\"show-2\"")
        try renamed.write(to: path, atomically: true, encoding: .utf8)
        let check = try UnrollProcess.run(["check", "notebooks/features.md"], in: root)
        XCTAssertEqual(check.status, 2, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("cell 'numbers': numbers/show-1: this version names it 'value-1' ('show' outputs are now "
            + "named by what they show); the baseline predates that: record the new names with 'unroll check --update'"), check.stdout)
        XCTAssertTrue(check.stdout.contains("numbers/show-2: this version names it 'table-1'"))
        XCTAssertFalse(check.stdout.contains("new output"), "the renamed outputs are not also reported as new")
    }
}
