import UnrollNN
import UnrollTensor
import XCTest

/// The weight counts worked out before allocating agree with the models built, and overflow gives nil.
final class WeightCountTests: XCTestCase {
    private let specs = [
        RecurrentSpec(kind: .lstm, hidden: 5),
        RecurrentSpec(kind: .gru, hidden: 4, layers: 2),
        RecurrentSpec(kind: .rnnTanh, hidden: 3, layers: 3, bidirectional: true),
        RecurrentSpec(kind: .lstm, hidden: 2, layers: 2, bidirectional: true),
    ]

    func testCountsMatchTheModelsBuilt() {
        var rng = RandomGenerator(seed: 1)
        for spec in specs {
            XCTAssertEqual(WeightCount.tokenModel(vocabulary: 11, embed: 6, rnn: spec, outputs: 11),
                           LanguageModel(vocabulary: 11, embed: 6, rnn: spec, rng: &rng).parameterCount, "\(spec)")
            XCTAssertEqual(WeightCount.tokenModel(vocabulary: 9, embed: 3, rnn: spec, outputs: 4),
                           SequenceClassifier(vocabulary: 9, classes: 4, embed: 3, rnn: spec, rng: &rng).parameterCount)
            XCTAssertEqual(WeightCount.tokenModel(vocabulary: 9, embed: 3, rnn: spec, outputs: 7),
                           SequenceTagger(vocabulary: 9, tags: 7, embed: 3, rnn: spec, rng: &rng).parameterCount)
            XCTAssertEqual(WeightCount.regressor(inputs: 2, outputs: 3, rnn: spec),
                           SequenceRegressor(inputs: 2, outputs: 3, rnn: spec, perStep: false, rng: &rng).parameterCount)
        }
    }

    func testCountsThatOverflowAreNil() {
        XCTAssertNil(WeightCount.recurrent(RecurrentSpec(kind: .lstm, hidden: Int.max / 2), inputSize: 4))
        XCTAssertNil(WeightCount.tokenModel(vocabulary: Int.max, embed: 2, rnn: specs[0], outputs: 2))
        XCTAssertNil(WeightCount.recurrent(RecurrentSpec(kind: .gru, hidden: 3, layers: 2), inputSize: Int.max))
        XCTAssertEqual(WeightCount.recurrent(RecurrentSpec(kind: .lstm, hidden: 100_000), inputSize: 32),
                       4 * 100_000 * (32 + 100_000) + 2 * 4 * 100_000)
    }
}
