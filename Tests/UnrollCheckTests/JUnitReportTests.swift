import Foundation
import XCTest
@testable import UnrollCheck

final class JUnitReportTests: XCTestCase {
    func testEscapesAttributesAndText() {
        XCTAssertEqual(JUnitReport.attribute("a<b & \"c\" 'd'\ne"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&#10;e")
        XCTAssertEqual(JUnitReport.text("x < y && z > \"q\"\n"), "x &lt; y &amp;&amp; z &gt; \"q\"\n")
        XCTAssertEqual(JUnitReport.text("bell\u{7}nul\u{0}"), "bell\u{FFFD}nul\u{FFFD}")
    }

    func testRendersSuitesCasesFailuresAndSkips() {
        let finding = Finding(kind: .valueMismatch, severity: .regression, notebookPath: "n/<a>.md", cellID: "fit",
                              line: 7, valuePath: "fit/show-1", expected: "1.0", actual: "2.0",
                              absoluteDifference: 1, relativeDifference: 1)
        let checks = [
            NotebookCheck(path: "n/<a>.md", cells: [
                CellVerdict(cellID: "fit", line: 7, outcome: .regressed, findings: [finding]),
                CellVerdict(cellID: "ok", line: 9, outcome: .passed, findings: []),
                CellVerdict(cellID: "later", line: 12, outcome: .skipped, findings: []),
            ]),
            NotebookCheck(path: "n/b.md", cells: [], error: "no baseline 'output/b.json'"),
        ]
        let xml = JUnitReport.render(checks)
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"unroll check\" tests=\"4\" failures=\"2\" errors=\"0\">"), xml)
        XCTAssertTrue(xml.contains("<testsuite name=\"n/&lt;a&gt;.md\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\">"), xml)
        XCTAssertTrue(xml.contains("<failure message=\"fit/show-1: expected 1.0, got 2.0 (abs diff 1, rel diff 1)\" type=\"regression\">n/&lt;a&gt;.md:7: cell 'fit': fit/show-1"), xml)
        XCTAssertTrue(xml.contains("<testcase classname=\"n/&lt;a&gt;.md\" name=\"ok\"/>"), xml)
        XCTAssertTrue(xml.contains("name=\"later\">\n      <skipped message=\"an earlier cell failed\"/>"), xml)
        XCTAssertTrue(xml.contains("name=\"(notebook)\">\n      <failure message=\"no baseline &apos;output/b.json&apos;\""), xml)
        XCTAssertEqual(xml, JUnitReport.render(checks), "deterministic")
    }

    func testFailureTextEndsWithTheEnvironments() {
        let finding = Finding(kind: .valueMismatch, severity: .regression, notebookPath: "n/a.md", cellID: "fit",
                              line: 7, valuePath: "fit/show-1", expected: "1.0", actual: "2.0",
                              absoluteDifference: 1, relativeDifference: 1)
        let note = "baseline: avx512, 2 threads, CPU <1>; this run: portable, 1 thread, CPU <2>"
        let check = NotebookCheck(path: "n/a.md", cells: [
            CellVerdict(cellID: "fit", line: 7, outcome: .regressed, findings: [finding]),
            CellVerdict(cellID: "ok", line: 9, outcome: .passed, findings: []),
        ], environment: note)
        let xml = JUnitReport.render([check])
        XCTAssertTrue(xml.contains(" type=\"regression\">n/a.md:7: cell 'fit': fit/show-1: expected 1.0, got 2.0 "
            + "(abs diff 1, rel diff 1)\nn/a.md: baseline: avx512, 2 threads, CPU &lt;1&gt;; this run: portable, "
            + "1 thread, CPU &lt;2&gt;</failure>"), xml)
        XCTAssertTrue(xml.contains("<testcase classname=\"n/a.md\" name=\"ok\"/>"), "passed cells stay bare: " + xml)
        XCTAssertFalse(JUnitReport.render([NotebookCheck(path: "n/a.md", cells: check.cells)]).contains("baseline:"))
    }

    func testTimesAndProvenanceAreWrittenWhenKnown() {
        var a = CellVerdict(cellID: "a", line: 1, outcome: .passed, findings: [])
        a.seconds = 0.25
        var b = CellVerdict(cellID: "b", line: 5, outcome: .passed, findings: [])
        b.seconds = 1.5
        var check = NotebookCheck(path: "n.md", cells: [a, b])
        check.provenance = ["params differ: n 4 → 5"]
        let xml = JUnitReport.render([check])
        XCTAssertTrue(xml.contains("skipped=\"0\" time=\"1.750\">"), xml)
        XCTAssertTrue(xml.contains("<testsuites name=\"unroll check\" tests=\"2\" failures=\"0\" errors=\"0\" time=\"1.750\">"), xml)
        XCTAssertTrue(xml.contains("name=\"a\" time=\"0.250\"/>"), xml)
        XCTAssertTrue(xml.contains("name=\"b\" time=\"1.500\"/>"), xml)
        XCTAssertTrue(xml.contains("<system-out>n.md: params differ: n 4 → 5</system-out>"), xml)
        XCTAssertFalse(JUnitReport.render([NotebookCheck(path: "n.md", cells: [CellVerdict(cellID: "a", line: 1, outcome: .passed,
                                                                                          findings: [])])]).contains("time="))
    }
}
