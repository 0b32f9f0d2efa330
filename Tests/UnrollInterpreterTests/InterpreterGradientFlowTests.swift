import UnrollRecord
import XCTest
@testable import UnrollInterpreter

/// `gradient_flow(model, data)` and `bptt_terms(model, data)` in the language: one Series per layer against the
/// distance, for every model kind with a recurrent stack, plotted with its own axes, and their errors.
final class InterpreterGradientFlowTests: XCTestCase {
    private func harness() throws -> NotebookHarness {
        let h = try NotebookHarness()
        try h.run("""
        data = task.adding(count: 16, length: 12)
        deep = Regressor(inputs: 2, rnn: RNN(hidden: 5, layers: 2))
        corpus = text("data/tiny.txt")
        lm = LanguageModel(vocab: corpus.vocab, embed: 3, rnn: LSTM(hidden: 4))
        reviews = csv("data/reviews.csv", text: "review", label: "sentiment")
        clf = Classifier(vocab: reviews.vocab, classes: reviews.classes, embed: 3, rnn: GRU(hidden: 4))
        words = tagged("data/words.txt")
        seg = Tagger(vocab: words.vocab, tags: words.tags, embed: 3, rnn: RNN(hidden: 4, nonlinearity: "relu"))
        """)
        return h
    }

    func testOneSeriesPerLayerAgainstTheDistance() throws {
        let h = try harness()
        XCTAssertEqual(try h.printed("""
        flow = gradient_flow(deep, data, batch: 4)
        print flow.count, flow[0].count, flow[1].count
        print flow[0].first > flow[0].last, flow[1].first > flow[1].last
        print gradient_flow(lm, corpus, batch: 2)[0].count
        print gradient_flow(clf, reviews)[0].count, gradient_flow(seg, words)[0].count
        """), ["2 12 12", "true true", "35", "6 5"])
        let outputs = try h.run("plot gradient_flow(deep, data, batch: 4)")
        guard case .series(let s) = outputs[0].content else { return XCTFail("\(outputs)") }
        XCTAssertEqual(s.lines.map(\.name), ["layer 1", "layer 2"])
        XCTAssertEqual(s.lines[0].x, (0..<12).map(Double.init))
        XCTAssertEqual(s.xLabel, "distance T−k")
        XCTAssertEqual(s.yLabel, "‖∂L/∂h_k‖")
        // The same call twice gives the same numbers, and nothing of it leaks into the next training step.
        XCTAssertEqual(try h.value("gradient_flow(deep, data)[1].mean == gradient_flow(deep, data)[1].mean"), "true")
    }

    func testBPTTTermsGiveOneNormPerStepStartingFromZero() throws {
        let h = try harness()
        XCTAssertEqual(try h.printed("""
        terms = bptt_terms(deep, data)
        print terms.count, terms.first, terms.last > 0
        print bptt_terms(lm, corpus, batch: 3).count
        """), ["12 0 true", "35"])
        let outputs = try h.run("show bptt_terms(clf, reviews)")
        guard case .series(let s) = outputs[0].content else { return XCTFail("\(outputs)") }
        XCTAssertEqual(s.xLabel, "step k")
        XCTAssertEqual(s.lines[0].x, [1, 2, 3, 4, 5, 6], "the longest review has 6 tokens")
        XCTAssertEqual(s.lines.map(\.name), ["W_hh of layer 1"])
    }

    func testLeakySkipAndVariantLayersAreMeasuredOnTheirOwnTapeSteps() throws {
        let h = try harness()
        XCTAssertEqual(try h.printed("""
        leaky = Regressor(inputs: 2, rnn: LeakyRNN(hidden: 3, alpha: [1.0, 0.1], layers: 2))
        skipping = Regressor(inputs: 2, rnn: RNN(hidden: 3, skip: 3, skip_only: true))
        pc = Regressor(inputs: 2, rnn: LSTM(hidden: 3, variant: "coupled"))
        flow = gradient_flow(leaky, data, batch: 4)
        print flow.count, flow[0].count, flow[1].first > 0, flow[1].last > 0
        far = gradient_flow(skipping, data)[0]
        print far[1] == 0, far[2] == 0, far[3] > 0, far[6] > 0
        print gradient_flow(pc, data)[0].count, bptt_terms(pc, data).count, bptt_terms(leaky, data).last > 0
        """), ["2 12 true true", "true true true true", "12 12 true"])
        // A skip layer without one-step connections has no W_hh: its terms are W_skip's.
        let outputs = try h.run("show bptt_terms(skipping, data)")
        guard case .series(let s) = outputs[0].content else { return XCTFail("\(outputs)") }
        XCTAssertEqual(s.lines.map(\.name), ["W_skip of layer 1"])
        XCTAssertEqual(s.yLabel, "‖term of ∂L/∂W_skip‖")
        XCTAssertEqual(s.lines[0].y[0], 0, "the first step reads the zero state")
    }

    func testTheTermsAddUpToTheGradientTrainingUses() throws {
        let h = try harness()
        // Every model kind: the sum of the terms matches the fused kernel's gradient to float rounding.
        XCTAssertEqual(try h.printed("""
        print bptt_sum_error(deep, data) < 1e-5, bptt_sum_error(lm, corpus, batch: 3) < 1e-5
        print bptt_sum_error(clf, reviews) < 1e-5, bptt_sum_error(seg, words) < 1e-5
        print bptt_sum_error(deep, data) > 0 or bptt_sum_error(deep, data) == 0
        """), ["true true", "true true", "true"])
        // Asking leaves the model as it was: training afterwards is the same as without the question.
        XCTAssertEqual(try h.value("bptt_sum_error(deep, data) == bptt_sum_error(deep, data)"), "true")
        XCTAssertEqual(h.failure("bi = Regressor(inputs: 2, rnn: GRU(hidden: 3, bidirectional: true))\nprint bptt_sum_error(bi, data)"),
                       "2:22: 'bptt_sum_error' follows the gradient back in time through one direction; this model's recurrent "
                        + "stack is bidirectional; build it with 'bidirectional: false'")
    }

    func testModelsWithoutOneRecurrentStackAreRefused() throws {
        let h = try harness()
        XCTAssertEqual(h.failure("bi = Regressor(inputs: 2, rnn: GRU(hidden: 3, bidirectional: true))\nprint gradient_flow(bi, data)"),
                       "2:21: 'gradient_flow' follows the gradient back in time through one direction; this model's recurrent "
                        + "stack is bidirectional; build it with 'bidirectional: false'")
        XCTAssertEqual(h.failure("pairs = task.reverse(count: 20, length: 3...4, vocab: 5)\nmt = Seq2Seq(encoder: GRU(hidden: 4))\n"
                                 + "print bptt_terms(mt, pairs)"),
                       "3:18: 'bptt_terms' needs a model with one recurrent stack (Regressor, Classifier, Tagger or LanguageModel), not a Seq2Seq")
        XCTAssertEqual(h.failure("print gradient_flow(deep, corpus)"),
                       "1:27: a Regressor trains on numeric sequences (from task.adding or task.sine), not on a Corpus")
        XCTAssertEqual(h.failure("print gradient_flow(deep, data, batch: 0)"), "1:40: 'batch' must be positive, got 0")
    }
}
