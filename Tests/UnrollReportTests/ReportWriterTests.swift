import Foundation
import UnrollFileIO
import UnrollRecord
import UnrollTestSupport
import XCTest
@testable import UnrollReport

#if canImport(Glibc)
    import Glibc
#endif

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
        XCTAssertEqual(try listing(), ["out", "out/demo", "out/demo.html", "out/demo.json", "out/demo.md",
                                       "out/demo/.unroll-manifest", "out/demo/train-lm-history.svg"])
        XCTAssertEqual(FolderManifest.read(folder: folder + "/out/demo")?.names, ["train-lm-history.svg"])
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
        XCTAssertEqual(first.count, 5)
        XCTAssertEqual(first, second)
        XCTAssertFalse(try listing().contains { $0.contains(".tmp-") || $0.contains(".unroll-staging") })
    }

    func testOnlyAskedFormatsAreWritten() throws {
        let writer = ReportWriter(directory: folder)
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.json])
        XCTAssertEqual(try listing(), ["demo.json"])
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.html, .html])
        XCTAssertEqual(try listing(), ["demo.html", "demo.json"])
    }

    func testFigureFolderKeepsOnlyTheNewFiguresAndWhatUnrollDidNotWrite() throws {
        let writer = ReportWriter(directory: folder)
        // A folder an Unroll without manifests wrote: only figures, taken as its own.
        try FileManager.default.createDirectory(atPath: folder + "/demo", withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: URL(fileURLWithPath: folder + "/demo/old-plot.svg"))
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.md])
        XCTAssertEqual(try listing(), ["demo", "demo.md", "demo/.unroll-manifest", "demo/train-lm-history.svg"])

        // With Markdown not written the figures stay; saved files replace the earlier ones.
        let weights = OutputFile(path: "w.safetensors", text: "weights")
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.json],
                         saved: [weights])
        XCTAssertEqual(FolderManifest.read(folder: folder + "/demo")?.names, ["train-lm-history.svg", "w.safetensors"])
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.json])
        XCTAssertEqual(FolderManifest.read(folder: folder + "/demo")?.names, ["train-lm-history.svg", "w.safetensors"],
                       "a set without saved files (a baseline) leaves them")
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.json],
                         saved: [])
        XCTAssertEqual(try listing(), ["demo", "demo.json", "demo.md", "demo/.unroll-manifest", "demo/train-lm-history.svg"])

        // A document without figures removes Unroll's figures, and the folder when nothing else is in it.
        var plain = ReportFixtures.document()
        plain.blocks = [.prose(html: "<p>x</p>", markdown: "x\n")]
        try writer.write(plain, record: ReportFixtures.record(), name: "demo", formats: [.md])
        XCTAssertEqual(try listing(), ["demo.json", "demo.md"])
        XCTAssertEqual(try read("demo.md"), Data(MarkdownReport(plain, name: "demo").text.utf8))

        // A file someone else put in the folder stays, and so does the folder.
        try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.md])
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/demo/notes.txt"))
        try writer.write(plain, record: ReportFixtures.record(), name: "demo", formats: [.md])
        XCTAssertEqual(try listing(), ["demo", "demo.json", "demo.md", "demo/notes.txt"])
    }

    func testUnwritableFolderIsAnError() throws {
        try Data("file".utf8).write(to: URL(fileURLWithPath: folder + "-blocker"))
        defer { try? FileManager.default.removeItem(atPath: folder + "-blocker") }
        let writer = ReportWriter(directory: folder + "-blocker/out")
        XCTAssertThrowsError(try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo")) { error in
            XCTAssertEqual((error as? FileSetError)?.message,
                           .cannotWrite(path: folder + "-blocker/out", reason: "cannot create the folder"))
        }

        let clash = ReportWriter(directory: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("in the way".utf8).write(to: URL(fileURLWithPath: folder + "/demo"))
        XCTAssertThrowsError(try clash.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo", formats: [.md])) { error in
            XCTAssertEqual("\(error)", "a file is in the way of the report folder '\(folder!)/demo'; move it, or write to "
                           + "another folder with --out")
            XCTAssertEqual((error as? FileSetError)?.isRefusal, true)
        }
        XCTAssertEqual(try listing(), ["demo"], "a failed write leaves no temporary files")
    }

    func testAFullDiskWhileWritingTheRunRecordLeavesEveryOldFile() throws {
        let saved = [OutputFile(path: "w.safetensors", text: "old weights")]
        try ReportWriter(directory: folder).write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo",
                                                  saved: saved)
        let before = try listing().map { ($0, try? read($0)) }
        var plain = ReportFixtures.document()
        plain.blocks = [.prose(html: "<p>new</p>", markdown: "new\n")]
        let full = ReportWriter(directory: folder, calls: .failing(with: ENOSPC) { $0.hasSuffix("/demo.json") })
        XCTAssertThrowsError(try full.write(plain, record: ReportFixtures.record(), name: "demo",
                                            saved: [OutputFile(path: "w.safetensors", text: "new weights")])) { error in
            XCTAssertEqual("\(error)", "no space left on device while writing '\(folder!)/demo.json'; nothing was "
                           + "changed; free some space and run again")
        }
        XCTAssertEqual(try listing().map { ($0, try? read($0)) }.map { "\($0.0) \($0.1?.count ?? -1)" },
                       before.map { "\($0.0) \($0.1?.count ?? -1)" })
        XCTAssertEqual(try read("demo/w.safetensors"), Data("old weights".utf8), "the saved weights are the old ones")
        XCTAssertEqual(try read("demo.html"), Data(HTMLReport.render(ReportFixtures.document()).utf8),
                       "and so is the HTML written before the run record")
    }

    func testRefusalNamesTheReportThatWouldOverwriteAnInput() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("notebook".utf8).write(to: URL(fileURLWithPath: folder + "/demo.md"))
        let writer = ReportWriter(directory: folder + "/.")
        let refusal = writer.refusal(name: "demo", formats: [.html, .md], inputs: [folder + "/demo.md"])
        XCTAssertEqual(refusal?.message, .overInput(destination: folder + "/./demo.md", input: folder + "/demo.md"))
        XCTAssertNil(writer.refusal(name: "demo", formats: [.html, .json], inputs: [folder + "/demo.md"]))
        try FileManager.default.createDirectory(atPath: folder + "/demo", withIntermediateDirectories: true)
        try Data("text".utf8).write(to: URL(fileURLWithPath: folder + "/demo/poems.txt"))
        XCTAssertEqual(writer.refusal(name: "demo", formats: [.html], inputs: [])?.message,
                       .foreignFolder(folder: folder + "/./demo", entry: "poems.txt"))
        XCTAssertNil(writer.refusal(name: "demo", formats: [.html], saving: false, inputs: []))
        try FileManager.default.removeItem(atPath: folder + "/demo")
        XCTAssertThrowsError(try writer.write(ReportFixtures.document(), record: ReportFixtures.record(), name: "demo",
                                              inputs: [folder + "/demo.md"]))
        XCTAssertEqual(try read("demo.md"), Data("notebook".utf8), "the input is untouched")
        XCTAssertEqual(try listing(), ["demo.md"], "and nothing else was written")
    }
}
