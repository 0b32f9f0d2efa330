import Foundation
import UnrollRecord
import UnrollReport
import UnrollRunner
import XCTest

/// The HTML reports in a real browser (issue 10, item 12): headless Chromium, driven by `scripts/browser-check.py`
/// over the DevTools protocol with the network blocked, loads every shipped notebook's report (rendered from its
/// baseline, the run record `unroll run` writes, so no notebook is trained here), the run index, and a report
/// `unroll run` writes for a notebook with very long lines, and requires of each: no console error, no request
/// leaving the file, no horizontal overflow at 1000 px, and a PDF when printed. Nothing is saved but temporary
/// files. Skipped, saying so, when Chromium is not installed (Debian package `chromium`; `scripts/install-deps`
/// installs it only with `UNROLL_BROWSER_TESTS=1`, as it is large).
final class BrowserReportTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What the checker said about one file.
    private struct PageReport: Decodable {
        var file: String
        var console_errors: [String]
        var requests: [String]
        var overflow_px: Double
        var offenders: [String]
        var pdf_bytes: Int
    }

    /// The first executable named `name` on PATH, or nil.
    private func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { String($0) + "/" + name }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs the checker on `files` and returns its exit status and one report per file.
    private func check(_ files: [String]) throws -> (status: Int32, pages: [PageReport], stderr: String) {
        guard let chromium = onPath("chromium") ?? onPath("chromium-browser") else {
            throw XCTSkip("chromium is not installed (Debian package chromium; UNROLL_BROWSER_TESTS=1 scripts/install-deps installs it)")
        }
        guard let python = onPath("python3") else { throw XCTSkip("python3 is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.repository.appendingPathComponent("scripts/browser-check.py").path, "--chromium", chromium]
            + files
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let pages = try output.split(separator: UInt8(ascii: "\n")).map {
            try JSONDecoder().decode(PageReport.self, from: Data($0))
        }
        return (process.terminationStatus, pages, errors)
    }

    /// Asserts that every page is clean.
    private func assertClean(_ result: (status: Int32, pages: [PageReport], stderr: String), count: Int,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.pages.count, count, result.stderr, file: file, line: line)
        for page in result.pages {
            let name = (page.file as NSString).lastPathComponent
            XCTAssertEqual(page.console_errors, [], "\(name): console errors", file: file, line: line)
            XCTAssertEqual(page.requests, [], "\(name): requests leaving the file", file: file, line: line)
            XCTAssertLessThanOrEqual(page.overflow_px, 0, "\(name): wider than 1000 px: \(page.offenders)", file: file, line: line)
            XCTAssertGreaterThan(page.pdf_bytes, 1000, "\(name): no PDF", file: file, line: line)
        }
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
    }

    func testEveryShippedReportAndTheIndexLoadCleanlyAtAThousandPixelsAndPrint() throws {
        let folder = try makeTemporaryDirectory(prefix: "unroll-browser").path
        let notebooks = Self.repository.appendingPathComponent("notebooks")
        let names = try FileManager.default.contentsOfDirectory(atPath: notebooks.path).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 6)
        let writer = ReportWriter(directory: folder)
        for file in names {
            let name = String(file.dropLast(3))
            let baseline = try Data(contentsOf: notebooks.appendingPathComponent("baselines/\(name).json"))
            let record = try RunRecord.decode(from: baseline)
            guard case .success(let prepared) = PreparedNotebook.prepare(path: notebooks.appendingPathComponent(file).path,
                                                                         overrides: []) else {
                return XCTFail("\(file) does not prepare")
            }
            try writer.write(prepared.reportDocument(for: record), record: record, name: name, formats: [.html, .json])
        }
        XCTAssertEqual(try writer.writeIndex(), .written(path: folder + "/index.html", count: names.count))
        let pages = (names.map { folder + "/" + $0.dropLast(3) + ".html" }) + [folder + "/index.html"]
        assertClean(try check(pages), count: pages.count)
    }

    func testLongLinesFromUnrollRunWrapInsteadOfOverflowing() throws {
        let root = try makeWorkspace(self)
        let word = String(repeating: "abcdefghij", count: 40)
        try write("""
            # Long lines

            A word longer than the page: \(word)

            ```rnn id=long
            print "\(String(repeating: "the sea ", count: 60))"
            print "\(word)"
            x = [\((1...150).map(String.init).joined(separator: ", "))]
            show x
            expect 1 >= 0
            ```

            ```text
            \(word)
            ```
            """, to: "notebooks/long.md", in: root)
        let run = try UnrollProcess.run(["run", "notebooks/long.md"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        assertClean(try check([root.appendingPathComponent("output/long.html").path,
                               root.appendingPathComponent("output/index.html").path]), count: 2)
    }

    func testTheCheckerFindsOverflowRequestsAndConsoleErrors() throws {
        let folder = try makeTemporaryDirectory(prefix: "unroll-browser-bad").path
        let bad = folder + "/bad.html"
        try """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head><body style="margin: 0">
            <div style="width: 1400px">wide</div><img src="http://example.invalid/x.png" alt="">
            <script>console.error("broken")</script></body></html>
            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try check([bad])
        XCTAssertEqual(result.status, 1, result.stderr)
        let page = try XCTUnwrap(result.pages.first)
        XCTAssertTrue(page.console_errors.contains("broken"), "\(page.console_errors)")
        XCTAssertEqual(page.requests, ["http://example.invalid/x.png"])
        XCTAssertEqual(page.overflow_px, 400)
        XCTAssertEqual(page.offenders, ["div right=1400"])
    }
}
