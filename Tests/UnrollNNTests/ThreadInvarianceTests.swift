import UnrollAutograd
import UnrollNN
import UnrollTensor
import XCTest

/// Results must not depend on how many threads computed them: the team may fall back to one thread at any
/// time (contention, parallel notebooks), and reports must stay byte-identical.
final class ThreadInvarianceTests: XCTestCase {
    private func trainStepResults(threads: Int, kind: RecurrentCellKind, hidden: Int) throws -> [Float] {
        let before = Kernels.threads
        Kernels.setThreads(threads)
        defer { Kernels.setThreads(before) }
        var rng = RandomGenerator(seed: 5)
        let n = 32, t = 24, v = 40
        let x = (0..<(n * t)).map { _ in rng.nextInt(below: v) }
        let y = (0..<(n * t)).map { _ in rng.nextInt(below: v) }
        let workload = try BenchWorkload(kind: kind, vocabulary: v, embed: 48, hidden: hidden, layers: 2,
                                         batch: n, steps: t, inputs: x, targets: y, seed: 9)
        var losses: [Float] = []
        for _ in 0..<3 { losses.append(workload.trainStep()) }
        return losses + workload.parameters.flatMap { $0.value.scalars }
    }

    func testOneAndTwoThreadsGiveBitwiseIdenticalTraining() throws {
        for (kind, hidden) in [(RecurrentCellKind.lstm, 96), (.gru, 300), (.rnnTanh, 64), (.lstm, 360)] {
            let one = try trainStepResults(threads: 1, kind: kind, hidden: hidden)
            let two = try trainStepResults(threads: 2, kind: kind, hidden: hidden)
            XCTAssertEqual(one.count, two.count)
            let differing = zip(one, two).filter { $0.0.bitPattern != $0.1.bitPattern }.count
            XCTAssertEqual(differing, 0, "\(kind) H=\(hidden): \(differing) of \(one.count) values differ between 1 and 2 threads")
        }
    }
}
