import UnrollAutograd
import UnrollNN
import UnrollTensor
import XCTest

final class Seq2SeqDecodingTests: XCTestCase {
    private func model(_ attention: AttentionKind, decoder: RecurrentCellKind = .lstm, seed: UInt64 = 4) throws -> Seq2Seq {
        var rng = RandomGenerator(seed: seed)
        return try Seq2Seq(Seq2SeqSpec(sourceVocabulary: 6, targetVocabulary: 7, embed: 4,
                                       encoder: RecurrentSpec(kind: .lstm, hidden: 3, bidirectional: true),
                                       decoder: RecurrentSpec(kind: decoder, hidden: 6, layers: 2),
                                       attention: attention), rng: &rng)
    }

    func testBeamWidthOneEqualsGreedy() throws {
        for attention in AttentionKind.allCases {
            for seed: UInt64 in [4, 5, 6] {
                let m = try model(attention, seed: seed)
                for source in [[1, 2, 3], [5], [4, 4, 1, 2, 5]] {
                    let greedy = m.greedy(source: source, sourceLengths: [source.count], sourceSteps: source.count,
                                          maxLength: 7)[0]
                    XCTAssertFalse(greedy.tokens.isEmpty)
                    XCTAssertEqual(m.beamSearch(source: source, beamWidth: 1, maxLength: 7), greedy, "\(attention)")
                }
            }
        }
    }

    func testDecodingCallsTheCheckpointEveryStepAndStopsWhenItThrows() throws {
        struct Stop: Error {}
        let m = try model(.additive)
        let source = [1, 2, 3]
        for beam in [1, 3] {
            func decode(_ checkpoint: () throws -> Void) throws -> DecodedSequence {
                beam == 1
                    ? try m.greedy(source: source, sourceLengths: [3], sourceSteps: 3, maxLength: 40, checkpoint: checkpoint)[0]
                    : try m.beamSearch(source: source, beamWidth: beam, maxLength: 40, checkpoint: checkpoint)
            }
            var calls = 0
            let full = try decode { calls += 1 }
            let plain = beam == 1 ? m.greedy(source: source, sourceLengths: [3], sourceSteps: 3, maxLength: 40)[0]
                : m.beamSearch(source: source, beamWidth: beam, maxLength: 40)
            XCTAssertEqual(full, plain, "the checkpoint changes nothing")
            XCTAssertGreaterThanOrEqual(calls, full.tokens.count, "beam \(beam): one call per step")
            XCTAssertGreaterThan(calls, 2, "beam \(beam)")
            calls = 0
            XCTAssertThrowsError(try decode { calls += 1; if calls == 2 { throw Stop() } }) { XCTAssertTrue($0 is Stop) }
            XCTAssertEqual(calls, 2, "beam \(beam): no step after the checkpoint threw")
        }
    }

    func testGreedyOutputShapeAndStopping() throws {
        let m = try model(.additive)
        let out = m.greedy(source: [1, 2, 3, 4, 0, 0], sourceLengths: [3, 1], sourceSteps: 3, maxLength: 5)
        XCTAssertEqual(out.count, 2)
        for (d, length) in zip(out, [3, 1]) {
            XCTAssertLessThanOrEqual(d.tokens.count, 5)
            // Stops right after eos, and only there or at the length limit.
            if let eos = d.tokens.firstIndex(of: Seq2Seq.eos) { XCTAssertEqual(eos, d.tokens.count - 1) }
            else { XCTAssertEqual(d.tokens.count, 5) }
            XCTAssertEqual(d.attention.count, d.tokens.count)
            for row in d.attention {
                XCTAssertEqual(row.count, length)
                XCTAssertEqual(row.reduce(0, +), 1, accuracy: 1e-5)
            }
            XCTAssertLessThan(d.logProbability, 0)
        }
        let none = try model(.none).greedy(source: [1, 2], sourceLengths: [2], sourceSteps: 2, maxLength: 3)[0]
        XCTAssertEqual(none.attention, Array(repeating: [], count: none.tokens.count))
    }

    /// Padding in a batch changes nothing: each example decodes as it does alone (tokens exactly, weights closely).
    func testBatchedGreedyMatchesSingleExamples() throws {
        let m = try model(.general, decoder: .gru)
        let sources = [[1, 2, 3, 4], [5, 1], [2, 2, 3]]
        let padded = sources.flatMap { $0 + Array(repeating: 0, count: 4 - $0.count) }
        let batch = m.greedy(source: padded, sourceLengths: sources.map(\.count), sourceSteps: 4, maxLength: 6)
        for (source, d) in zip(sources, batch) {
            let alone = m.greedy(source: source, sourceLengths: [source.count], sourceSteps: source.count, maxLength: 6)[0]
            XCTAssertEqual(d.tokens, alone.tokens)
            XCTAssertEqual(d.logProbability, alone.logProbability, accuracy: 1e-4)
            for (a, b) in zip(d.attention.joined(), alone.attention.joined()) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        }
    }

    /// A wider beam never finds a worse length-normalized score than greedy on these models, and its
    /// reported log-probability is that of its tokens (checked by teacher forcing them).
    func testWideBeamScoresAtLeastGreedyAndReportsItsLogProbability() throws {
        // The log-probabilities (greedy, beam 4) are recorded exactly: the numerics contract gives the same bits on
        // every machine. Only the dot-product model's beam finds a better sequence than greedy.
        let recorded: [AttentionKind: [Double]] = [
            .none: [-10.117045283317566, -10.117045283317566], .dot: [-10.489232540130615, -10.486429810523987],
            .general: [-9.68558955192566, -9.68558955192566], .additive: [-10.699212193489075, -10.699212193489075],
        ]
        for attention in AttentionKind.allCases {
            let m = try model(attention, seed: 9)
            let source = [3, 1, 4, 1, 5]
            let greedy = m.beamSearch(source: source, beamWidth: 1, maxLength: 6)
            let beam = m.beamSearch(source: source, beamWidth: 4, maxLength: 6)
            let perToken = { (d: DecodedSequence) in d.logProbability / Double(d.tokens.count) }
            XCTAssertGreaterThanOrEqual(perToken(beam), perToken(greedy), "\(attention)")
            XCTAssertEqual([greedy.logProbability, beam.logProbability], recorded[attention], "\(attention)")
            var rng = RandomGenerator(seed: 0)
            let input = [Seq2Seq.bos] + beam.tokens.dropLast()
            let logp = m.logits(source: source, sourceLengths: [5], sourceSteps: 5, targetInput: input,
                                targetSteps: input.count, teacherForcing: 1, training: false, rng: &rng)
                .value.logSoftmaxLastAxis()
            let total = beam.tokens.enumerated().reduce(0.0) { $0 + Double(logp[$1.offset, $1.element]) }
            XCTAssertEqual(total, beam.logProbability, accuracy: 1e-4, "\(attention)")
        }
    }
}
