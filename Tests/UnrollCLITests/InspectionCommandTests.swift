import Foundation
import XCTest

/// End-to-end: `unroll run` on a tiny notebook that trains a char LSTM and shows its gates, checking the heat
/// maps in the HTML and Markdown reports and the run record, and the located error for a character the model
/// never saw.
final class InspectionCommandTests: XCTestCase {
    private func workspace() throws -> URL {
        let root = try makeWorkspace(self)
        try write(String(repeating: "(a b) [c d] (e f)\n", count: 20), to: "notebooks/data/brackets.txt", in: root)
        return root
    }

    func testGatesReachTheReportsAsHeatMaps() throws {
        let root = try workspace()
        try write("""
            # Gates

            ```rnn id=inside
            seed 1
            corpus = text("data/brackets.txt")
            lm = LanguageModel(vocab: corpus.vocab, embed: 6, rnn: LSTM(hidden: 8))
            fit lm on corpus { epochs: 1, batch: 4, bptt: 8 }
            show gates(lm, "(a <b>)", units: 4)
            ```
            """, to: "notebooks/gates.md", in: root)
        let failed = try UnrollProcess.run(["run", "notebooks/gates.md"], in: root)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("notebooks/gates.md:8:16: error: \"<\" (token 4 of the text) is not in the model's "
            + "vocabulary of 14 tokens; leave it out or build the vocabulary from a text that has it"), failed.stderr)

        try write(try read("notebooks/gates.md", in: root).replacingOccurrences(of: "<b>", with: "b"), to: "notebooks/gates.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/gates.md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try read("output/gates.html", in: root)
        XCTAssertEqual(html.components(separatedBy: "class=\"output output-heatmap\"").count - 1, 6)
        for title in ["input gate i_t: (a b)", "forget gate f_t: (a b)", "cell state c_t: (a b)", "hidden state h_t: (a b)"] {
            XCTAssertTrue(html.contains(title), title)
        }
        XCTAssertTrue(html.contains("<th scope=\"col\">␣</th>"), "a space is a visible column label")
        let markdown = try read("output/gates.md", in: root)
        XCTAssertTrue(markdown.contains("**output gate o\\_t: (a b)**"))
        XCTAssertTrue(markdown.contains("| unit 3 |"), markdown)
        let json = try read("output/gates.json", in: root)
        XCTAssertEqual(json.components(separatedBy: "\"kind\": \"heatmap\"").count - 1, 6)
        XCTAssertEqual(json.components(separatedBy: "\"unit 3\"").count - 1, 6, "four units in each")
        XCTAssertFalse(json.contains("\"unit 4\""))
    }
}
