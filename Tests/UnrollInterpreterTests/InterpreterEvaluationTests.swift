import XCTest
@testable import UnrollInterpreter

final class InterpreterEvaluationTests: XCTestCase {
    func testEvaluateAccuracyAndPerplexityAgreeForALanguageModel() throws {
        let h = try NotebookHarness()
        try h.run("""
        corpus = text("data/tiny.txt")
        train, valid = corpus.split(0.8)
        lm = LanguageModel(vocab: corpus.vocab, embed: 6, rnn: LSTM(hidden: 8))
        fit lm on train { epochs: 4, batch: 4, bptt: 12, optimizer: Adam(lr: 0.02), validate: valid }
        m = evaluate(lm, valid)
        """)
        XCTAssertEqual(try h.printed("""
        print m.loss == lm.history.valid.loss.last, m.perplexity == perplexity(lm, valid), m.accuracy == accuracy(lm, valid)
        print m.accuracy > 0 and m.accuracy <= 1, abs(exp(m.loss) - m.perplexity) < 0.000001
        """), ["true true true", "true true"])
    }

    func testAccuracyOfClassifiersAndTaggersIsAFraction() throws {
        let h = try NotebookHarness()
        let printed = try h.printed("""
        reviews = csv("data/reviews.csv", text: "review", label: "sentiment")
        clf = Classifier(vocab: reviews.vocab, classes: reviews.classes, embed: 4, rnn: GRU(hidden: 4))
        fit clf on reviews { epochs: 25, batch: 5, optimizer: Adam(lr: 0.05) }
        a = accuracy(clf, reviews)
        print a >= 0.8, a * 10 == round(a * 10)
        words = tagged("data/words.txt")
        seg = Tagger(vocab: words.vocab, tags: words.tags, rnn: GRU(hidden: 4))
        t = accuracy(seg, words)
        print t >= 0 and t <= 1, evaluate(seg, words).accuracy == t
        """)
        XCTAssertEqual(printed, ["true true", "true true"])
    }

    func testPredictGivesLabelsTagsTokensAndNumbers() throws {
        let h = try NotebookHarness()
        try h.run("""
        reviews = csv("data/reviews.csv", text: "review", label: "sentiment")
        clf = Classifier(vocab: reviews.vocab, classes: reviews.classes, embed: 4, rnn: GRU(hidden: 4))
        fit clf on reviews { epochs: 25, batch: 5, optimizer: Adam(lr: 0.05) }
        words = tagged("data/words.txt")
        seg = Tagger(vocab: words.vocab, tags: words.tags, rnn: GRU(hidden: 4, bidirectional: true))
        fit seg on words { epochs: 1 }
        corpus = text("data/tiny.txt")
        lm = LanguageModel(vocab: corpus.vocab, rnn: GRU(hidden: 4))
        reg = Regressor(inputs: 2, outputs: 2, rnn: RNN(hidden: 3))
        """)
        XCTAssertEqual(try h.value(#"predict(clf, "great fun film")"#), "pos")
        XCTAssertEqual(try h.value(#"predict(clf, "boring and bad")"#), "neg")
        let tags = try h.value(#"predict(seg, "我们在学习")"#)
        XCTAssertTrue(tags.hasPrefix("[\"") && tags.split(separator: ",").count == 5, tags)
        XCTAssertEqual(try h.value(#"len(predict(lm, "the ca"))"#), "1")
        XCTAssertEqual(try h.value("len(predict(reg, [[0.1, 1], [0.5, 0]]))"), "2")
        XCTAssertEqual(h.failure("x = predict(reg, [[1, 2, 3]])"), "1:18: step 1 of the input must be a list of 2 numbers, got [1, 2, 3]")
        XCTAssertEqual(h.failure("x = predict(reg, [])"), "1:18: a Regressor predicts from a non-empty list of steps, got []")
        XCTAssertEqual(h.failure("x = predict(clf, 3)"), "1:18: argument 'input' of 'predict' expects string, list, Tensor or Dataset, got int")
        XCTAssertEqual(h.failure("x = predict(clf, [1])"), "1:18: a Classifier predicts from a string, got list of int")
        XCTAssertEqual(h.failure(#"x = predict(clf, "   ")"#), "1:18: the input has no tokens to predict from")
    }

    func testSampleGeneratesFromTheSeededGenerator() throws {
        let program = """
        seed 9
        corpus = text("data/tiny.txt")
        lm = LanguageModel(vocab: corpus.vocab, embed: 4, rnn: GRU(hidden: 8))
        fit lm on corpus { epochs: 2, batch: 4, bptt: 10, optimizer: Adam(lr: 0.02) }
        print sample(lm, prime: "the ", length: 30, temperature: 0.8)
        print sample(lm, length: 10)
        """
        let first = try NotebookHarness().printed(program)
        let second = try NotebookHarness().printed(program)
        XCTAssertEqual(first, second)
        XCTAssertTrue(first[0].hasPrefix("the "), first[0])
        XCTAssertGreaterThan(first[0].count, 20)
        XCTAssertNotEqual(first[0], try NotebookHarness().printed(program.replacingOccurrences(of: "seed 9", with: "seed 10"))[0])
    }

    func testSampleCallsTheCheckpointPerToken() throws {
        var calls = 0
        let h = try NotebookHarness(checkpoint: { calls += 1 })
        try h.run("lm = LanguageModel(vocab: text(\"data/tiny.txt\").vocab, rnn: GRU(hidden: 2))")
        calls = 0
        try h.run("s = sample(lm, length: 25)")
        XCTAssertEqual(calls, 1 + 25, "once for the statement, then once per token")
    }

    func testEvaluationProblems() throws {
        let h = try NotebookHarness()
        try h.run("""
        sums = task.adding(count: 4, length: 3)
        reg = Regressor(inputs: 2, rnn: RNN(hidden: 2))
        bare = LanguageModel(vocab: 10, rnn: RNN(hidden: 2))
        corpus = text("data/tiny.txt")
        """)
        XCTAssertEqual(h.failure("x = accuracy(reg, sums)"), "1:14: accuracy needs a model that predicts symbols, not a Regressor")
        XCTAssertEqual(h.failure("x = perplexity(reg, corpus)"), "1:16: perplexity needs a LanguageModel, not a Regressor")
        XCTAssertEqual(h.failure("x = sample(reg)"), "1:12: sample needs a LanguageModel, not a Regressor")
        XCTAssertEqual(h.failure("x = evaluate(bare, sums)"),
                       "1:20: a LanguageModel trains on a Corpus (from text(...)), not on a Dataset of numeric sequences")
        XCTAssertEqual(h.failure("x = sample(bare)"),
                       "1:12: the model was built from a vocabulary size and has no tokens to read or write text; build it with 'vocab: data.vocab' or fit it first")
        XCTAssertEqual(h.failure("x = evaluate(3, sums)"), "1:14: argument 'model' of 'evaluate' expects Model, got int")
    }
}
