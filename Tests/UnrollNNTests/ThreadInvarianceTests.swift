import UnrollAutograd
import UnrollNN
import UnrollTensor
import UnrollTestSupport
import XCTest

/// Training must give the same bits on every kernel path and thread count (the numerics contract): the
/// recurrent kernels forward and backward, the products, the softmax loss and the optimizer, on odd sizes.
/// Each comparison is against the portable path on one thread, and every two-thread run must really have
/// used two threads (the team reports how many jobs it split).
final class ThreadInvarianceTests: XCTestCase {
    private func trainStepResults(kind: RecurrentCellKind, hidden: Int, batch: Int, steps: Int = 9) throws -> [Float] {
        var rng = RandomGenerator(seed: 5)
        let v = 41
        let x = (0..<(batch * steps)).map { _ in rng.nextInt(below: v) }
        let y = (0..<(batch * steps)).map { _ in rng.nextInt(below: v) }
        let workload = try BenchWorkload(kind: kind, vocabulary: v, embed: 19, hidden: hidden, layers: 2,
                                         batch: batch, steps: steps, inputs: x, targets: y, seed: 9)
        var losses: [Float] = []
        for _ in 0..<2 { losses.append(workload.trainStep()) }
        return losses + workload.parameters.flatMap { $0.value.scalars }
    }

    private let configurations: [(RecurrentCellKind, Int, Int)] = [
        (.lstm, 1, 1), (.gru, 7, 7), (.rnnTanh, 17, 17), (.lstm, 96, 32), (.gru, 300, 7), (.rnnTanh, 64, 32),
        (.lstm, 300, 32),
    ]

    /// The portable one-thread results of each configuration, computed once for all the tests.
    private static var references: [String: [Float]] = [:]

    private func reference(_ kind: RecurrentCellKind, _ hidden: Int, _ batch: Int) throws -> [Float] {
        let key = "\(kind) \(hidden) \(batch)"
        if let cached = Self.references[key] { return cached }
        let values = try withKernels("portable", threads: 1) { try trainStepResults(kind: kind, hidden: hidden, batch: batch) }
        Self.references[key] = values
        return values
    }

    private func compare(path: String, threads: Int) throws {
        for (kind, hidden, batch) in configurations {
            let reference = try reference(kind, hidden, batch)
            let before = Kernels.parallelJobs
            let got = try withKernels(path, threads: threads) {
                try trainStepResults(kind: kind, hidden: hidden, batch: batch)
            }
            if threads > 1 && hidden >= 64 {
                XCTAssertGreaterThan(Kernels.parallelJobs, before, "\(kind) H=\(hidden): no job ran on two threads")
            }
            let diff = bitDifferences(got, reference)
            XCTAssertTrue(diff.isEmpty, "\(kind) H=\(hidden) N=\(batch), \(path) with \(threads) threads against portable: \(diff)")
        }
    }

    func testPortableOnTwoThreadsMatchesOneThread() throws { try compare(path: "portable", threads: 2) }
    func testAVX2MatchesPortable() throws { try compare(path: "avx2", threads: 1) }
    func testAVX2OnTwoThreadsMatchesPortable() throws { try compare(path: "avx2", threads: 2) }
    func testAVX512MatchesPortable() throws { try compare(path: "avx512", threads: 1) }
    func testAVX512OnTwoThreadsMatchesPortable() throws { try compare(path: "avx512", threads: 2) }

    /// The two ways the team splits a recurrent layer (batch rows, hidden units) give the same bits.
    func testRowAndUnitSplitsMatch() throws {
        let saved = Kernels.recurrentRowSplitBytes
        defer { Kernels.recurrentRowSplitBytes = saved }
        for (kind, hidden, batch) in configurations where hidden >= 64 {
            Kernels.recurrentRowSplitBytes = 1 << 30
            let rows = try withKernels(Kernels.instructionSet, threads: 2) { try trainStepResults(kind: kind, hidden: hidden, batch: batch) }
            Kernels.recurrentRowSplitBytes = 0
            let units = try withKernels(Kernels.instructionSet, threads: 2) { try trainStepResults(kind: kind, hidden: hidden, batch: batch) }
            let diff = bitDifferences(rows, units)
            XCTAssertTrue(diff.isEmpty, "\(kind) H=\(hidden): rows against units split: \(diff)")
        }
    }
}
