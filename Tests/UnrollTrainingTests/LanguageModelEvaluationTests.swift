import UnrollData
import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest

final class LanguageModelEvaluationTests: XCTestCase {
    func testLossMatchesTheTrainersEvaluationAndAccuracyCountsNextTokens() throws {
        var rng = RandomGenerator(seed: 4)
        let ids = (0..<300).map { 2 + $0 % 4 }
        let model = LanguageModel(vocabulary: 6, embed: 6, rnn: RecurrentSpec(kind: .gru, hidden: 12), rng: &rng)
        let objective = LanguageModelObjective(model: model, ids: ids, bptt: 9)
        let untrained = LanguageModelEvaluation.measure(model, ids: ids, batchSize: 5, bptt: 9)
        XCTAssertEqual(untrained.loss, Trainer.evaluate(objective, batchSize: 5, rng: &rng).loss, accuracy: 1e-9)
        XCTAssertEqual(untrained.perplexity!, exp(untrained.loss), accuracy: 1e-9)
        var options = TrainingOptions()
        options.epochs = 6
        options.batchSize = 5
        _ = try Trainer.fit(objective, options: options,
                            optimizer: try Adam(parameters: model.parameters, learningRate: 2e-2), rng: &rng)
        let trained = LanguageModelEvaluation.measure(model, ids: ids, batchSize: 5, bptt: 9)
        XCTAssertEqual(trained.loss, Trainer.evaluate(objective, batchSize: 5, rng: &rng).loss, accuracy: 1e-9)
        // The cycle 2 3 4 5 is easy to continue once learnt.
        XCTAssertGreaterThan(trained.accuracy!, 0.95)
        XCTAssertLessThan(untrained.accuracy!, 0.6)
    }

    func testAShortStreamUsesFewerRows() {
        var rng = RandomGenerator(seed: 5)
        let model = LanguageModel(vocabulary: 4, embed: 2, rnn: RecurrentSpec(kind: .rnnTanh, hidden: 2), rng: &rng)
        let metrics = LanguageModelEvaluation.measure(model, ids: [2, 3], batchSize: 32, bptt: 35)
        XCTAssertTrue(metrics.loss.isFinite)
        XCTAssertTrue([0.0, 1.0].contains(metrics.accuracy!), "one prediction is either right or wrong")
    }
}
