import UnrollLanguage
import UnrollRecord
import UnrollTraining
import XCTest
@testable import UnrollInterpreter

/// `fit`'s training-control options: schedules, early stopping, keeping the best weights, AdamW, and the figure.
final class InterpreterTrainingControlTests: XCTestCase {
    /// The reviews with every label swapped: the better a model fits the reviews, the worse it does on these.
    private static let files = NotebookHarness.standardFiles.merging([
        "data/swapped.csv": NotebookHarness.standardFiles["data/reviews.csv"]!
            .replacingOccurrences(of: ",pos", with: ",tmp").replacingOccurrences(of: ",neg", with: ",pos")
            .replacingOccurrences(of: ",tmp", with: ",neg"),
    ]) { a, _ in a }

    private let classifier = """
    reviews = csv("data/reviews.csv", text: "review", label: "sentiment")
    swapped = csv("data/swapped.csv", text: "review", label: "sentiment")
    clf = Classifier(vocab: reviews.vocab, classes: 2, embed: 4, rnn: GRU(hidden: 8))
    """

    func testPlotFalseRecordsNoFigureAndTitleNamesIt() throws {
        let h = try NotebookHarness(files: Self.files)
        try h.run(classifier)
        XCTAssertEqual(try h.run("fit clf on reviews { epochs: 1, plot: false }").map(\.name), [])
        let outputs = try h.run("fit clf on reviews { epochs: 1, title: \"round 2\" }")
        guard case .series(let series) = outputs.first?.content else { return XCTFail("fit with a title plots") }
        XCTAssertEqual(series.title, "round 2")
        XCTAssertEqual(series.lines[0].x, [2], "the history still counts the unplotted fit")
    }

    func testPatienceStopsEarlyAndKeepBestRestoresAndTheReportSaysSo() throws {
        let h = try NotebookHarness(files: Self.files, seed: 3)
        try h.run(classifier)
        let outputs = try h.run("""
            fit clf on reviews { epochs: 30, batch: 5, optimizer: Adam(lr: 0.05), validate: swapped, patience: 2, keep_best: true }
            """)
        XCTAssertEqual(outputs.map(\.name), ["fit-1", "fit-1-stop"])
        let best = Int(try h.value("clf.history.best_epoch"))!
        let stopped = Int(try h.value("clf.history.stopped_epoch"))!
        XCTAssertEqual(stopped, best + 2)
        XCTAssertEqual(try h.value("clf.history.epochs"), String(stopped))
        guard case .text(let text) = outputs[1].content else { return XCTFail("the stop is a text output") }
        XCTAssertTrue(text.hasPrefix("stopped early at epoch \(stopped) of 30; restored the weights of epoch \(best) (valid loss "),
                      text)
        // The restored weights measure what the best epoch measured.
        XCTAssertEqual(try h.value("evaluate(clf, swapped).loss"), try h.value("clf.history.valid.loss.min"))
    }

    func testTheStopSummaryCountsTheModelsEpochs() {
        var fit = History()
        fit.train = [Metrics(loss: 0.5), Metrics(loss: 0.25), Metrics(loss: 0.3), Metrics(loss: 0.4)]
        fit.bestEpoch = 2
        fit.stoppedEpoch = 4
        fit.restoredEpoch = 2
        XCTAssertEqual(Interpreter.stoppingSummary(fit, before: 3, planned: 10, watched: EarlyStopping(patience: 2, keepBest: true)),
                       "stopped early at epoch 7 of 13; restored the weights of epoch 5 (train loss 0.25)")
        fit.stoppedEpoch = nil
        fit.restoredEpoch = nil
        XCTAssertEqual(Interpreter.stoppingSummary(fit, before: 0, planned: 4, watched: EarlyStopping(monitor: "loss")),
                       "trained all 4 epochs; best epoch 2 (train loss 0.25)")
        XCTAssertNil(Interpreter.stoppingSummary(fit, before: 0, planned: 4, watched: nil))
    }

    func testWithoutTrainingControlNothingChanges() throws {
        let h = try NotebookHarness(files: Self.files)
        try h.run(classifier)
        XCTAssertEqual(try h.run("fit clf on reviews { epochs: 2, validate: swapped }").map(\.name), ["fit-1"])
        XCTAssertEqual(try h.value("clf.history.best_epoch"), "0")
        XCTAssertEqual(try h.value("clf.history.stopped_epoch"), "0")
        XCTAssertEqual(try h.value("clf.history.lr.count"), "0")
    }

    func testStepScheduleSetsTheRatePerEpoch() throws {
        let h = try NotebookHarness(files: Self.files)
        try h.run(classifier)
        try h.run("fit clf on reviews { epochs: 5, optimizer: SGD(lr: 0.1), schedule: Step(every: 2, factor: 0.5) }")
        XCTAssertEqual(try h.printed("print clf.history.lr.count, clf.history.lr.first, clf.history.lr.last"), ["5 0.1 0.025"])
        XCTAssertEqual(try h.value("Cosine(min_lr: 0.001)"), "Cosine(min_lr: 0.001)")
        XCTAssertEqual(try h.value("Plateau(patience: 1)"), "Plateau(patience: 1, factor: 0.1, min_lr: 0)")
    }

    func testAdamWTrainsAndPrintsItsOptions() throws {
        let h = try NotebookHarness(files: Self.files)
        try h.run(classifier)
        XCTAssertEqual(try h.value("AdamW(lr: 0.01)"), "AdamW(lr: 0.01, weight_decay: 0.01)")
        try h.run("fit clf on reviews { epochs: 3, optimizer: AdamW(lr: 0.05, weight_decay: 0.1) }")
        XCTAssertEqual(try h.value("clf.history.epochs"), "3")
    }

    func testLearningRateInFitPointsAtTheOptimizer() throws {
        let h = try NotebookHarness(files: Self.files)
        try h.run(classifier)
        XCTAssertEqual(h.failure("fit clf on reviews { lr: 1e-3 }"),
                       "1:22: learning rate goes in the optimizer: optimizer: Adam(lr: 1e-3)")
        h.assertFailure("fit clf on reviews { epochs: 2, patience: 1 }", raises: TrainingMessage.needsValidation(option: "patience"))
        h.assertFailure("fit clf on reviews { validate: swapped, monitor: \"perplexity\" }",
                        raises: TrainingMessage.monitorUnavailable(metric: "perplexity", model: "Classifier"))
    }
}
