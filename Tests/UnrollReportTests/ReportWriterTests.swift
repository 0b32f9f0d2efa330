import Foundation
import UnrollRecord
import UnrollTestSupport
import XCTest
@testable import UnrollReport

final class ReportWriterTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        // A folder the writer has to create, inside a temporary directory removed after each test.
        folder = try makeTemporaryDirectory(prefix: "unroll-writer").path + "/reports"
    }

    private func listing() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        return (enumerator?.allObjects as? [String] ?? []).sorted()
    }

    private func read(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative))
    }

    func testWritesEveryFormatAndNoTemporaryFiles() throws {
        let writer = ReportWriter(directory: folder + "/out")
        let written = try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo")
        XCTAssertEqual(
            written.map { String($0.dropFirst(folder.count + 1)) },
            ["out/demo.html", "out/demo/train-lm-history.svg", "out/demo.md", "out/demo.json"])
        XCTAssertEqual(try listing(), ["out", "out/demo", "out/demo.html", "out/demo.json", "out/demo.md", "out/demo/train-lm-history.svg"])
        XCTAssertEqual(try read("out/demo.html"), Data(HTMLReport.render(ReportFixtures.document()).utf8))
        XCTAssertEqual(try RunRecord.decode(from: read("out/demo.json")), ReportFixtures.record())
        let markdown = MarkdownReport(ReportFixtures.document(), name: "demo")
        XCTAssertEqual(try read("out/demo.md"), Data(markdown.text.utf8))
        XCTAssertEqual(try read("out/demo/train-lm-history.svg"), Data(markdown.figures[0].contents.utf8))
    }

    func testRewritingGivesIdenticalBytes() throws {
        let writer = ReportWriter(directory: folder)
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo")
        let first = try listing().filter { !$0.hasSuffix("demo") }.map { try read($0) }
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo")
        let second = try listing().filter { !$0.hasSuffix("demo") }.map { try read($0) }
        XCTAssertEqual(first.count, 4)
        XCTAssertEqual(first, second)
        XCTAssertFalse(try listing().contains { $0.contains(".tmp-") })
    }

    func testOnlyAskedFormatsAreWritten() throws {
        let writer = ReportWriter(directory: folder)
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.json])
        XCTAssertEqual(try listing(), ["demo.json"])
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.html, .html])
        XCTAssertEqual(try listing(), ["demo.html", "demo.json"])
    }

    func testFigureFolderIsReplacedAsAWhole() throws {
        let writer = ReportWriter(directory: folder)
        try FileManager.default.createDirectory(atPath: folder + "/demo", withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: URL(fileURLWithPath: folder + "/demo/old-plot.svg"))
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.md])
        XCTAssertEqual(try listing(), ["demo", "demo.md", "demo/train-lm-history.svg"])

        // A document without figures leaves no figure folder behind.
        var plain = ReportFixtures.document()
        plain.blocks = [.prose(html: "<p>x</p>", markdown: "x\n")]
        try writer.write(plain, record: ReportFixtures.record(), name: "demo", formats: [.md])
        XCTAssertEqual(try listing(), ["demo.md"])
        XCTAssertEqual(try read("demo.md"), Data(MarkdownReport(plain, name: "demo").text.utf8))
    }

    func testUnwritableFolderIsAnError() throws {
        try Data("file".utf8).write(to: URL(fileURLWithPath: folder + "-blocker"))
        defer { try? FileManager.default.removeItem(atPath: folder + "-blocker") }
        let writer = ReportWriter(directory: folder + "-blocker/out")
        XCTAssertThrowsError(try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo")) { error in
            XCTAssertEqual((error as? ReportWriteError)?.path, folder + "-blocker/out")
        }

        let clash = ReportWriter(directory: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("in the way".utf8).write(to: URL(fileURLWithPath: folder + "/demo"))
        XCTAssertThrowsError(try clash.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.md])) { error in
            XCTAssertEqual("\(error)", "cannot write '\(folder!)/demo': a file is in the way of the figure folder")
        }
        XCTAssertEqual(try listing(), ["demo"], "a failed write leaves no temporary files")
    }
}
