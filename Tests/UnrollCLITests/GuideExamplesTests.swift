import Foundation
import XCTest

/// Every `rnn` example of `docs/language.md` runs and passes as written: the examples become the cells of one
/// notebook (params `hidden: 32`, `epochs: 2`, as the guide says) beside copies of the data files it reads,
/// and the built `unroll run` must pass every cell.
final class GuideExamplesTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The data files the guide's examples read, from `notebooks/data/`.
    private static let dataFiles = ["poems.txt", "spam.csv", "sine.csv", "segmentation.txt"]

    /// The guide's `rnn` blocks, in order, as the text between their fences.
    static func examples(in guide: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```rnn" {
                current = []
            } else if let lines = current, line == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    func testEveryExampleOfTheGuideRunsAndPassesAsWritten() throws {
        let guide = try String(contentsOf: Self.repository.appendingPathComponent("docs/language.md"), encoding: .utf8)
        let examples = Self.examples(in: guide)
        XCTAssertGreaterThanOrEqual(examples.count, 14)
        let root = try makeWorkspace(self)
        for file in Self.dataFiles {
            let text = try String(contentsOf: Self.repository.appendingPathComponent("notebooks/data/\(file)"), encoding: .utf8)
            try write(text, to: "notebooks/data/\(file)", in: root)
        }
        let cells = examples.enumerated().map { "```rnn id=example-\($0.offset + 1)\n\($0.element)\n```\n" }
        let notebook = "---\ntitle: The guide's examples\nparams:\n  hidden: 32\n  epochs: 2\n---\n\n" + cells.joined(separator: "\n")
        try write(notebook, to: "notebooks/guide.md", in: root)
        let started = Date()
        let result = try UnrollProcess.run(["run", "notebooks/guide.md", "--keep-going"], in: root)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 0, "every example passes:\n\(result.stderr)")
        XCTAssertTrue(result.stdout.contains("\(examples.count) passed, 0 failed, 0 skipped") || result.stderr.contains("\(examples.count) passed, 0 failed, 0 skipped"),
                      result.stdout + result.stderr)
        let record = try read("output/guide.json", in: root)
        XCTAssertFalse(record.contains("\"status\": \"failed\""), "no cell failed")
        XCTAssertFalse(record.contains("warning-"), "no example warns (a prime outside the vocabulary)")
        XCTAssertLessThan(seconds, 240, "the guide's examples stay small")
    }

    func testTheExtractionFindsEachBlockWhole() {
        let text = "a\n```rnn\nx = 1\n\ny = 2\n```\n```text\nz\n```\n```rnn\nprint x\n```\n"
        XCTAssertEqual(Self.examples(in: text), ["x = 1\n\ny = 2", "print x"])
    }
}
