import UnrollRecord
import XCTest
@testable import UnrollInterpreter

final class InterpreterDisplayTests: XCTestCase {
    private func trained() throws -> NotebookHarness {
        let h = try NotebookHarness.withFittedModel()
        try h.run("""
        gru = LanguageModel(vocab: corpus.vocab, embed: 4, rnn: GRU(hidden: 4))
        fit gru on train { epochs: 3, batch: 4 }
        """)
        return h
    }

    private func series(_ outputs: [CellOutput], file: StaticString = #filePath, line: UInt = #line) -> SeriesOutput? {
        guard outputs.count == 1, case .series(let s) = outputs[0].content else {
            XCTFail("expected one series, got \(outputs)", file: file, line: line)
            return nil
        }
        return s
    }

    func testShowGivesEachValueItsNaturalOutput() throws {
        let h = try trained()
        let outputs = try h.run("""
        show 3
        show 1.5 * 2
        show "text"
        show true
        show evaluate(lm, valid)
        show lm.history.train.loss
        """)
        XCTAssertEqual(outputs.map(\.name), ["show-1", "show-2", "show-3", "show-4", "show-5", "show-6"])
        XCTAssertEqual(outputs[0], .scalar("show-1", 3, label: "3"))
        XCTAssertEqual(outputs[1], .scalar("show-2", 3, label: "1.5 * 2"))
        XCTAssertEqual(outputs[2], .text("show-3", "text"))
        XCTAssertEqual(outputs[3], .text("show-4", "true"))
        guard case .table(let table) = outputs[4].content else { return XCTFail("metrics show as a table") }
        XCTAssertEqual(table.columns, ["loss", "accuracy", "perplexity"])
        XCTAssertEqual(table.title, "evaluate(lm, valid)")
        guard case .series(let s) = outputs[5].content else { return XCTFail("a series shows as curves") }
        XCTAssertEqual(s.lines.map(\.name), ["train loss"])
        XCTAssertEqual(s.yLabel, "loss")
    }

    func testPlotOfAHistoryDrawsTrainingAndValidationCurves() throws {
        let h = try trained()
        guard let s = series(try h.run(#"plot lm.history { metric: "perplexity", title: "char RNN" }"#)) else { return }
        XCTAssertEqual(s.title, "char RNN")
        XCTAssertEqual(s.xLabel, "epoch")
        XCTAssertEqual(s.yLabel, "perplexity")
        XCTAssertEqual(s.lines.map(\.name), ["train perplexity", "valid perplexity"])
        XCTAssertEqual(s.lines[0].x, [1, 2])
        XCTAssertEqual(try h.value("lm.history.valid.perplexity.last"), NumberText.format(s.lines[1].y[1]))
    }

    func testPlotOfSeveralHistoriesUsesLabelsOrTheirSource() throws {
        let h = try trained()
        guard let labelled = series(try h.run(#"plot [lm.history, gru.history] { labels: ["RNN", "GRU"] }"#)) else { return }
        XCTAssertEqual(labelled.title, "[lm.history, gru.history]")
        XCTAssertEqual(labelled.lines.map(\.name), ["RNN train loss", "RNN valid loss", "GRU train loss"])
        XCTAssertEqual(labelled.lines.map(\.y.count), [2, 2, 3])
        guard let named = series(try h.run("plot [lm.history, gru.history]")) else { return }
        XCTAssertEqual(named.lines.map(\.name), ["lm.history train loss", "lm.history valid loss", "gru.history train loss"])
        XCTAssertEqual(h.failure(#"plot [lm.history, gru.history] { labels: ["a"] }"#), "1:42: 'labels' has 1 name for 2 plotted values")
    }

    func testPlotOfSeriesAndNumbers() throws {
        let h = try trained()
        guard let s = series(try h.run("plot [lm.history.train.loss, gru.history.train.loss]")) else { return }
        XCTAssertEqual(s.lines.map(\.name), ["lm.history.train.loss", "gru.history.train.loss"])
        guard let one = series(try h.run("plot gru.history.train.loss")) else { return }
        XCTAssertEqual(one.lines.map(\.name), ["train loss"])
        XCTAssertEqual(one.yLabel, "loss")
        guard let numbers = series(try h.run("plot [3, 1, 2] { title: \"numbers\" }")) else { return }
        XCTAssertEqual(numbers, SeriesOutput(title: "numbers", xLabel: "step", yLabel: "value",
                                             lines: [SeriesLine(name: "[3, 1, 2]", y: [3, 1, 2])]))
    }

    func testPlotProblems() throws {
        let h = try trained()
        XCTAssertEqual(h.failure("plot corpus"),
                       "1:6: cannot plot Corpus; 'plot' takes a History, a Series, a list of numbers, or a list of those")
        XCTAssertEqual(h.failure(#"plot lm.history { metric: "accuracy" }"#),
                       "1:6: a LanguageModel's history records loss and perplexity, not accuracy; use 'accuracy(model, data)'")
        XCTAssertEqual(h.failure(#"plot lm.history { metric: "bleu" }"#),
                       #"1:27: 'metric' must be one of "loss", "perplexity", "accuracy", "grad_norm", "grad_norm_max", "clipped", got "bleu""#)
        XCTAssertEqual(h.failure("m = LanguageModel(vocab: 3, rnn: RNN(hidden: 2))\nplot m.history"),
                       "2:6: there is nothing to plot: no epochs were recorded; fit the model first")
        XCTAssertEqual(h.failure("plot []"), "1:6: there is nothing to plot in an empty list")
    }

    func testExpectRecordsPassesAndExplainsFailures() throws {
        let h = try trained()
        let outputs = try h.run("expect gru.history.train.loss.last < 100\nexpect true")
        XCTAssertEqual(outputs, [.scalar("expect-1", 1, label: "gru.history.train.loss.last < 100"),
                                 .scalar("expect-2", 1, label: "true")])
        try h.run("ppl = 34.2")
        XCTAssertEqual(h.failure("expect ppl < 30"), "1:8: expected ppl < 30, got 34.2 < 30")
        XCTAssertEqual(h.failure(#"expect "a" == "b""#), #"1:8: expected "a" == "b", got "a" == "b""#)
        XCTAssertEqual(h.failure("expect ppl < 30 and true"), "1:8: expected ppl < 30 and true, got false")
        XCTAssertEqual(h.failure("expect ppl"), "1:8: 'expect' needs a condition that is true or false, got float")
    }
}
