import UnrollAutograd
@testable import UnrollNN
import UnrollTensor
import UnrollTestSupport
import XCTest

/// Leaky units and skip connections in time: gradients against finite differences, α = 1 against the fused Elman
/// kernel bit for bit, padded steps, names and sizes.
final class TimeConnectionTests: XCTestCase {
    private static let leakyFixed = TimeConnections.leaky(LeakRates(values: [1.0, 0.3, 0.05]))
    private static let leakyLearned = TimeConnections.leaky(LeakRates(values: [0.9, 0.2], learned: true))
    private static let skip3 = TimeConnections.skip(SkipConnection(distance: 3))
    private static let skip3Only = TimeConnections.skip(SkipConnection(distance: 3, keepsOneStep: false))
    private static let all = [leakyFixed, leakyLearned, skip3, skip3Only]

    private func layer(_ connections: TimeConnections, kind: RecurrentCellKind = .rnnTanh, input: Int = 3, hidden: Int = 4,
                       layers: Int = 1, bidirectional: Bool = false, seed: UInt64 = 5) -> RecurrentLayer {
        var rng = RandomGenerator(seed: seed)
        return RecurrentLayer(kind: kind, inputSize: input, hiddenSize: hidden, layers: layers, bidirectional: bidirectional,
                              connections: connections, rng: &rng)
    }

    /// The output and the final state of `layer` as one vector, for gradient checks.
    private func everything(_ layer: RecurrentLayer, _ x: Variable, h0: Variable, lengths: [Int]?) -> Variable {
        var rng = RandomGenerator(seed: 1)
        let (output, state) = layer(x, lengths: lengths, initialState: RecurrentLayer.State(h: h0), rng: &rng)
        return Variable.concat([output.reshaped([output.value.count]), state.h.reshaped([state.h.value.count])], axis: 0)
    }

    private func assertGradients(_ connections: TimeConnections, file: StaticString = #filePath, line: UInt = #line) {
        let l = layer(connections, layers: 2, bidirectional: true)
        let x = parameter([2, 6, 3], seed: 8)
        let h0 = parameter([4, 2, 4], seed: 9, low: -0.5, high: 0.5)
        for lengths in [nil, [6, 4]] as [[Int]?] {
            assertGradientsMatchFiniteDifferences([x, h0] + l.parameters, file: file, line: line) {
                everything(l, x, h0: h0, lengths: lengths)
            }
        }
    }

    func testFixedLeakGradientsMatchFiniteDifferences() { assertGradients(Self.leakyFixed) }

    func testLearnedLeakGradientsMatchFiniteDifferences() {
        XCTAssertTrue(layer(Self.leakyLearned).namedParameters.contains { $0.name == "alpha_l0" })
        assertGradients(Self.leakyLearned)
    }

    func testSkipGradientsMatchFiniteDifferences() { assertGradients(Self.skip3) }

    func testSkipWithoutOneStepConnectionsGradientsMatchFiniteDifferences() { assertGradients(Self.skip3Only) }

    func testReluSkipGradientsMatchFiniteDifferences() {
        let l = layer(Self.skip3, kind: .rnnRelu)
        let x = parameter([2, 5, 3], seed: 3)
        assertGradientsMatchFiniteDifferences([x] + l.parameters) {
            everything(l, x, h0: Variable(Tensor(zeros: [1, 2, 4])), lengths: [5, 2])
        }
    }

    func testTheStateUpdateOpGradientsMatchFiniteDifferences() {
        let previous = parameter([3, 4], seed: 1), candidate = parameter([3, 4], seed: 2)
        let alpha = parameter([4], seed: 3, low: 0.1, high: 1)
        assertGradientsMatchFiniteDifferences([previous, candidate, alpha]) {
            Variable.stateUpdate(previous: previous, candidate: candidate, alpha: alpha, active: [true, false, true])
        }
        assertGradientsMatchFiniteDifferences([previous, candidate]) {
            Variable.stateUpdate(previous: previous, candidate: candidate, alpha: nil, active: nil)
        }
    }

    func testTimeMajorGradientsMatchFiniteDifferences() {
        let x = parameter([2, 3, 4], seed: 4)
        XCTAssertEqual(x.timeMajor().value.scalars[4..<8], x.value.scalars[12..<16])
        assertGradientsMatchFiniteDifferences([x]) { x.timeMajor() }
    }

    /// With α = 1 the leaky layer draws the Elman layer's weights and computes its bits, on every kernel path and
    /// thread count, over several layers, both directions and padded batches.
    func testLeakWithAlphaOneIsTheElmanRNNBitForBit() throws {
        for path in ["portable", "avx2", "avx512"] {
            for threads in [1, 2] {
                try withKernels(path, threads: threads) {
                    for bidirectional in [false, true] {
                        let leaky = layer(.leaky(LeakRates(values: [1])), input: 5, hidden: 37, layers: 2,
                                          bidirectional: bidirectional, seed: 11)
                        let elman = layer(.adjacent, input: 5, hidden: 37, layers: 2, bidirectional: bidirectional, seed: 11)
                        XCTAssertEqual(leaky.namedParameters.map(\.name), elman.namedParameters.map(\.name))
                        for (a, b) in zip(leaky.parameters, elman.parameters) { XCTAssertEqual(a.value, b.value) }
                        var rng = RandomGenerator(seed: 12)
                        let x = Variable(.uniform([3, 9, 5], low: -1, high: 1, using: &rng))
                        for lengths in [nil, [9, 4, 7]] as [[Int]?] {
                            let (lo, ls) = leaky(x, lengths: lengths, rng: &rng)
                            let (eo, es) = elman(x, lengths: lengths, rng: &rng)
                            XCTAssertEqual(bitDifferences(lo.value.scalars, eo.value.scalars), "", "\(path) \(threads) output")
                            XCTAssertEqual(bitDifferences(ls.h.value.scalars, es.h.value.scalars), "", "\(path) \(threads) h")
                        }
                    }
                }
            }
        }
    }

    /// The same results, bit for bit, on every kernel path and thread count, for each kind of connection.
    func testResultsAndGradientsDoNotDependOnKernelPathOrThreads() throws {
        func run(_ connections: TimeConnections) -> [Float] {
            let l = layer(connections, input: 6, hidden: 40, layers: 2, bidirectional: true, seed: 21)
            var rng = RandomGenerator(seed: 22)
            let x = Variable(.uniform([5, 12, 6], low: -1, high: 1, using: &rng), requiresGrad: true)
            let (out, state) = l(x, lengths: [12, 3, 9, 12, 1], rng: &rng)
            (out.sum() + state.h.sum()).backward()
            return out.value.scalars + state.h.value.scalars + x.grad!.scalars + l.parameters.flatMap { $0.grad!.scalars }
        }
        let reference = try withKernels("portable", threads: 1) { Self.all.map(run) }
        for path in ["avx2", "avx512"] {
            for threads in [1, 2] {
                let results = try withKernels(path, threads: threads) { Self.all.map(run) }
                for (k, (a, b)) in zip(results, reference).enumerated() {
                    XCTAssertEqual(bitDifferences(a, b), "", "\(Self.all[k]) on \(path), \(threads) threads")
                }
            }
        }
    }

    /// A padded step leaves the state as it was and gives zero output: each sequence of a padded batch gets what it
    /// gets alone, in both directions.
    func testPaddedStepsDoNotChangeTheState() {
        for connections in Self.all {
            let l = layer(connections, bidirectional: true)
            var rng = RandomGenerator(seed: 30)
            let x = Tensor.uniform([2, 7, 3], low: -1, high: 1, using: &rng)
            let (out, state) = l(Variable(x), lengths: [7, 4], rng: &rng)
            let short = Tensor(shape: [1, 4, 3], scalars: Array(x.scalars[21..<33]))
            let (aloneOut, aloneState) = l(Variable(short), rng: &rng)
            let o = out.value.scalars, h = l.hiddenSize * 2
            XCTAssertEqual(Array(o[(7 * h)..<(7 * h + 4 * h)]), aloneOut.value.scalars, "\(connections) output")
            XCTAssertTrue(o[(7 * h + 4 * h)...].allSatisfy { $0 == 0 }, "\(connections) padded output")
            let s = state.h.value.scalars, hs = l.hiddenSize
            for d in 0..<2 {
                XCTAssertEqual(Array(s[(d * 2 + 1) * hs..<(d * 2 + 2) * hs]),
                               Array(aloneState.h.value.scalars[d * hs..<(d + 1) * hs]), "\(connections) final h, direction \(d)")
            }
        }
    }

    /// `h_{t−d}` is the state `d` steps back, the initial state before that: worked out by hand for one unit.
    func testSkipReachesDStepsBack() {
        var rng = RandomGenerator(seed: 1)
        let cell = SkipRNN(inputSize: 1, hiddenSize: 1, connection: SkipConnection(distance: 2, keepsOneStep: false),
                           usesTanh: false, rng: &rng)
        cell.weightIH.value = Tensor(shape: [1, 1], scalars: [1])
        cell.weightSkip.value = Tensor(shape: [1, 1], scalars: [2])
        cell.biasIH.value = Tensor(shape: [1], scalars: [0])
        cell.biasHH.value = Tensor(shape: [1], scalars: [0])
        let x = Variable(Tensor(shape: [1, 5, 1], scalars: [1, 1, 1, 1, 1]))
        let (out, _) = cell.run(x, h0: Variable(Tensor(shape: [1, 1], scalars: [0.5])), lengths: nil, reverse: false)
        // h_t = relu(x_t + 2 h_{t−2}), h_{−1} = h_{−2} = 0.5: 2, 2, 5, 5, 11.
        XCTAssertEqual(out.value.scalars, [2, 2, 5, 5, 11])
    }

    func testLeakRatesSpreadOverTheUnitsInEqualGroups() {
        let groups = LeakRates(values: [1.0, 0.1, 0.01]).perUnit(hidden: 64)
        XCTAssertEqual([1.0, 0.1, 0.01].map { v in groups.filter { $0 == Float(v) }.count }, [22, 21, 21])
        XCTAssertEqual(groups.first, 1.0)
        XCTAssertEqual(groups.last, 0.01)
        XCTAssertEqual(LeakRates(values: [0.5, 0.25]).perUnit(hidden: 2), [0.5, 0.25])
    }

    func testLearnedRatesStartAtTheGivenValues() {
        let l = layer(.leaky(LeakRates(values: [0.9, 0.2], learned: true)))
        let cell = l.timeCells[0][0] as! LeakyRNN
        for (a, b) in zip(cell.rates.value.scalars, [0.9, 0.9, 0.2, 0.2] as [Float]) { XCTAssertEqual(a, b, accuracy: 1e-6) }
    }

    func testStateDictNames() {
        var rng = RandomGenerator(seed: 2)
        func names(_ c: TimeConnections) -> [String] {
            var spec = RecurrentSpec(kind: .rnnTanh, hidden: 3, layers: 2)
            spec.connections = c
            return LanguageModel(vocabulary: 5, embed: 2, rnn: spec, rng: &rng).namedParameters.map(\.name)
        }
        XCTAssertEqual(names(Self.leakyLearned).filter { $0.hasPrefix("rnn.") && $0.hasSuffix("_l1") },
                       ["rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1", "rnn.alpha_l1"])
        XCTAssertFalse(names(Self.leakyFixed).contains { $0.contains("alpha") })
        XCTAssertEqual(names(Self.skip3).filter { $0.hasSuffix("_l0") && $0.hasPrefix("rnn.") },
                       ["rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.weight_skip_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0"])
        XCTAssertFalse(names(Self.skip3Only).contains("rnn.weight_hh_l0"))
    }

    /// `init:` and `spectral_radius:` reach the recurrent matrices of the tape layers too (`W_hh`, `W_skip`).
    func testInitialisationSetsTheRecurrentMatricesOfLeakyAndSkipLayers() {
        var rng = RandomGenerator(seed: 4)
        var identity = RecurrentSpec(kind: .rnnTanh, hidden: 3, initialization: .identity)
        identity.connections = Self.leakyFixed
        let leaky = identity.makeLayer(inputSize: 2, rng: &rng).timeCells[0][0] as! LeakyRNN
        XCTAssertEqual(leaky.weightHH.value.scalars, [1, 0, 0, 0, 1, 0, 0, 0, 1])
        XCTAssertEqual(leaky.biasIH.value.scalars + leaky.biasHH.value.scalars, [Float](repeating: 0, count: 6))
        var scaled = RecurrentSpec(kind: .rnnTanh, hidden: 5, spectralRadius: 0.5)
        scaled.connections = Self.skip3
        let skip = scaled.makeLayer(inputSize: 2, rng: &rng).timeCells[0][0] as! SkipRNN
        for weight in [skip.weightHH!, skip.weightSkip] {
            XCTAssertEqual(SpectralRadius.estimate(of: weight.value.scalars.map(Double.init), size: 5), 0.5, accuracy: 1e-3)
        }
    }

    func testWeightCountsMatchTheLayersBuilt() {
        var rng = RandomGenerator(seed: 3)
        for connections in Self.all {
            for (layers, bidirectional) in [(1, false), (3, true)] {
                var spec = RecurrentSpec(kind: .rnnTanh, hidden: 4, layers: layers, bidirectional: bidirectional)
                spec.connections = connections
                XCTAssertEqual(WeightCount.tokenModel(vocabulary: 7, embed: 3, rnn: spec, outputs: 7),
                               LanguageModel(vocabulary: 7, embed: 3, rnn: spec, rng: &rng).parameterCount, "\(spec)")
                XCTAssertEqual(WeightCount.regressor(inputs: 2, outputs: 1, rnn: spec),
                               SequenceRegressor(inputs: 2, outputs: 1, rnn: spec, perStep: false, rng: &rng).parameterCount)
            }
        }
        var huge = RecurrentSpec(kind: .rnnTanh, hidden: Int.max / 4)
        huge.connections = Self.skip3
        XCTAssertNil(WeightCount.recurrent(huge, inputSize: 2))
    }
}
