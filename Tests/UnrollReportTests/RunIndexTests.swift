import Foundation
import UnrollDiagnostics
import UnrollFileIO
import UnrollRecord
import UnrollTestSupport
import XCTest
@testable import UnrollReport

/// `index.html` of a run folder (issue 10, item 11): every run record in the folder, its status, a one-line summary,
/// key numbers and a link, written through the one file-set writer.
final class RunIndexTests: XCTestCase {
    private func record(_ path: String, title: String, cells: [CellRecord]) -> RunRecord {
        RunRecord(notebookPath: path, notebookSource: path, unrollVersion: "0.9.0", seed: 1, params: [], title: title,
                  cells: cells)
    }

    /// A passed notebook with a shown number, metrics, a numeric expect and a training curve.
    private var spam: RunRecord {
        record("notebooks/spam.md", title: "Spam <or> ham", cells: [
            CellRecord(id: "train", index: 0, sourceLine: 5, status: .passed, outputs: [
                .series("fit-1", SeriesOutput(title: "fit", xLabel: "epoch", yLabel: "loss",
                                              lines: [SeriesLine(name: "train loss", y: [0.9, 0.4])])),
                .table("metrics-1", TableOutput(title: "evaluate(m, test)", columns: ["loss", "accuracy"],
                                                rows: [[.number(0.31), .number(0.955)]])),
                .scalar("expect-1", 1, label: "evaluate(m, test).accuracy > 0.85",
                        expectation: Expectation(passed: true, left: "0.955", comparison: ">", right: "0.85")),
            ]),
        ])
    }

    /// A notebook whose second cell failed its expect.
    private var broken: RunRecord {
        record("notebooks/broken.md", title: "", cells: [
            CellRecord(id: "a", index: 0, sourceLine: 3, status: .passed, outputs: [.scalar("value-1", 2, label: "1 + 1")]),
            CellRecord(id: "b", index: 1, sourceLine: 9, status: .failed,
                       error: CellError(message: "expected x < 1, got 2 < 1\nmore", location: SourceLocation(file: "n", line: 10, column: 8)),
                       outputs: [.scalar("expect-1", 0, label: "x < 1",
                                         expectation: Expectation(passed: false, left: "2", comparison: "<", right: "1"))]),
            CellRecord(id: "c", index: 2, sourceLine: 12, status: .skipped),
        ])
    }

    func testEntriesSummariseStatusExpectsAndKeyNumbers() {
        let entry = RunIndexEntry(name: "spam", report: "spam.html", record: spam)
        XCTAssertEqual(entry.summary, "1 of 1 cell passed; 1 of 1 expect held")
        XCTAssertEqual(entry.keyNumbers.map(\.label), ["loss", "accuracy", "evaluate(m, test).accuracy > 0.85", "last train loss"])
        XCTAssertEqual(entry.keyNumbers.map(\.value), [0.31, 0.955, 0.955, 0.4])
        let failed = RunIndexEntry(name: "broken", report: nil, record: broken)
        XCTAssertEqual(failed.title, "broken")
        XCTAssertEqual(failed.summary, "1 of 3 cells passed, 1 failed, 1 skipped; 0 of 1 expect held; cell 'b' failed: expected x < 1, got 2 < 1")
        XCTAssertEqual(failed.keyNumbers.map(\.label), ["1 + 1"], "a failed cell's numbers are not key numbers")
    }

    func testThePageLinksEachReportAndEscapesText() {
        let html = RunIndex.render([RunIndexEntry(name: "broken", report: nil, record: broken),
                                    RunIndexEntry(name: "spam", report: "spam.html", record: spam)])
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(RunIndex.isIndex(html))
        XCTAssertFalse(RunIndex.isIndex(HTMLReport.render(ReportFixtures.document())), "a report is no index")
        XCTAssertTrue(html.contains("<p class=\"run-count\">2 notebooks, 1 failed</p>"), html)
        XCTAssertTrue(html.contains("<a href=\"spam.html\">Spam &lt;or&gt; ham</a>"))
        XCTAssertTrue(html.contains("<tr class=\"run-failed\"><th scope=\"row\">broken<div class=\"notebook-path\"><code>notebooks/broken.md</code></div></th>"))
        XCTAssertTrue(html.contains("<td class=\"run-status\"><span class=\"status status-passed\">passed</span></td>"))
        XCTAssertTrue(html.contains("<span class=\"scalar-label\">accuracy </span><span class=\"key-value\">0.955</span>"))
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertEqual(html, RunIndex.render([RunIndexEntry(name: "broken", report: nil, record: broken),
                                              RunIndexEntry(name: "spam", report: "spam.html", record: spam)]))
    }

    func testTheIndexListsEveryRecordInTheFolderNotOnlyThisRunsAndLeavesOthersFilesAlone() throws {
        let folder = try makeTemporaryDirectory(prefix: "unroll-index").path
        let writer = ReportWriter(directory: folder)
        XCTAssertEqual(try writer.writeIndex(), .empty)
        try writer.write(ReportFixtures.document(), record: spam, name: "spam", formats: [.html, .json])
        try writer.write(ReportFixtures.document(), record: broken, name: "broken", formats: [.md, .json])
        try "{\"not\": \"a record\"}".write(toFile: folder + "/other.json", atomically: true, encoding: .utf8)
        XCTAssertEqual(try writer.writeIndex(), .written(path: folder + "/index.html", count: 2))
        let html = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        XCTAssertEqual(html, RunIndex.render([RunIndexEntry(name: "broken", report: "broken.md", record: broken),
                                              RunIndexEntry(name: "spam", report: "spam.html", record: spam)]))
        XCTAssertEqual(try writer.writeIndex(), .written(path: folder + "/index.html", count: 2), "its own index is replaced")

        try "<p>mine</p>".write(toFile: folder + "/index.html", atomically: true, encoding: .utf8)
        XCTAssertEqual(try writer.writeIndex(), .skipped(.notWrittenByUnroll(path: folder + "/index.html")))
        XCTAssertEqual(try String(contentsOfFile: folder + "/index.html", encoding: .utf8), "<p>mine</p>")

        try FileManager.default.removeItem(atPath: folder + "/index.html")
        try writer.write(ReportFixtures.document(), record: spam, name: "index", formats: [.json])
        XCTAssertEqual(try writer.writeIndex(), .skipped(.notebookNamedIndex(folder: folder)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/index.html"))
    }

    func testEveryIndexMessageRendersAsWritten() throws {
        let messages: [(IndexMessage, String)] = [
            (.notebookNamedIndex(folder: "output"),
             "no run index written: 'output/index.html' is the report of a notebook named 'index'; rename the notebook to get one"),
            (.notWrittenByUnroll(path: "output/index.html"),
             "no run index written: 'output/index.html' was not written by unroll; remove or rename it to get a run index"),
        ]
        for (message, text) in messages { XCTAssertEqual(message.text, text, "\(message.id)") }
        try MessageCoverage.assertCovers(messages.map(\.0.id), enum: "IndexMessage", in: "Sources/UnrollReport/ReportMessages.swift")
    }
}
