import UnrollDiagnostics
import XCTest
@testable import UnrollLanguage

final class AnalysisTests: XCTestCase {
    func testChecksAllCellsTogetherWhenTheyParse() {
        let cells = [CellSource(source: "corpus = text(\"a.txt\")", firstLine: 5),
                     CellSource(source: "print corpus.size, nope", firstLine: 12, columnOffset: 2)]
        let analysis = Analysis(cells: cells, file: "notebooks/x.md", builtins: .standard)
        XCTAssertEqual(analysis.diagnostics.map(\.description), ["notebooks/x.md:12:22: error: unknown name 'nope'"])
        XCTAssertEqual(analysis.programs.count, 2)
        XCTAssertEqual(analysis.globals["corpus"], .corpus)
        XCTAssertTrue(analysis.hasErrors)
    }

    func testSyntaxErrorsStopTheCheckerFromGuessing() {
        let cells = [CellSource(source: "corpus = text(\"a.txt\"", firstLine: 1),
                     CellSource(source: "print corpus.vocab\nprint (1", firstLine: 10)]
        let analysis = Analysis(cells: cells, file: "x.md", builtins: .standard)
        // Without the first statement `corpus` would be unknown, but only the syntax errors are reported.
        XCTAssertEqual(analysis.diagnostics.map(\.description), [
            "x.md:1:22: error: expected ')' to close the call started at 1:14, found end of cell",
            "x.md:11:9: error: expected ')' to close the '(' at 11:7, found end of cell",
        ])
        XCTAssertEqual(analysis.globals, [:])
    }

    func testFormattedDiagnosticPointsIntoTheMarkdownFile() {
        let markdown = "# Title\n\n```rnn\nlm = LanguageModel(vocab: 3, rnn: LTSM(hidden: 4))\n```\n"
        let analysis = Analysis(cells: [CellSource(source: "lm = LanguageModel(vocab: 3, rnn: LTSM(hidden: 4))\n", firstLine: 4)],
                                file: "nb.md", builtins: .standard)
        XCTAssertEqual(DiagnosticFormatter(source: markdown).format(analysis.diagnostics), """
            nb.md:4:35: error: unknown layer 'LTSM'; did you mean 'LSTM'?
            lm = LanguageModel(vocab: 3, rnn: LTSM(hidden: 4))
                                              ^~~~
            """)
    }
}
