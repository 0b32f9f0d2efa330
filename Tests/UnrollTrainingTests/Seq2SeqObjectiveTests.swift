import UnrollData
import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest

final class Seq2SeqObjectiveTests: XCTestCase {
    private func model(_ rng: inout RandomGenerator, vocabulary: Int) throws -> Seq2Seq {
        try Seq2Seq(Seq2SeqSpec(sourceVocabulary: vocabulary + 2, targetVocabulary: vocabulary + 4, embed: 8,
                                encoder: RecurrentSpec(kind: .gru, hidden: 12, bidirectional: true),
                                decoder: RecurrentSpec(kind: .gru, hidden: 24), attention: .additive, dropout: 0),
                    rng: &rng)
    }

    func testTheLossCountsEveryTargetTokenAndTheEndToken() throws {
        var rng = RandomGenerator(seed: 4)
        let data = try SyntheticTasks.reverse(count: 10, length: 2...5, vocabulary: 4, rng: &rng)
        let objective = Seq2SeqObjective(model: try model(&rng, vocabulary: 4), examples: data.examples)
        let batches = objective.begin(shuffle: false, batchSize: 10, rng: &rng)
        XCTAssertEqual(batches, 1)
        let outcome = objective.run(batch: 0, training: false, rng: &rng)
        XCTAssertEqual(outcome.count, data.examples.reduce(0) { $0 + $1.target.count + 1 })
        // An untrained model is near uniform over the 8 target ids.
        XCTAssertEqual(Double(outcome.loss.value.scalar), log(8.0), accuracy: 0.5)
    }

    func testTheScheduleSetsTheRatioOfEachEpoch() throws {
        var rng = RandomGenerator(seed: 5)
        let data = try SyntheticTasks.copy(count: 4, length: 3, vocabulary: 4, rng: &rng)
        let objective = Seq2SeqObjective(model: try model(&rng, vocabulary: 4), examples: data.examples,
                                         schedule: TeacherForcingSchedule(start: 1, end: 0, decay: .linear))
        var seen: [Double] = []
        for epoch in 1...3 {
            objective.beginEpoch(epoch, of: 3)
            seen.append(objective.ratio)
        }
        XCTAssertEqual(seen, [1, 0.5, 0])
    }

    func testTrainingWithScheduledSamplingLearnsToReverse() throws {
        var rng = RandomGenerator(seed: 6)
        let data = try SyntheticTasks.reverse(count: 400, length: 3...4, vocabulary: 5, rng: &rng)
        let network = try model(&rng, vocabulary: 5)
        let objective = Seq2SeqObjective(model: network, examples: data.examples,
                                         schedule: TeacherForcingSchedule(start: 1, end: 0.5))
        var options = TrainingOptions()
        options.epochs = 12
        options.batchSize = 32
        let history = try Trainer.fit(objective, options: options,
                                      optimizer: try Adam(parameters: network.parameters, learningRate: 1e-2), rng: &rng)
        XCTAssertEqual(objective.ratio, 0.5, accuracy: 1e-12)
        XCTAssertLessThan(history.train.last!.loss, history.train.first!.loss / 4)
        let test = try SyntheticTasks.reverse(count: 100, length: 3...4, vocabulary: 5, rng: &rng)
        let batch = paddedBatches(test.examples.map(\.source), batchSize: 100, order: Array(test.examples.indices))[0]
        let decoded = network.greedy(source: batch.tokens, sourceLengths: batch.lengths, sourceSteps: batch.steps,
                                     maxLength: 10)
        let outputs = decoded.map { Array($0.tokens.prefix { $0 != Seq2SeqObjective.end }) }
        let accuracy = SequenceAccuracy(hypotheses: outputs, references: batch.indices.map { test.examples[$0].target })
        XCTAssertGreaterThan(accuracy.exactMatch!, 0.85)
    }
}
