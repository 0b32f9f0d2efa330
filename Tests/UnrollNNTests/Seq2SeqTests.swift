import UnrollAutograd
@testable import UnrollNN
import UnrollTensor
import UnrollTestSupport
import XCTest

final class Seq2SeqTests: XCTestCase {
    /// A small spec: bidirectional GRU encoder (D = 8), two-layer decoder of `kind` (Hd = 8).
    private func spec(_ attention: AttentionKind, decoder kind: RecurrentCellKind = .gru,
                      vocabulary: Int = 7, hidden: Int = 8) -> Seq2SeqSpec {
        Seq2SeqSpec(sourceVocabulary: vocabulary, targetVocabulary: vocabulary + 2, embed: 3,
                    encoder: RecurrentSpec(kind: .gru, hidden: 4, bidirectional: true),
                    decoder: RecurrentSpec(kind: kind, hidden: hidden, layers: 2), attention: attention)
    }

    // MARK: Parameters

    func testParameterNamesAndShapes() throws {
        var rng = RandomGenerator(seed: 1)
        let model = try Seq2Seq(spec(.additive, decoder: .lstm), rng: &rng)
        let shapes = Dictionary(uniqueKeysWithValues: model.namedParameters.map { ($0.name, $0.variable.shape) })
        XCTAssertEqual(model.namedParameters.count, 2 + 8 + 2 + 8 + 3 + 2)
        XCTAssertEqual(shapes["source_embedding.weight"], [7, 3])
        XCTAssertEqual(shapes["target_embedding.weight"], [9, 3])
        XCTAssertEqual(shapes["encoder.weight_ih_l0_reverse"], [12, 3])
        XCTAssertEqual(shapes["bridge.weight"], [8, 8])
        XCTAssertEqual(shapes["decoder.weight_ih_l0"], [32, 3 + 8])
        XCTAssertEqual(shapes["decoder.weight_ih_l1"], [32, 8])
        XCTAssertEqual(shapes["decoder.bias_hh_l1"], [32])
        XCTAssertEqual(shapes["attention.query.weight"], [8, 8])
        XCTAssertEqual(shapes["attention.key.weight"], [8, 8])
        XCTAssertEqual(shapes["attention.energy.weight"], [1, 8])
        XCTAssertEqual(shapes["output.weight"], [9, 16])
        let none = try Seq2Seq(spec(.none), rng: &rng)
        XCTAssertFalse(none.namedParameters.contains { $0.name.hasPrefix("attention.") })
    }

    // MARK: Gradients

    /// The masked cross-entropy of a padded batch, differentiated by finite differences w.r.t. the bridge,
    /// the attention projections, a decoder and an encoder weight, for every attention kind.
    func testLossGradientsMatchFiniteDifferences() throws {
        for attention in AttentionKind.allCases {
            var rng = RandomGenerator(seed: 11)
            let model = try Seq2Seq(spec(attention, vocabulary: 5, hidden: 8), rng: &rng)
            let source = [1, 2, 3, 4, 2, 0, 0, 0]
            let targetInput = [2, 4, 5, 6, 2, 6, 3, 0]
            let targets = [4, 5, 6, 3, 6, 3, -1, -1]
            let params = model.namedParameters.filter {
                $0.name == "bridge.weight" || $0.name.hasPrefix("attention.") || $0.name == "decoder.bias_hh_l0"
                    || $0.name == "encoder.bias_ih_l0_reverse" || $0.name == "encoder.bias_hh_l0"
            }.map(\.variable)
            XCTAssertEqual(params.count, attention == .none || attention == .dot ? 4 : attention == .general ? 5 : 7)
            assertGradientsMatchFiniteDifferences(params, epsilon: 1e-2, rtol: 3e-2, atol: 3e-3) {
                var r = RandomGenerator(seed: 2)
                return model.logits(source: source, sourceLengths: [4, 1], sourceSteps: 4, targetInput: targetInput,
                                    targetSteps: 4, teacherForcing: 1, training: false, rng: &r)
                    .crossEntropy(targets: targets)
            }
        }
    }

    /// Gradients reach the encoder both through the attention keys and through the bridge / fixed context.
    func testGradientsReachTheEncoder() throws {
        for attention in AttentionKind.allCases {
            var rng = RandomGenerator(seed: 5)
            let model = try Seq2Seq(spec(attention), rng: &rng)
            model.logits(source: [1, 2, 3, 4, 5, 6], sourceLengths: [3, 2], sourceSteps: 3,
                         targetInput: [2, 4, 5, 2, 6, 0], targetSteps: 3, teacherForcing: 1, training: false, rng: &rng)
                .crossEntropy(targets: [4, 5, 3, 6, 3, -1]).backward()
            for (name, p) in model.namedParameters where name.hasPrefix("encoder.") || name.hasPrefix("source_") {
                XCTAssertGreaterThan(p.grad?.maxAbs() ?? 0, 0, "\(attention): \(name) got no gradient")
            }
        }
    }

    // MARK: Attention weights

    func testMaskedPositionsGetZeroAttentionAndRowsSumToOne() throws {
        for attention in [AttentionKind.dot, .general, .additive] {
            var rng = RandomGenerator(seed: 3)
            let model = try Seq2Seq(spec(attention), rng: &rng)
            let lengths = [4, 1, 2]
            let memory = model.encode(source: [1, 2, 3, 4, 5, 0, 0, 0, 6, 1, 0, 0], lengths: lengths, steps: 4,
                                      training: false, rng: &rng)
            var state = model.initialState(memory)
            for tokens in [[2, 2, 2], [4, 5, 6]] {
                let (_, weights) = model.step(tokens: tokens, state: &state, memory: memory, training: false, rng: &rng)
                let w = try XCTUnwrap(weights).value
                for (n, length) in lengths.enumerated() {
                    var total: Float = 0
                    for s in 0..<4 {
                        if s >= length { XCTAssertEqual(w[n, s], 0, "\(attention) example \(n) position \(s)") }
                        else { XCTAssertGreaterThan(w[n, s], 0); total += w[n, s] }
                    }
                    XCTAssertEqual(total, 1, accuracy: 1e-6)
                }
            }
        }
    }

    // MARK: Teacher forcing

    /// Ratio 0 feeds the model's own argmax: the logits then equal those of feeding that argmax explicitly.
    func testTeacherForcingZeroFeedsPredictions() throws {
        var rng = RandomGenerator(seed: 8)
        let model = try Seq2Seq(spec(.general), rng: &rng)
        let free = model.logits(source: [1, 2, 3], sourceLengths: [3], sourceSteps: 3, targetInput: [2, 0, 0],
                                targetSteps: 3, teacherForcing: 0, training: false, rng: &rng).value
        let fed = [2] + free.argmaxRows().prefix(2)
        let forced = model.logits(source: [1, 2, 3], sourceLengths: [3], sourceSteps: 3, targetInput: Array(fed),
                                  targetSteps: 3, teacherForcing: 1, training: false, rng: &rng).value
        XCTAssertEqual(free.scalars, forced.scalars)
        let other = model.logits(source: [1, 2, 3], sourceLengths: [3], sourceSteps: 3, targetInput: [2, 0, 0],
                                 targetSteps: 3, teacherForcing: 1, training: false, rng: &rng).value
        XCTAssertNotEqual(other.scalars, forced.scalars)
    }

    /// A ratio strictly between 0 and 1 takes one draw per step after the first; 0 and 1 take none.
    func testTeacherForcingDrawsOncePerStep() throws {
        var rng = RandomGenerator(seed: 8)
        let model = try Seq2Seq(spec(.dot), rng: &rng)
        for (ratio, draws) in [(Float(0.5), 3), (1, 0), (0, 0)] {
            var used = RandomGenerator(seed: 77), expected = RandomGenerator(seed: 77)
            _ = model.logits(source: [1, 2, 3, 4, 5, 6], sourceLengths: [3, 3], sourceSteps: 3,
                             targetInput: [2, 4, 5, 6, 2, 6, 5, 4], targetSteps: 4, teacherForcing: ratio,
                             training: false, rng: &used)
            for _ in 0..<draws { _ = expected.nextUnitFloat() }
            XCTAssertEqual(used.next(), expected.next(), "ratio \(ratio)")
        }
    }

    /// Dropout acts only in training, and the same generator state gives the same result.
    func testDropoutOnlyInTraining() throws {
        var rng = RandomGenerator(seed: 8)
        var s = spec(.additive)
        s.dropout = 0.5
        s.decoder.dropout = 0.3
        let model = try Seq2Seq(s, rng: &rng)
        func run(training: Bool, seed: UInt64) -> [Float] {
            var r = RandomGenerator(seed: seed)
            return model.logits(source: [1, 2, 3], sourceLengths: [3], sourceSteps: 3, targetInput: [2, 4, 5],
                                targetSteps: 3, teacherForcing: 1, training: training, rng: &r).value.scalars
        }
        XCTAssertEqual(run(training: false, seed: 1), run(training: false, seed: 2))
        XCTAssertEqual(run(training: true, seed: 1), run(training: true, seed: 1))
        XCTAssertNotEqual(run(training: true, seed: 1), run(training: false, seed: 1))
        XCTAssertNotEqual(run(training: true, seed: 1), run(training: true, seed: 2))
    }

    // MARK: Learning

    /// A reverse task (sequences of 3–5 of 6 symbols) trains with Adam to high exact-match accuracy.
    func testLearnsToReverse() throws {
        var rng = RandomGenerator(seed: 21)
        let model = try Seq2Seq(Seq2SeqSpec(
            sourceVocabulary: 7, targetVocabulary: 10, embed: 16,
            encoder: RecurrentSpec(kind: .gru, hidden: 16, bidirectional: true),
            decoder: RecurrentSpec(kind: .gru, hidden: 32), attention: .additive), rng: &rng)
        let adam = try Adam(parameters: model.parameters, learningRate: 0.02)
        func batch(_ n: Int) -> (source: [Int], lengths: [Int], input: [Int], targets: [Int]) {
            var source: [Int] = [], lengths: [Int] = [], input: [Int] = [], targets: [Int] = []
            for _ in 0..<n {
                let length = 3 + rng.nextInt(below: 3)
                let symbols = (0..<length).map { _ in 1 + rng.nextInt(below: 6) }
                let reversed = symbols.reversed().map { $0 + 3 } + [Seq2Seq.eos]
                source += symbols + Array(repeating: 0, count: 5 - length)
                lengths.append(length)
                input += [Seq2Seq.bos] + reversed.dropLast() + Array(repeating: 0, count: 5 - length)
                targets += reversed + Array(repeating: -1, count: 5 - length)
            }
            return (source, lengths, input, targets)
        }
        for _ in 0..<200 {
            let b = batch(32)
            adam.zeroGrad()
            model.logits(source: b.source, sourceLengths: b.lengths, sourceSteps: 5, targetInput: b.input,
                         targetSteps: 6, teacherForcing: 1, training: true, rng: &rng)
                .crossEntropy(targets: b.targets).backward()
            adam.step()
        }
        let test = batch(100)
        let decoded = model.greedy(source: test.source, sourceLengths: test.lengths, sourceSteps: 5, maxLength: 8)
        var correct = 0
        for (n, d) in decoded.enumerated() {
            let expected = Array(test.targets[(n * 6)..<(n * 6 + 6)].filter { $0 >= 0 })
            if d.tokens == expected { correct += 1 }
        }
        // The numerics contract makes the count the same on every machine, so it is recorded exactly; it was
        // chosen as a test that the model learns (well above 90 of 100).
        XCTAssertEqual(correct, 95, "exact matches out of 100")
    }
}
