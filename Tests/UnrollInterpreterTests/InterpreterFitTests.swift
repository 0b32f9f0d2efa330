import UnrollRecord
import XCTest
@testable import UnrollInterpreter

final class InterpreterFitTests: XCTestCase {
    private let languageModel = """
    corpus = text("data/tiny.txt")
    train, valid = corpus.split(0.8)
    lm = LanguageModel(vocab: corpus.vocab, embed: 6, rnn: GRU(hidden: 8))
    """

    func testFitTrainsRecordsHistoryAndAFitSeries() throws {
        let h = try NotebookHarness()
        try h.run(languageModel)
        let outputs = try h.run("fit lm on train { epochs: 3, batch: 4, bptt: 10, optimizer: Adam(lr: 0.01), validate: valid }")
        XCTAssertEqual(outputs.map(\.name), ["fit-1"])
        guard case .series(let series) = outputs[0].content else { return XCTFail("fit gives a series") }
        XCTAssertEqual(series.title, "fit lm on train")
        XCTAssertEqual(series.xLabel, "epoch")
        XCTAssertEqual(series.yLabel, "loss")
        XCTAssertEqual(series.lines.map(\.name), ["train loss", "valid loss"])
        XCTAssertEqual(series.lines[0].x, [1, 2, 3])
        let train = series.lines[0].y
        XCTAssertLessThan(train[2], train[0], "the loss falls")
        XCTAssertEqual(try h.printed("print lm.history.epochs, lm.history.train.loss.count, lm.history.valid.loss.count"),
                       ["3 3 3"])
        XCTAssertEqual(try h.value("lm.history.train.loss.last"), NumberText.format(train[2]))
    }

    func testFittingAgainContinuesTheHistory() throws {
        let h = try NotebookHarness()
        try h.run(languageModel)
        try h.run("fit lm on train { epochs: 1, batch: 4 }")
        let outputs = try h.run("fit lm on train { epochs: 2, batch: 4 }")
        guard case .series(let series) = outputs[0].content else { return XCTFail("fit gives a series") }
        XCTAssertEqual(series.lines.map(\.name), ["train loss"])
        XCTAssertEqual(series.lines[0].x, [2, 3])
        XCTAssertEqual(try h.printed("print lm.history.epochs, lm.history.valid.loss.count"), ["3 0"])
    }

    func testEveryOptionAndOptimizerTrains() throws {
        let h = try NotebookHarness()
        try h.run(languageModel)
        for optimizer in ["SGD(lr: 0.5, momentum: 0.5)", "Adam()", "RMSprop(lr: 0.01)", "Adagrad(lr: 0.1)"] {
            let outputs = try h.run("""
            fit lm on train { epochs: 1, batch: 2, bptt: 5, optimizer: \(optimizer), clip: 1.0, clip_value: 0.5, shuffle: false }
            """)
            guard case .series(let series) = outputs[0].content else { return XCTFail("fit gives a series") }
            XCTAssertTrue(series.lines[0].y[0].isFinite, optimizer)
        }
        XCTAssertEqual(try h.value("lm.history.epochs"), "4")
    }

    func testProgressEventsReportFitsBatchesAndEpochs() throws {
        var events: [String] = []
        let h = try NotebookHarness(events: { event in
            switch event {
            case .fitStarted(let model, let epochs): events.append("start \(model) \(epochs)")
            case .batch(let epoch, let batch, let batches, let loss):
                if batch == batches { events.append("batch \(epoch) \(batch)/\(batches) \(loss.isFinite)") }
            case .epochFinished(let epoch, let epochs, let train, let valid):
                events.append("epoch \(epoch)/\(epochs) \(train.keys.sorted()) \(valid?.keys.sorted() ?? [])")
            }
        })
        try h.run(languageModel)
        try h.run("fit lm on train { epochs: 2, batch: 4, bptt: 20, validate: valid }")
        XCTAssertEqual(events, [
            "start lm 2",
            "batch 1 4/4 true", "epoch 1/2 [\"loss\", \"perplexity\"] [\"loss\", \"perplexity\"]",
            "batch 2 4/4 true", "epoch 2/2 [\"loss\", \"perplexity\"] [\"loss\", \"perplexity\"]",
        ])
    }

    func testATimeoutInTrainingPropagatesUnchanged() throws {
        struct Timeout: Error {}
        var batches = 0
        let h = try NotebookHarness(events: { if case .batch = $0 { batches += 1 } }, checkpoint: {
            if batches >= 3 { throw Timeout() }
        })
        try h.run(languageModel)
        XCTAssertThrowsError(try h.run("fit lm on train { epochs: 50, batch: 2, bptt: 4 }")) { error in
            XCTAssertTrue(error is Timeout, "\(error)")
        }
        XCTAssertEqual(batches, 3)
    }

    func testFitProblemsPointAtTheirCause() throws {
        let h = try NotebookHarness()
        try h.run(languageModel + """

        reviews = csv("data/reviews.csv", text: "review", label: "sentiment")
        size = 0
        small = LanguageModel(vocab: 3, rnn: RNN(hidden: 2))
        """)
        XCTAssertEqual(h.failure("fit corpus on lm"), "1:5: cannot fit 'corpus': it is a Corpus, not a model")
        XCTAssertEqual(h.failure("fit lm on reviews"),
                       "1:11: a LanguageModel trains on a Corpus (from text(...)), not on a Dataset of labelled texts")
        XCTAssertEqual(h.failure("fit lm on train { batch: size }"), "1:26: 'batch' must be positive, got 0")
        XCTAssertEqual(h.failure("fit lm on train { epoch: 2 }"), "1:19: unknown option 'epoch' for 'fit'; did you mean 'epochs'?")
        XCTAssertEqual(h.failure(#"fit lm on train { optimizer: "adam" }"#),
                       "1:30: option 'optimizer' of 'fit' expects Optimizer, got string")
        XCTAssertEqual(h.failure("fit lm on train { validate: reviews }"),
                       "1:29: a LanguageModel trains on a Corpus (from text(...)), not on a Dataset of labelled texts")
        XCTAssertEqual(h.failure("fit small on train"),
                       "1:14: the data's vocabulary has 15 entries, but 'small' reads only 5 token ids; build the model with the data's 'vocab'")
    }

    func testTooShortACorpusIsAnError() throws {
        let h = try NotebookHarness(files: ["one.txt": "x"])
        try h.run(#"c = text("one.txt")"#)
        try h.run("m = LanguageModel(vocab: c.vocab, rnn: RNN(hidden: 2))")
        XCTAssertEqual(h.failure("fit m on c"), "1:10: the corpus has only 1 token; a language model needs at least 2")
    }

    func testClassifierTaggerAndRegressorTrain() throws {
        let h = try NotebookHarness()
        let printed = try h.printed("""
        reviews = csv("data/reviews.csv", text: "review", label: "sentiment")
        clf = Classifier(vocab: reviews.vocab, classes: reviews.classes, embed: 4, rnn: GRU(hidden: 4, bidirectional: true))
        fit clf on reviews { epochs: 2, batch: 3, validate: reviews, optimizer: SGD(lr: 0.1, momentum: 0.9) }
        words = tagged("data/words.txt")
        seg = Tagger(vocab: words.vocab, tags: words.tags, embed: 4, rnn: LSTM(hidden: 4, bidirectional: true))
        fit seg on words { epochs: 2, batch: 2 }
        sums = task.adding(count: 20, length: 5)
        reg = Regressor(inputs: sums.inputs, rnn: RNN(hidden: 4, nonlinearity: "relu"))
        fit reg on sums { epochs: 2, clip_value: 1.0, optimizer: RMSprop() }
        print clf.history.epochs, seg.history.epochs, reg.history.epochs
        print clf.history.valid.accuracy.count, seg.history.train.accuracy.count
        """)
        XCTAssertEqual(printed, ["2 2 2", "2 2"])
    }

    func testRegressorShapesAreChecked() throws {
        let h = try NotebookHarness()
        try h.run("""
        sums = task.adding(count: 10, length: 4)
        waves = task.sine(count: 6, length: 8)
        reg = Regressor(inputs: 3, outputs: 2, rnn: GRU(hidden: 2))
        two = Regressor(inputs: 2, outputs: 2, rnn: GRU(hidden: 2))
        one = Regressor(inputs: 1, rnn: GRU(hidden: 2))
        """)
        XCTAssertEqual(h.failure("fit reg on sums"), "1:12: the data has 2 input features per step (task.adding), but 'reg' expects 3")
        XCTAssertEqual(h.failure("fit two on sums"), "1:12: the data has 1 target value per example (task.adding), but 'two' predicts 2")
        XCTAssertEqual(h.failure("fit one on waves { validate: sums }"),
                       "1:30: the validation data has one target per sequence, but the training data has a target per step")
    }

    func testARegressorFollowsPerStepDataAndKeepsItsWeights() throws {
        let h = try NotebookHarness()
        try h.run("""
        waves = task.sine(count: 8, length: 6)
        reg = Regressor(inputs: 1, rnn: LSTM(hidden: 3))
        before = evaluate(reg, waves).loss
        """)
        // Switching to per-step outputs keeps the weights: evaluation before any training is repeatable.
        XCTAssertEqual(try h.value("evaluate(reg, waves).loss == before"), "true")
        try h.run("fit reg on waves { epochs: 3, optimizer: Adam(lr: 0.05) }")
        XCTAssertEqual(try h.value("reg.history.train.loss.last < reg.history.train.loss.first"), "true")
        XCTAssertEqual(try h.value("len(predict(reg, [[0.1], [0.2], [0.3]]))"), "3")
    }

    func testTaggersTrainOnSymbolPairs() throws {
        let h = try NotebookHarness()
        let printed = try h.printed("""
        rev = task.reverse(count: 30, length: 2...4, vocab: 4)
        t = Tagger(vocab: 4, tags: 4, embed: 4, rnn: GRU(hidden: 6, bidirectional: true))
        fit t on rev { epochs: 2, optimizer: Adagrad(lr: 0.05), shuffle: false }
        print t.history.train.accuracy.count, len(predict(t, "3 1 0"))
        """)
        XCTAssertEqual(printed, ["2 3"])
    }
}
