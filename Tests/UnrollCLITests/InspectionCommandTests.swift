import Foundation
import XCTest

/// End-to-end: `unroll run` on tiny notebooks that train a char LSTM and show its gates (heat maps in the HTML
/// and Markdown reports and the run record; the located error for a character the model never saw) and draw a
/// deep bidirectional stack unrolled (an SVG figure in both reports, a record `check` reads back).
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

    func testTheUnrolledGraphIsAFigureInBothReportsAndPassesCheckAgainstItsBaseline() throws {
        let root = try workspace()
        let source = """
            # Unrolled

            ```rnn id=draw
            corpus = text("data/brackets.txt")
            lm = LanguageModel(vocab: corpus.vocab, embed: 6, rnn: GRU(hidden: 8, layers: 2, bidirectional: true))
            show unrolled(lm, steps: 3)
            ```
            """
        try write(source, to: "notebooks/draw.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/draw.md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let svg = try read("output/draw/draw-graph-1.svg", in: root)
        XCTAssertEqual(svg.components(separatedBy: "class=\"state\"").count - 1, 12)
        XCTAssertEqual(svg.components(separatedBy: "class=\"arrow\"").count - 1, 6 + 12 + 8 + 6)
        XCTAssertTrue(svg.contains("rnn.weight_hh_l1_reverse") && svg.contains(">GRU 2 ←</text>"))
        XCTAssertTrue(try read("output/draw.md", in: root).contains("](draw/draw-graph-1.svg)"))
        let html = try read("output/draw.html", in: root)
        XCTAssertTrue(html.contains("<figure class=\"output output-graph\"") && html.contains("class=\"unrolled\""))
        XCTAssertTrue(try read("output/draw.json", in: root).contains("\"kind\": \"graph\""))

        XCTAssertEqual(try UnrollProcess.run(["check", "notebooks/draw.md", "--update"], in: root).status, 0)
        let same = try UnrollProcess.run(["check", "notebooks/draw.md"], in: root)
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
    }
}
