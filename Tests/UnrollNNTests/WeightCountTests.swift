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

    func testSeq2SeqCountsMatchTheModelsBuilt() throws {
        var rng = RandomGenerator(seed: 2)
        let cases: [(RecurrentSpec, RecurrentSpec, AttentionKind)] = [
            (RecurrentSpec(kind: .gru, hidden: 4), RecurrentSpec(kind: .gru, hidden: 4), .additive),
            (RecurrentSpec(kind: .lstm, hidden: 3, bidirectional: true), RecurrentSpec(kind: .lstm, hidden: 6, layers: 2), .dot),
            (RecurrentSpec(kind: .rnnTanh, hidden: 5, layers: 2), RecurrentSpec(kind: .gru, hidden: 3, layers: 3), .general),
            (RecurrentSpec(kind: .lstm, hidden: 2, layers: 2, bidirectional: true), RecurrentSpec(kind: .rnnTanh, hidden: 7), .none),
        ]
        for (encoder, decoder, attention) in cases {
            let spec = Seq2SeqSpec(sourceVocabulary: 9, targetVocabulary: 11, embed: 5, encoder: encoder, decoder: decoder,
                                   attention: attention)
            XCTAssertEqual(WeightCount.seq2seq(spec), try Seq2Seq(spec, rng: &rng).parameterCount, "\(spec)")
        }
    }

    func testHugeLayerCountsAreCountedWithoutALoop() {
        // A loop over 2⁶³ layers would never end; the closed form overflows at once.
        XCTAssertNil(WeightCount.recurrent(RecurrentSpec(kind: .lstm, hidden: 1, layers: Int.max), inputSize: 1))
        XCTAssertEqual(WeightCount.recurrent(RecurrentSpec(kind: .rnnTanh, hidden: 1, layers: 1_000_000), inputSize: 1),
                       1_000_000 * 4)
        let spec = Seq2SeqSpec(sourceVocabulary: 4, targetVocabulary: 4, embed: 1, encoder: RecurrentSpec(kind: .gru, hidden: 1),
                               decoder: RecurrentSpec(kind: .gru, hidden: 1, layers: Int.max), attention: .none)
        XCTAssertNil(WeightCount.seq2seq(spec))
    }

    func testBeamSearchEstimateGrowsWithTheBeamAndStopsAtWhatTheVocabularyAllows() throws {
        var rng = RandomGenerator(seed: 3)
        let model = try Seq2Seq(Seq2SeqSpec(sourceVocabulary: 6, targetVocabulary: 6, embed: 4,
                                            encoder: RecurrentSpec(kind: .gru, hidden: 4),
                                            decoder: RecurrentSpec(kind: .gru, hidden: 4), attention: .additive), rng: &rng)
        // From 6 hypotheses (the target vocabulary) on, each keeps 6 candidates, so the bytes grow with the beam.
        let six = try XCTUnwrap(model.beamSearchBytes(beamWidth: 6, sourceLength: 3, maxLength: 16))
        let twelve = try XCTUnwrap(model.beamSearchBytes(beamWidth: 12, sourceLength: 3, maxLength: 16))
        XCTAssertEqual(twelve, 2 * six, "twice the hypotheses, twice the bytes")
        XCTAssertLessThan(try XCTUnwrap(model.beamSearchBytes(beamWidth: 2, sourceLength: 3, maxLength: 16)), six / 2)
        // With 6 target ids and 2 steps there are at most 36 hypotheses, however wide the beam.
        XCTAssertEqual(model.beamSearchBytes(beamWidth: 1_000_000, sourceLength: 3, maxLength: 2),
                       model.beamSearchBytes(beamWidth: 36, sourceLength: 3, maxLength: 2))
        XCTAssertNil(model.beamSearchBytes(beamWidth: Int.max, sourceLength: 3, maxLength: 40))
    }

    func testBenchWorkloadHasTheCountBenchChecks() throws {
        // `unroll bench` refuses sizes by this count before building the workload.
        for (kind, layers) in [(RecurrentCellKind.lstm, 1), (.gru, 2), (.rnnTanh, 3)] {
            let workload = try BenchWorkload(kind: kind, vocabulary: 7, embed: 3, hidden: 5, layers: layers, batch: 1, steps: 1,
                                             inputs: [0], targets: [1], seed: 0)
            XCTAssertEqual(WeightCount.tokenModel(vocabulary: 7, embed: 3, rnn: RecurrentSpec(kind: kind, hidden: 5, layers: layers),
                                                  outputs: 7),
                           workload.parameters.reduce(0) { $0 + $1.value.count }, "\(kind)")
        }
    }
}
