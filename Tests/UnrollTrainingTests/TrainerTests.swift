import UnrollData
import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest

final class TrainerTests: XCTestCase {
    private let spec = RecurrentSpec(kind: .gru, hidden: 16)

    func testClassifierLearnsWhetherTokenThreeOccurs() throws {
        var rng = RandomGenerator(seed: 1)
        let examples = (0..<200).map { _ -> ClassificationExample in
            let tokens = (0..<(3 + rng.nextInt(below: 5))).map { _ in 2 + rng.nextInt(below: 4) }
            return ClassificationExample(tokens: tokens, label: tokens.contains(3) ? 1 : 0)
        }
        let model = SequenceClassifier(vocabulary: 6, classes: 2, embed: 8, rnn: spec, rng: &rng)
        let objective = ClassifierObjective(model: model, examples: examples)
        var options = TrainingOptions()
        options.epochs = 15
        options.batchSize = 16
        let history = try Trainer.fit(objective, validation: objective, options: options,
                                  optimizer: try Adam(parameters: model.parameters, learningRate: 1e-2), rng: &rng)
        XCTAssertEqual(history.epochs, 15)
        XCTAssertEqual(history.seconds.count, 15, "one measured time per epoch")
        XCTAssertTrue(history.seconds.allSatisfy { $0 > 0 && $0 < 60 }, "\(history.seconds)")
        var timedDifferently = history
        timedDifferently.seconds = history.seconds.map { $0 * 2 }
        XCTAssertEqual(timedDifferently, history, "seconds are a measurement, not a result")
        timedDifferently.train[0] = Metrics(loss: 123)
        XCTAssertNotEqual(timedDifferently, history)
        XCTAssertGreaterThan(history.valid.last!.accuracy!, 0.95)
        XCTAssertLessThan(history.train.last!.loss, history.train.first!.loss / 3)
    }

    func testLanguageModelPerplexityFallsOnARepeatingStream() throws {
        var rng = RandomGenerator(seed: 2)
        let ids = (0..<600).map { 2 + $0 % 5 }
        let model = LanguageModel(vocabulary: 7, embed: 8, rnn: RecurrentSpec(kind: .lstm, hidden: 16), rng: &rng)
        let objective = LanguageModelObjective(model: model, ids: ids, bptt: 10)
        var options = TrainingOptions()
        options.epochs = 8
        options.batchSize = 4
        options.clipNorm = 5
        let history = try Trainer.fit(objective, options: options,
                                  optimizer: try Adam(parameters: model.parameters, learningRate: 1e-2), rng: &rng)
        XCTAssertGreaterThan(history.train.first!.perplexity!, 2.5)
        XCTAssertLessThan(history.train.last!.perplexity!, 1.2)
        // The model continues the cycle 2 3 4 5 6.
        let sample = TextSampler.sample(model, prime: [2, 3, 4], length: 5, temperature: 0, rng: &rng)
        XCTAssertEqual(sample, [5, 6, 2, 3, 4])
    }

    func testTaggerLearnsToCopyParityOfTokens() throws {
        var rng = RandomGenerator(seed: 3)
        let examples = (0..<150).map { _ -> TaggingExample in
            let tokens = (0..<(2 + rng.nextInt(below: 6))).map { _ in 2 + rng.nextInt(below: 6) }
            return TaggingExample(tokens: tokens, tags: tokens.map { $0 % 2 })
        }
        let model = SequenceTagger(vocabulary: 8, tags: 2, embed: 8, rnn: RecurrentSpec(kind: .rnnTanh, hidden: 12, bidirectional: true), rng: &rng)
        var options = TrainingOptions()
        options.epochs = 10
        options.batchSize = 16
        let objective = TaggerObjective(model: model, examples: examples)
        let history = try Trainer.fit(objective, validation: objective, options: options,
                                  optimizer: try Adam(parameters: model.parameters, learningRate: 2e-2), rng: &rng)
        XCTAssertEqual(history.valid.last!.accuracy!, 1, accuracy: 0.01)
    }

    func testRegressorReducesAddingProblemError() throws {
        var rng = RandomGenerator(seed: 4)
        let data = try SyntheticTasks.adding(count: 300, length: 8...8, rng: &rng)
        let model = SequenceRegressor(inputs: 2, outputs: 1, rnn: RecurrentSpec(kind: .lstm, hidden: 16), perStep: false, rng: &rng)
        let objective = RegressorObjective(model: model, dataset: data)
        let before = Trainer.evaluate(objective, batchSize: 32, rng: &rng).loss
        var options = TrainingOptions()
        options.epochs = 30
        options.batchSize = 32
        _ = try Trainer.fit(objective, options: options,
                        optimizer: try Adam(parameters: model.parameters, learningRate: 1e-2), rng: &rng)
        let after = Trainer.evaluate(objective, batchSize: 32, rng: &rng).loss
        XCTAssertLessThan(after, before / 4, "mse before \(before), after \(after)")
    }

    func testSameSeedGivesIdenticalHistory() throws {
        func run() throws -> History {
            var rng = RandomGenerator(seed: 5)
            let ids = (0..<300).map { ($0 * 7) % 11 }
            let model = LanguageModel(vocabulary: 11, embed: 4, rnn: RecurrentSpec(kind: .gru, hidden: 8, layers: 2, dropout: 0.2), dropout: 0.1, rng: &rng)
            var options = TrainingOptions()
            options.epochs = 2
            options.batchSize = 3
            options.bptt = 7
            return try Trainer.fit(LanguageModelObjective(model: model, ids: ids, bptt: 7), options: options,
                               optimizer: try SGD(parameters: model.parameters, learningRate: 0.1, momentum: 0.9), rng: &rng)
        }
        XCTAssertEqual(try run(), try run())
    }
}
