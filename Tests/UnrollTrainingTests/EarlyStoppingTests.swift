import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest

final class EarlyStoppingTests: XCTestCase {
    /// Training data where the label says whether token 3 occurs, and validation data with the labels swapped, so
    /// that the validation loss gets worse as training gets better.
    private func setUp(seed: UInt64) -> (SequenceClassifier, ClassifierObjective, ClassifierObjective, RandomGenerator) {
        var rng = RandomGenerator(seed: seed)
        let examples = (0..<64).map { _ -> ClassificationExample in
            let tokens = (0..<(3 + rng.nextInt(below: 4))).map { _ in 2 + rng.nextInt(below: 4) }
            return ClassificationExample(tokens: tokens, label: tokens.contains(3) ? 1 : 0)
        }
        let swapped = examples.map { ClassificationExample(tokens: $0.tokens, label: 1 - $0.label) }
        let model = SequenceClassifier(vocabulary: 6, classes: 2, embed: 4, rnn: RecurrentSpec(kind: .gru, hidden: 8), rng: &rng)
        return (model, ClassifierObjective(model: model, examples: examples), ClassifierObjective(model: model, examples: swapped), rng)
    }

    /// Trains with `stopping`, keeping a copy of the weights after every epoch.
    private func train(_ stopping: EarlyStopping, epochs: Int) throws -> (History, [[Tensor]], [Tensor], ClassifierObjective) {
        var (model, train, valid, rng) = setUp(seed: 11)
        var options = TrainingOptions()
        options.epochs = epochs
        options.batchSize = 16
        options.stopping = stopping
        var snapshots: [[Tensor]] = []
        let history = try Trainer.fit(train, validation: valid, options: options,
                                      optimizer: try Adam(parameters: model.parameters, learningRate: 3e-2), rng: &rng,
                                      progress: { _ in snapshots.append(model.parameters.map(\.value)) })
        return (history, snapshots, model.parameters.map(\.value), valid)
    }

    func testPatienceStopsAfterThatManyEpochsWithoutABetterValidationLoss() throws {
        let (history, snapshots, final, _) = try train(EarlyStopping(patience: 2), epochs: 12)
        let losses = history.valid.map(\.loss)
        let best = try XCTUnwrap(history.bestEpoch)
        XCTAssertEqual(losses[best - 1], losses.min())
        let stopped = try XCTUnwrap(history.stoppedEpoch, "valid loss \(losses)")
        XCTAssertEqual(stopped, best + 2)
        XCTAssertEqual(history.epochs, stopped)
        XCTAssertNil(history.restoredEpoch)
        XCTAssertEqual(final.map(\.scalars), snapshots.last!.map(\.scalars), "without keep_best the last weights stay")
    }

    func testKeepBestRestoresTheBestEpochsWeightsBitForBit() throws {
        let (history, snapshots, final, valid) = try train(EarlyStopping(patience: 3, keepBest: true), epochs: 12)
        let best = try XCTUnwrap(history.bestEpoch)
        XCTAssertEqual(history.restoredEpoch, best)
        XCTAssertNotEqual(best, history.epochs)
        let expected = snapshots[best - 1]
        for (a, b) in zip(final, expected) {
            XCTAssertEqual(a.scalars.map(\.bitPattern), b.scalars.map(\.bitPattern))
        }
        var rng = RandomGenerator(seed: 0)
        XCTAssertEqual(Trainer.evaluate(valid, batchSize: 16, rng: &rng).loss, history.valid[best - 1].loss,
                       "the restored model measures what its epoch measured")
    }

    func testKeepBestWithoutPatienceTrainsEveryEpoch() throws {
        let (history, snapshots, final, _) = try train(EarlyStopping(keepBest: true), epochs: 5)
        XCTAssertEqual(history.epochs, 5)
        XCTAssertNil(history.stoppedEpoch)
        let best = try XCTUnwrap(history.bestEpoch)
        XCTAssertEqual(final.map(\.scalars), snapshots[best - 1].map(\.scalars))
    }

    func testImprovementDirectionFollowsTheMetric() {
        let loss = EarlyStopping(monitor: "loss"), accuracy = EarlyStopping(monitor: "accuracy")
        XCTAssertTrue(loss.improves(0.5, on: 0.6))
        XCTAssertFalse(loss.improves(0.6, on: 0.6))
        XCTAssertTrue(accuracy.improves(0.7, on: 0.6))
        XCTAssertFalse(accuracy.improves(0.5, on: 0.6))
        XCTAssertTrue(loss.improves(3, on: nil))
        XCTAssertFalse(loss.improves(.nan, on: nil))
        XCTAssertEqual(accuracy.value(in: Metrics(loss: 1, accuracy: 0.25)), 0.25)
        XCTAssertNil(accuracy.value(in: Metrics(loss: 1)))
    }

    func testHistoryAppendCountsEpochsOverBothFits() {
        var first = History()
        first.train = [Metrics(loss: 1), Metrics(loss: 0.5)]
        var second = History()
        second.train = [Metrics(loss: 0.4), Metrics(loss: 0.3), Metrics(loss: 0.35)]
        second.bestEpoch = 2
        second.restoredEpoch = 2
        first.append(second)
        XCTAssertEqual(first.bestEpoch, 4)
        XCTAssertEqual(first.restoredEpoch, 4)
        XCTAssertNil(first.stoppedEpoch)
        var third = History()
        third.train = [Metrics(loss: 0.2)]
        first.append(third)
        XCTAssertEqual(first.bestEpoch, 4, "a fit that watched nothing leaves the last watched fit's epochs")
        XCTAssertEqual(first.restoredEpoch, 4)
        XCTAssertEqual(first.epochs, 6)
    }

    func testPlateauFollowsTheValidationLossTheTrainerMeasured() throws {
        var (model, train, valid, rng) = setUp(seed: 13)
        var options = TrainingOptions()
        options.epochs = 6
        options.batchSize = 16
        let rule = LearningRateSchedule.Kind.plateau(patience: 0, factor: 0.5, minimum: 0)
        options.schedule = LearningRateSchedule(rule)
        let adam = try Adam(parameters: model.parameters, learningRate: 0.03)
        let history = try Trainer.fit(train, validation: valid, options: options, optimizer: adam, rng: &rng)
        var replay = LearningRateSchedule(rule)
        let base = Double(Float(0.03))
        let expected = (1...6).map { epoch -> Double in
            let rate = replay.rate(epoch: epoch, of: 6, base: base)
            replay.observe(history.valid[epoch - 1].loss)
            return rate
        }
        XCTAssertEqual(history.learningRates, expected)
        XCTAssertLessThan(history.learningRates.last!, base, "the worsening validation loss cut the rate")
    }

    func testScheduledRatesAreRecordedAndSetOnTheOptimizer() throws {
        var (model, train, _, rng) = setUp(seed: 12)
        var options = TrainingOptions()
        options.epochs = 4
        options.schedule = LearningRateSchedule(.step(every: 1, factor: 0.5))
        let adam = try Adam(parameters: model.parameters, learningRate: 0.04)
        let history = try Trainer.fit(train, options: options, optimizer: adam, rng: &rng)
        XCTAssertEqual(history.learningRates, [Double(Float(0.04)), Double(Float(0.04)) / 2, Double(Float(0.04)) / 4,
                                               Double(Float(0.04)) / 8])
        XCTAssertEqual(adam.learningRate, Float(Double(Float(0.04)) / 8))
    }
}
