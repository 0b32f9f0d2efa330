import XCTest
@testable import UnrollInterpreter

final class InterpreterMembersTests: XCTestCase {
    private func trained() throws -> NotebookHarness {
        let h = try NotebookHarness()
        try h.run("""
        corpus = text("data/tiny.txt")
        train, valid = corpus.split(0.8)
        lm = LanguageModel(vocab: corpus.vocab, embed: 4, rnn: RNN(hidden: 4))
        fit lm on train { epochs: 3, batch: 4, bptt: 8, optimizer: Adam(lr: 0.02), validate: valid }
        losses = lm.history.train.loss
        """)
        return h
    }

    func testSeriesMembersSummariseTheValues() throws {
        let h = try trained()
        let losses = try h.value("losses")
        let values = losses.dropFirst().dropLast().split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces))! }
        XCTAssertEqual(values.count, 3)
        XCTAssertEqual(try h.printed("print losses.first == losses[0], losses.last == losses[-1], losses.count"), ["true true 3"])
        XCTAssertEqual(try h.printed("print losses.min <= losses.mean, losses.mean <= losses.max"), ["true true"])
        XCTAssertEqual(try h.printed("print min(losses) == losses.min, max(losses) == losses.max, mean(losses) == losses.mean"),
                       ["true true true"])
        XCTAssertEqual(try h.value("exp(lm.history.train.loss.last) == lm.history.train.perplexity.last"), "true")
    }

    func testLoopsRunOverASeries() throws {
        let h = try trained()
        XCTAssertEqual(try h.printed("n = 0\nfor l in losses { n = n + 1 }\nprint n"), ["3"])
    }

    func testMissingMetricsAndEmptySeriesAreExplained() throws {
        let h = try trained()
        XCTAssertEqual(h.failure("a = lm.history.train.accuracy"),
                       "1:22: a LanguageModel's history records loss and perplexity, not accuracy; use 'accuracy(model, data)'")
        try h.run("lm2 = LanguageModel(vocab: corpus.vocab, rnn: RNN(hidden: 2))\nfit lm2 on train { epochs: 1 }")
        XCTAssertEqual(try h.value("lm2.history.valid.loss.count"), "0")
        XCTAssertEqual(h.failure("x = lm2.history.valid.loss.last"),
                       "1:28: the series 'valid loss' is empty, so it has no 'last'; pass 'validate:' to 'fit' to record validation metrics")
        try h.run("reg = Regressor(inputs: 2, rnn: RNN(hidden: 2))\nfit reg on task.adding(count: 4, length: 3)")
        XCTAssertEqual(h.failure("x = reg.history.train.perplexity"),
                       "1:23: a Regressor has no perplexity; its loss is the mean squared error")
    }

    func testMemberErrors() throws {
        let h = try trained()
        XCTAssertEqual(h.failure("x = corpus.vocabs"), "1:12: unknown member 'vocabs' of Corpus; did you mean 'vocab'?")
        XCTAssertEqual(h.failure("x = corpus.split"), "1:12: 'split' is a method of Corpus; call it as 'split(...)'")
        XCTAssertEqual(h.failure("x = (3).size"), "1:9: unknown member 'size' of int")
    }

    func testCounts() throws {
        let h = try trained()
        XCTAssertEqual(try h.printed(#"print [1, 2].count, "héllo".count, (2...5).count, corpus.size, len(corpus.vocab), lm.history.epochs"#),
                       ["2 5 4 360 15 3"])
        XCTAssertEqual(try h.printed(#"print table([[1, "a"]], columns: ["n", "s"]).count, train.split(0.5).count"#), ["1 2"])
    }
}
