import XCTest
@testable import UnrollInterpreter

final class InterpreterModelsTests: XCTestCase {
    func testLayersDescribeThemselvesAsTheyWereBuilt() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed("""
        print LSTM(hidden: 64)
        print GRU(hidden: 8, layers: 2, bidirectional: true, dropout: 0.25)
        print RNN(hidden: 3, nonlinearity: "relu")
        """), ["LSTM(hidden: 64)", "GRU(hidden: 8, layers: 2, bidirectional: true, dropout: 0.25)",
               #"RNN(hidden: 3, nonlinearity: "relu")"#])
        XCTAssertEqual(h.failure("l = LSTM(hidden: 4, dropout: 1.5)"), "1:30: 'dropout' must be in [0, 1), got 1.5")
        XCTAssertEqual(h.failure("l = LSTM(hidden: 0)"), "1:18: 'hidden' must be positive, got 0")
        XCTAssertEqual(h.failure(#"l = RNN(hidden: 2, nonlinearity: "sigmoid")"#),
                       #"1:34: 'nonlinearity' must be one of "tanh", "relu", got "sigmoid""#)
    }

    func testModelsCountTheirWeightsLikePyTorch() throws {
        let h = try NotebookHarness()
        try h.run("""
        lm = LanguageModel(vocab: 10, embed: 4, rnn: LSTM(hidden: 3))
        clf = Classifier(vocab: 5, classes: 2, embed: 2, rnn: GRU(hidden: 2, bidirectional: true))
        tag = Tagger(vocab: 5, tags: 3, embed: 2, rnn: RNN(hidden: 2))
        reg = Regressor(inputs: 2, outputs: 1, rnn: RNN(hidden: 3))
        """)
        // LM: embedding 12×4 = 48; LSTM 12×4 + 12×3 + 2·12 = 108; head 3×12 + 12 = 48.
        XCTAssertEqual(try h.value("lm.weights"), "204")
        // Classifier: embedding 7×2 = 14; two GRU directions of 6×2 + 6×2 + 2·6 = 36; head 4×2 + 2 = 10.
        XCTAssertEqual(try h.value("clf.weights"), "96")
        // Tagger: embedding 14; RNN 2×2 + 2×2 + 2·2 = 12; head 2×3 + 3 = 9.
        XCTAssertEqual(try h.value("tag.weights"), "35")
        // Regressor: RNN 3×2 + 3×3 + 2·3 = 21; head 3×1 + 1 = 4.
        XCTAssertEqual(try h.value("reg.weights"), "25")
        XCTAssertEqual(try h.value("lm"), "LanguageModel(vocab: 12, embed: 4, rnn: LSTM(hidden: 3), weights: 204)")
        XCTAssertEqual(try h.value("reg"), "Regressor(inputs: 2, outputs: 1, rnn: RNN(hidden: 3), weights: 25)")
    }

    func testAVocabularyValueSizesTheEmbeddingExactly() throws {
        let h = try NotebookHarness()
        try h.run("""
        corpus = text("data/tiny.txt")
        lm = LanguageModel(vocab: corpus.vocab, embed: 2, rnn: RNN(hidden: 2))
        """)
        // 13 distinct characters plus <pad> and <unk>.
        XCTAssertEqual(try h.value("corpus.vocab.size"), "15")
        // Embedding 15×2 = 30; RNN 2×2 + 2×2 + 2·2 = 12; head 2×15 + 15 = 45.
        XCTAssertEqual(try h.value("lm"), "LanguageModel(vocab: 15, embed: 2, rnn: RNN(hidden: 2), weights: 87)")
    }

    func testModelArgumentsAreChecked() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(h.failure("m = Classifier(vocab: 5, classes: 1, rnn: GRU(hidden: 2))"),
                       "1:35: a classifier needs at least 2 classes, got 1")
        XCTAssertEqual(h.failure(#"m = LanguageModel(vocab: "abc", rnn: GRU(hidden: 2))"#),
                       "1:26: argument 'vocab' of 'LanguageModel' expects int or Vocabulary, got string")
        XCTAssertEqual(h.failure("m = LanguageModel(vocab: 5, rnn: 3)"),
                       "1:34: argument 'rnn' of 'LanguageModel' expects recurrent layer, got int")
        XCTAssertEqual(h.failure("m = LanguageModel(vocab: 5)"), "1:5: missing required argument 'rnn' for 'LanguageModel'")
    }

    func testOptimizersDescribeThemselves() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed("print SGD(lr: 0.5, momentum: 0.9), Adam(), RMSprop(lr: 0.1), Adagrad()"),
                       ["SGD(lr: 0.5, momentum: 0.9) Adam(lr: 0.001) RMSprop(lr: 0.1) Adagrad(lr: 0.01)"])
        XCTAssertEqual(h.failure("o = SGD(lr: -0.1)"), "1:13: 'lr' must be positive, got -0.1")
        XCTAssertEqual(h.failure("o = SGD()"), "1:5: missing required argument 'lr' for 'SGD'")
    }
}
