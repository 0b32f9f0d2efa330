import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest

final class TextSamplerCheckpointTests: XCTestCase {
    func testSamplingWithACheckpointDrawsTheSameTokens() throws {
        var build = RandomGenerator(seed: 8)
        let model = LanguageModel(vocabulary: 9, embed: 4, rnn: RecurrentSpec(kind: .gru, hidden: 6), rng: &build)
        var a = RandomGenerator(seed: 1), b = RandomGenerator(seed: 1)
        var calls = 0
        let plain = TextSampler.sample(model, prime: [2, 5], length: 12, temperature: 0.9, rng: &a)
        let checked = try TextSampler.sample(model, prime: [2, 5], length: 12, temperature: 0.9, rng: &b,
                                             checkpoint: { calls += 1 })
        XCTAssertEqual(plain, checked)
        XCTAssertEqual(calls, 12)
    }

    func testTheCheckpointCanStopSampling() {
        struct Stop: Error {}
        var build = RandomGenerator(seed: 9)
        let model = LanguageModel(vocabulary: 5, embed: 2, rnn: RecurrentSpec(kind: .rnnTanh, hidden: 3), rng: &build)
        var rng = RandomGenerator(seed: 2)
        var calls = 0
        XCTAssertThrowsError(try TextSampler.sample(model, prime: [], length: 100, temperature: 1, rng: &rng, checkpoint: {
            calls += 1
            if calls == 4 { throw Stop() }
        })) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(calls, 4)
    }
}
