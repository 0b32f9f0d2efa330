import UnrollAutograd
@testable import UnrollNN
import UnrollTensor
import UnrollTestSupport
import XCTest

/// The fused kernel against two independent references: the one-step cell unrolled on the tape, and
/// finite differences of its own loss.
final class RecurrentSequenceKernelTests: XCTestCase {
    /// Runs `layer` (single layer, one direction or two) step by step with its cells, honouring lengths.
    private func unrolledWithCells(_ layer: RecurrentLayer, _ x: Variable, lengths: [Int]) -> (Tensor, Tensor) {
        let n = x.shape[0], steps = x.shape[1], hs = layer.hiddenSize
        var outputs: [[Float]] = Array(repeating: Array(repeating: 0, count: steps * hs * layer.directionCount), count: n)
        var finals: [Float] = []
        for (d, cell) in layer.cells[0].enumerated() {
            var finalRows: [[Float]] = []
            for i in 0..<n {
                // Each sequence alone, over its own length, forward or reversed.
                let order = d == 0 ? Array(0..<lengths[i]) : Array((0..<lengths[i]).reversed())
                var h = Variable(Tensor(zeros: [1, hs]))
                var c: Variable? = layer.kind.hasCellState ? Variable(Tensor(zeros: [1, hs])) : nil
                for t in order {
                    let xt = Variable(Tensor(shape: [1, x.shape[2]],
                                             scalars: Array(x.value.scalars[(i * steps + t) * x.shape[2]..<(i * steps + t + 1) * x.shape[2]])))
                    (h, c) = cell(xt, h: h, c: c)
                    for j in 0..<hs { outputs[i][(t * layer.directionCount + d) * hs + j] = h.value.scalars[j] }
                }
                finalRows.append(h.value.scalars)
            }
            finals += finalRows.flatMap { $0 }
        }
        return (Tensor(shape: [n, steps, hs * layer.directionCount], scalars: outputs.flatMap { $0 }),
                Tensor(shape: [layer.directionCount, n, hs], scalars: finals))
    }

    func testFusedKernelMatchesUnrolledCells() {
        for kind in RecurrentCellKind.allCases {
            for bidirectional in [false, true] {
                var rng = RandomGenerator(seed: 3)
                let layer = RecurrentLayer(kind: kind, inputSize: 3, hiddenSize: 5, bidirectional: bidirectional, rng: &rng)
                let x = Variable(.uniform([3, 4, 3], low: -1, high: 1, using: &rng))
                let lengths = [4, 2, 3]
                let (out, state) = layer(x, lengths: lengths, rng: &rng)
                let (refOut, refH) = unrolledWithCells(layer, x, lengths: lengths)
                for (a, b) in zip(out.value.scalars, refOut.scalars) {
                    XCTAssertEqual(a, b, accuracy: 1e-5, "\(kind) bidirectional=\(bidirectional) output")
                }
                for (a, b) in zip(state.h.value.scalars, refH.scalars) {
                    XCTAssertEqual(a, b, accuracy: 1e-5, "\(kind) bidirectional=\(bidirectional) final h")
                }
            }
        }
    }

    func testFusedKernelGradientsMatchFiniteDifferences() {
        for kind in RecurrentCellKind.allCases {
            var rng = RandomGenerator(seed: 7)
            let layer = RecurrentLayer(kind: kind, inputSize: 3, hiddenSize: 4, layers: 2, bidirectional: true, rng: &rng)
            let x = parameter([2, 3, 3], seed: 8)
            let h0 = parameter([4, 2, 4], seed: 9, low: -0.5, high: 0.5)
            let c0 = kind.hasCellState ? parameter([4, 2, 4], seed: 10, low: -0.5, high: 0.5) : nil
            let inputs = [x, h0] + (c0.map { [$0] } ?? []) + layer.parameters
            assertGradientsMatchFiniteDifferences(inputs) {
                var r = RandomGenerator(seed: 1)
                let (out, state) = layer(x, lengths: [3, 2], initialState: .init(h: h0, c: c0), rng: &r)
                var parts = [out.reshaped([out.value.count]), state.h.reshaped([state.h.value.count])]
                if let c = state.c { parts.append(c.reshaped([c.value.count])) }
                return Variable.concat(parts, axis: 0)
            }
        }
    }

    /// Sizes that reach the vector paths of the C kernels: several weight panels, a partial last panel, row
    /// blocks of unequal height, and the two-thread split of the hidden units. Outputs, final states and the
    /// weight and input gradients must match the one-step cells unrolled on the tape.
    func testWideLayersMatchUnrolledCellsWithGradients() throws {
        let saved = Kernels.threads, savedISA = Kernels.instructionSet, savedSplit = Kernels.recurrentRowSplitBytes
        defer {
            Kernels.setThreads(saved)
            Kernels.select(savedISA)
            Kernels.recurrentRowSplitBytes = savedSplit
        }
        for isa in ["avx512", "avx2", "portable"] where Kernels.select(isa) {
        for (threads, split) in [(1, savedSplit), (2, savedSplit), (2, 0)] {
            // Two threads split the batch rows (small weights), or with a zero limit the hidden units.
            Kernels.setThreads(threads)
            Kernels.recurrentRowSplitBytes = split
            for kind in RecurrentCellKind.allCases {
                for reverse in [false, true] {
                    var rng = RandomGenerator(seed: 21)
                    let n = 13, steps = 5, features = 7, hs = 70
                    let cell = RecurrentCell(kind: kind, inputSize: features, hiddenSize: hs, rng: &rng)
                    let x = Variable(.uniform([n, steps, features], low: -1, high: 1, using: &rng), requiresGrad: true)
                    let lengths = (0..<n).map { i in i % 4 == 0 ? steps : 1 + i % steps }
                    let weights = Tensor.uniform([n, steps, hs], low: -1, high: 1, using: &rng)
                    let h0 = Variable(Tensor(zeros: [n, hs]))
                    let c0 = kind.hasCellState ? Variable(Tensor(zeros: [n, hs])) : nil
                    let fused = RecurrentSequenceKernel.run(
                        kind: kind, input: x, weightIH: cell.weightIH, weightHH: cell.weightHH,
                        biasIH: cell.biasIH, biasHH: cell.biasHH, h0: h0, c0: c0, lengths: lengths, reverse: reverse)
                    Variable.concat([fused.output.multiplied(byConstant: weights).reshaped([n * steps * hs]),
                                     fused.hidden.reshaped([n * hs])], axis: 0).sum().backward()
                    let fusedGrads = [x.grad!, cell.weightIH.grad!, cell.weightHH.grad!, cell.biasIH.grad!, cell.biasHH.grad!]
                    for v in [x, cell.weightIH, cell.weightHH, cell.biasIH, cell.biasHH] { v.zeroGrad() }

                    // The same loss from the cell, one sequence and one step at a time.
                    var outputs: [Float] = Array(repeating: 0, count: n * steps * hs)
                    var finals: [Float] = []
                    var terms: [Variable] = []
                    for i in 0..<n {
                        var h = Variable(Tensor(zeros: [1, hs]))
                        var c: Variable? = kind.hasCellState ? Variable(Tensor(zeros: [1, hs])) : nil
                        let order = reverse ? Array((0..<lengths[i]).reversed()) : Array(0..<lengths[i])
                        for t in order {
                            let xt = x.reshaped([n * steps, features]).gatherRows([i * steps + t])
                            (h, c) = cell(xt, h: h, c: c)
                            let w = Tensor(shape: [1, hs], scalars: Array(weights.scalars[(i * steps + t) * hs..<(i * steps + t + 1) * hs]))
                            terms.append(h.multiplied(byConstant: w))
                            for j in 0..<hs { outputs[(i * steps + t) * hs + j] = h.value.scalars[j] }
                        }
                        terms.append(h)
                        finals += h.value.scalars
                    }
                    Variable.concat(terms.map { $0.reshaped([hs]) }, axis: 0).sum().backward()
                    let label = "\(isa) \(kind) reverse=\(reverse) threads=\(threads) split=\(split)"
                    for (a, b) in zip(fused.output.value.scalars, outputs) { XCTAssertEqual(a, b, accuracy: 1e-5, "\(label) output") }
                    for (a, b) in zip(fused.hidden.value.scalars, finals) { XCTAssertEqual(a, b, accuracy: 1e-5, "\(label) final h") }
                    let cellGrads = [x.grad!, cell.weightIH.grad!, cell.weightHH.grad!, cell.biasIH.grad!, cell.biasHH.grad!]
                    for (name, (a, b)) in zip(["x", "w_ih", "w_hh", "b_ih", "b_hh"], zip(fusedGrads, cellGrads)) {
                        XCTAssertEqual(a.shape, b.shape, "\(label) d\(name) shape")
                        let scale = max(1, b.maxAbs())
                        for (u, v) in zip(a.scalars, b.scalars) {
                            XCTAssertEqual(u, v, accuracy: 2e-5 * scale, "\(label) d\(name)")
                        }
                    }
                }
            }
        }
        }
        let missing = Kernels.instructionSets.filter { !Kernels.supportedInstructionSets.contains($0) }
        if !missing.isEmpty {
            throw XCTSkip("this CPU does not run the \(missing.joined(separator: " and ")) kernels, so those paths were not checked")
        }
    }

    /// A loss of the final states alone (a classifier's): the gradients still flow through the whole sequence.
    func testGradientsOfFinalStatesAloneMatchFiniteDifferences() {
        for kind in [RecurrentCellKind.lstm, .gru] {
            var rng = RandomGenerator(seed: 12)
            let layer = RecurrentLayer(kind: kind, inputSize: 3, hiddenSize: 4, rng: &rng)
            let x = parameter([2, 3, 3], seed: 13)
            assertGradientsMatchFiniteDifferences([x] + layer.parameters) {
                var r = RandomGenerator(seed: 1)
                let (_, state) = layer(x, lengths: [3, 2], rng: &r)
                var parts = [state.h.reshaped([state.h.value.count])]
                if let c = state.c { parts.append(c.reshaped([c.value.count])) }
                return Variable.concat(parts, axis: 0)
            }
        }
    }

    /// Degenerate sizes go through the C kernels without touching memory they do not own.
    func testEmptyBatchAndZeroStepsRunThroughTheKernel() {
        for kind in RecurrentCellKind.allCases {
            var rng = RandomGenerator(seed: 14)
            let cell = RecurrentCell(kind: kind, inputSize: 2, hiddenSize: 3, rng: &rng)
            for (n, steps) in [(0, 3), (2, 0)] {
                let x = Variable(Tensor(zeros: [n, steps, 2]), requiresGrad: true)
                let h0 = Variable(Tensor(shape: [n, 3], repeating: 0.5))
                let c0 = kind.hasCellState ? Variable(Tensor(shape: [n, 3], repeating: 0.25)) : nil
                let result = RecurrentSequenceKernel.run(
                    kind: kind, input: x, weightIH: cell.weightIH, weightHH: cell.weightHH, biasIH: cell.biasIH,
                    biasHH: cell.biasHH, h0: h0, c0: c0, lengths: nil, reverse: false)
                XCTAssertEqual(result.output.shape, [n, steps, 3])
                XCTAssertEqual(result.hidden.value.scalars, h0.value.scalars, "\(kind) n=\(n) steps=\(steps)")
                result.hidden.sum().backward()
                XCTAssertEqual(cell.weightHH.grad?.scalars, Array(repeating: 0, count: kind.gateCount * 9))
                for v in cell.parameters { v.zeroGrad() }
            }
        }
    }

    func testPaddedStepsGiveZeroOutputAndFinalStateFromOwnEnd() {
        var rng = RandomGenerator(seed: 11)
        let layer = RecurrentLayer(kind: .gru, inputSize: 2, hiddenSize: 3, rng: &rng)
        let x = Variable(.uniform([1, 5, 2], low: -1, high: 1, using: &rng))
        let (padded, paddedState) = layer(x, lengths: [3], rng: &rng)
        let short = Variable(Tensor.concat([x.value.split(sizes: [3, 2], axis: 1)[0]], axis: 1))
        let (_, shortState) = layer(short, rng: &rng)
        XCTAssertEqual(Array(padded.value.scalars[9...]), Array(repeating: 0, count: 6))
        XCTAssertEqual(paddedState.h.value.scalars, shortState.h.value.scalars)
    }
}
