import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest

final class PredictionTests: XCTestCase {
    func testPredictionsAgreeWithTheModelsLogits() {
        var rng = RandomGenerator(seed: 6)
        let spec = RecurrentSpec(kind: .lstm, hidden: 5)
        let lm = LanguageModel(vocabulary: 7, embed: 3, rnn: spec, rng: &rng)
        let ids = [2, 4, 3]
        let (logits, _) = lm.logits(tokens: ids, batch: 1, steps: 3, training: false, rng: &rng)
        XCTAssertEqual(Prediction.nextToken(lm, after: ids), logits.value.argmaxRows()[2])

        let classifier = SequenceClassifier(vocabulary: 7, classes: 3, embed: 3, rnn: spec, rng: &rng)
        let classLogits = classifier.logits(tokens: ids, lengths: [3], steps: 3, training: false, rng: &rng)
        XCTAssertEqual(Prediction.label(classifier, of: ids), classLogits.value.argmaxRows()[0])

        let tagger = SequenceTagger(vocabulary: 7, tags: 4, embed: 3, rnn: spec, rng: &rng)
        let tagLogits = tagger.logits(tokens: ids, lengths: [3], steps: 3, training: false, rng: &rng)
        XCTAssertEqual(Prediction.tags(tagger, of: ids), tagLogits.value.argmaxRows())
    }

    func testRegressorPredictionsHaveOneValuePerOutputOrPerStep() {
        var rng = RandomGenerator(seed: 7)
        let spec = RecurrentSpec(kind: .gru, hidden: 4)
        let single = SequenceRegressor(inputs: 2, outputs: 3, rnn: spec, perStep: false, rng: &rng)
        let inputs: [Float] = [0.1, 1, 0.4, 0, 0.9, 1]
        let values = Prediction.values(single, inputs: inputs, steps: 3)
        let direct = single.predict(inputs: Tensor(shape: [1, 3, 2], scalars: inputs), lengths: [3], training: false, rng: &rng)
        XCTAssertEqual(values, direct.value.scalars)
        XCTAssertEqual(values.count, 3)
        let perStep = SequenceRegressor(inputs: 2, outputs: 1, rnn: spec, perStep: true, rng: &rng)
        XCTAssertEqual(Prediction.values(perStep, inputs: inputs, steps: 3).count, 3)
    }
}
