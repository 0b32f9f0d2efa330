import UnrollNN
import UnrollTensor
import XCTest

final class BenchWorkloadTests: XCTestCase {
    /// The bench trains for real: on a learnable mapping (next token = current token + 1 mod V) the loss falls
    /// far below the chance level ln V.
    func testLossFallsOnALearnableSequence() throws {
        for kind in [RecurrentCellKind.lstm, .gru, .rnnTanh] {
            var rng = RandomGenerator(seed: 1)
            let v = 8, n = 4, t = 12
            let x = (0..<(n * t)).map { _ in rng.nextInt(below: v) }
            let y = x.map { ($0 + 1) % v }
            let workload = try BenchWorkload(kind: kind, vocabulary: v, embed: 8, hidden: 16, layers: 1,
                                             batch: n, steps: t, inputs: x, targets: y, seed: 2)
            let first = workload.trainStep()
            var last = first
            for _ in 0..<500 { last = workload.trainStep() }
            XCTAssertEqual(Double(first), log(Double(v)), accuracy: 0.5, "\(kind): starts near chance")
            XCTAssertLessThan(last, 0.25, "\(kind): learns the mapping (first \(first), last \(last))")
        }
    }
}
