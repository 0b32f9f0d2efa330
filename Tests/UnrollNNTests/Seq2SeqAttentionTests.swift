import UnrollAutograd
import UnrollNN
import UnrollTensor
import Foundation
import XCTest

final class Seq2SeqAttentionTests: XCTestCase {
    /// Keys `(1, 2, 2)` [[1, 0], [0, 2]] and query [3, 1].
    private let keys = Variable(Tensor(shape: [1, 2, 2], scalars: [1, 0, 0, 2]))
    private let query = Variable(Tensor(shape: [1, 2], scalars: [3, 1]))

    func testDotScores() {
        var rng = RandomGenerator(seed: 1)
        let a = Seq2SeqAttention(kind: .dot, keySize: 2, querySize: 2, rng: &rng)
        XCTAssertTrue(a.namedParameters.isEmpty)
        XCTAssertEqual(a.scores(query: query, prepared: a.prepare(keys: keys)!).value.scalars, [3, 2])
    }

    func testGeneralScores() {
        var rng = RandomGenerator(seed: 1)
        let a = Seq2SeqAttention(kind: .general, keySize: 2, querySize: 2, rng: &rng)
        XCTAssertEqual(a.namedParameters.map(\.name), ["key.weight"])
        a.key!.weight.value = Tensor(shape: [2, 2], scalars: [1, 2, 0, -1])  // W k: [1, 0] → [1, 0]; [0, 2] → [4, -2]
        XCTAssertEqual(a.scores(query: query, prepared: a.prepare(keys: keys)!).value.scalars, [3, 10])
    }

    func testAdditiveScores() {
        var rng = RandomGenerator(seed: 1)
        let a = Seq2SeqAttention(kind: .additive, keySize: 2, querySize: 2, rng: &rng)
        XCTAssertEqual(a.namedParameters.map(\.name), ["query.weight", "key.weight", "energy.weight"])
        a.query!.weight.value = Tensor(shape: [2, 2], scalars: [0.1, 0, 0, 0.2])  // W_q q = [0.3, 0.2]
        a.key!.weight.value = Tensor(shape: [2, 2], scalars: [0.5, 0, 0, -0.25])  // [0.5, 0], [0, -0.5]
        a.energy!.weight.value = Tensor(shape: [1, 2], scalars: [2, -1])
        let scores = a.scores(query: query, prepared: a.prepare(keys: keys)!).value.scalars
        XCTAssertEqual(scores[0], 2 * Foundation.tanh(0.8) - Foundation.tanh(0.2), accuracy: 1e-6)
        XCTAssertEqual(scores[1], 2 * Foundation.tanh(0.3) - Foundation.tanh(-0.3), accuracy: 1e-6)
    }

    func testNoneHasNothingToPrepare() {
        var rng = RandomGenerator(seed: 1)
        let a = Seq2SeqAttention(kind: .none, keySize: 2, querySize: 3, rng: &rng)
        XCTAssertNil(a.prepare(keys: keys))
        XCTAssertTrue(a.namedParameters.isEmpty)
    }
}
