import Foundation
import XCTest

/// End-to-end: an `--out` that would overwrite an input or fill a folder Unroll did not write is refused with
/// exit 64 and changes nothing (issue 9, item 6).
final class CarelessOutTests: XCTestCase {
    private let reading = """
        ---
        title: Data
        seed: 1
        ---
        ```rnn
        corpus = text("data/poems.txt", tokens: "char")
        print corpus.vocab.size
        ```
        """

    /// Every file under `root`, by relative path, with its bytes.
    private func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let name as String in FileManager.default.enumerator(atPath: root.path)?.allObjects ?? [] {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isFolder)
            files[name] = isFolder.boolValue ? Data() : try Data(contentsOf: root.appendingPathComponent(name))
        }
        return files
    }

    func testOutBesideTheNotebookIsRefusedAndChangesNothing() throws {
        let root = try makeWorkspace(self)
        try write(reading, to: "notebooks/data.md", in: root)
        try write("first line\nsecond line\n", to: "notebooks/data/poems.txt", in: root)
        let folder = root.appendingPathComponent("notebooks")
        let before = try snapshot(root)

        let result = try UnrollProcess.run(["run", "data.md", "--out", "."], in: folder)
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertEqual(result.stderr, "error: './data.md' would overwrite 'data.md', which this run reads; Unroll never "
                       + "overwrites its inputs: write to another folder, such as '--out output'\n")
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try snapshot(root), before, "the notebook and its data folder are untouched")

        let html = try UnrollProcess.run(["run", "data.md", "--out", ".", "--format", "html"], in: folder)
        XCTAssertEqual(html.status, 64, html.stderr)
        XCTAssertEqual(html.stderr, "error: the report folder './data' holds 'poems.txt', which Unroll did not write; "
                       + "Unroll keeps its figures and saved files apart from other files: write to another folder, "
                       + "such as '--out output'\n")
        XCTAssertEqual(try snapshot(root), before)

        let elsewhere = try UnrollProcess.run(["run", "data.md", "--out", "../output"], in: folder)
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stderr)
        XCTAssertEqual(try read("output/data.md", in: root).hasPrefix("# Data"), true)
    }

    func testARunRecordOverTheNotebooksBaselineIsRefused() throws {
        let root = try makeWorkspace(self)
        try write("```rnn\nprint 1\n```\n", to: "notebooks/one.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "notebooks"], in: root).status, 0)
        let before = try snapshot(root)
        let result = try UnrollProcess.run(["run", "notebooks", "--out", "notebooks/baselines"], in: root)
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertEqual(result.stderr, "error: 'notebooks/baselines/one.json' is the baseline of 'notebooks/one.md'; "
                       + "'unroll run' never writes baselines ('unroll check --update' does): write to another "
                       + "folder, such as '--out output'\n")
        XCTAssertEqual(try snapshot(root), before)
        let html = try UnrollProcess.run(["run", "notebooks", "--out", "notebooks/baselines", "--format", "html"], in: root)
        XCTAssertEqual(html.status, 0, "only the run record would be a baseline: \(html.stderr)")
    }

    func testAReportOverAFileTheNotebookReadsIsRefusedAfterTheRun() throws {
        let root = try makeWorkspace(self)
        try write("""
            ```rnn
            corpus = text("words.json", tokens: "char")
            print corpus.vocab.size
            ```
            """, to: "notebooks/words.md", in: root)
        try write("[\"not a report\"]\n", to: "notebooks/words.json", in: root)
        let folder = root.appendingPathComponent("notebooks")
        let before = try snapshot(root)
        let result = try UnrollProcess.run(["run", "words.md", "--out", ".", "--format", "json"], in: folder)
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertEqual(result.stderr, "error: './words.json' would overwrite 'words.json', which this run reads; Unroll "
                       + "never overwrites its inputs: write to another folder, such as '--out output'\n")
        XCTAssertEqual(try snapshot(root), before)

        let update = try UnrollProcess.run(["check", "--update", "--baseline", ".", "words.md"], in: folder)
        XCTAssertEqual(update.status, 64, update.stderr)
        XCTAssertTrue(update.stderr.contains("'./words.json' would overwrite 'words.json', which this run reads"),
                      update.stderr)
        XCTAssertEqual(try snapshot(root), before, "a baseline is never written over an input either")
    }
}
