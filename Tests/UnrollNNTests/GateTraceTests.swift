import UnrollAutograd
@testable import UnrollNN
import UnrollTensor
import UnrollTestSupport
import XCTest

/// The step-by-step gate trace against the fused layer it explains.
final class GateTraceTests: XCTestCase {
    /// A layer of `kind` and one random sequence of `steps` steps of 3 features, and the layer's fused run.
    private func fixture(_ kind: RecurrentCellKind, layers: Int, bidirectional: Bool, steps: Int = 9)
        -> (RecurrentLayer, [[Float]], output: [Float], finalH: [Float]) {
        var rng = RandomGenerator(seed: 11)
        let layer = RecurrentLayer(kind: kind, inputSize: 3, hiddenSize: 20, layers: layers, bidirectional: bidirectional, rng: &rng)
        let x = Tensor.uniform([1, steps, 3], low: -2, high: 2, using: &rng)
        let (output, state) = layer(Variable(x), rng: &rng)
        let rows = (0..<steps).map { Array(x.scalars[($0 * 3)..<($0 * 3 + 3)]) }
        return (layer, rows, output.value.scalars, state.h.value.scalars)
    }

    func testTheStepByStepHiddenStatesAreTheFusedLayersBitForBit() {
        for kind in RecurrentCellKind.allCases {
            for (layers, bidirectional) in [(1, false), (2, false), (2, true)] {
                let (layer, inputs, output, finalH) = fixture(kind, layers: layers, bidirectional: bidirectional)
                let traces = GateTrace.run(layer, inputs: inputs)
                let what = "\(kind) layers \(layers) bidirectional \(bidirectional)"
                XCTAssertEqual(traces.count, layers, what)
                // The last layer's output is its directions' hidden states side by side at every step.
                let top = traces[layers - 1]
                let traced = (0..<inputs.count).flatMap { t in top.flatMap { $0.hidden[t] } }
                XCTAssertEqual(traced, output, "output, \(what)")
                // Every layer's final state: the last step forwards, the first step in reverse.
                let finals = traces.flatMap { row in row.map { $0.direction == 0 ? $0.hidden[inputs.count - 1] : $0.hidden[0] } }
                XCTAssertEqual(finals.flatMap { $0 }, finalH, "final h, \(what)")
                let largest = zip(traced, output).map { abs($0 - $1) }.max() ?? 0
                XCTAssertLessThanOrEqual(largest, 1e-6, what)
            }
        }
    }

    func testSigmoidGatesLieInTheUnitIntervalAndTanhsInMinusOneToOne() {
        for kind in [RecurrentCellKind.lstm, .gru] {
            let (layer, inputs, _, _) = fixture(kind, layers: 1, bidirectional: false, steps: 30)
            let trace = GateTrace.run(layer, inputs: inputs)[0][0]
            let sigmoids: Set<String> = ["i", "f", "o", "r", "z"], tanhs: Set<String> = ["g", "n", "h"]
            for track in trace.tracks {
                XCTAssertEqual(track.values.count, 30)
                XCTAssertTrue(track.values.allSatisfy { $0.count == 20 })
                let all = track.values.joined()
                if sigmoids.contains(track.symbol) { XCTAssertTrue(all.allSatisfy { $0 >= 0 && $0 <= 1 }, track.name) }
                if tanhs.contains(track.symbol) { XCTAssertTrue(all.allSatisfy { $0 >= -1 && $0 <= 1 }, track.name) }
            }
            // The values move: a trace of constants would pass the bounds above.
            XCTAssertGreaterThan(Set(trace.tracks[0].values.joined()).count, 100)
        }
        let lstm = GateTrace.run(fixture(.lstm, layers: 1, bidirectional: false).0, inputs: [[1, 2, 3]])[0][0]
        XCTAssertEqual(lstm.tracks.map(\.symbol), ["i", "f", "g", "o", "c", "h"])
        let gru = GateTrace.run(fixture(.gru, layers: 1, bidirectional: false).0, inputs: [[1, 2, 3]])[0][0]
        XCTAssertEqual(gru.tracks.map(\.name), ["reset gate", "update gate", "new state", "hidden state"])
    }

    func testTheLSTMCellStateFollowsItsGates() {
        let (layer, inputs, _, _) = fixture(.lstm, layers: 1, bidirectional: false)
        let trace = GateTrace.run(layer, inputs: inputs)[0][0]
        let (i, f, g, c) = (trace.tracks[0].values, trace.tracks[1].values, trace.tracks[2].values, trace.tracks[4].values)
        for t in 1..<inputs.count {
            for u in 0..<20 { XCTAssertEqual(c[t][u], f[t][u] * c[t - 1][u] + i[t][u] * g[t][u]) }
        }
    }

    /// A tape-run layer (an LSTM variant, leaky units, a skip connection) over one random sequence, and its forward run.
    private func tapeFixture(_ spec: RecurrentSpec, steps: Int = 9)
        -> (RecurrentLayer, [[Float]], output: [Float], finalH: [Float], finalC: [Float]?) {
        var rng = RandomGenerator(seed: 12)
        let layer = spec.makeLayer(inputSize: 3, rng: &rng)
        let x = Tensor.uniform([1, steps, 3], low: -2, high: 2, using: &rng)
        let (output, state) = layer(Variable(x), rng: &rng)
        let rows = (0..<steps).map { Array(x.scalars[($0 * 3)..<($0 * 3 + 3)]) }
        return (layer, rows, output.value.scalars, state.h.value.scalars, state.c?.value.scalars)
    }

    /// Every tape-run layer kind, with one and two layers, forwards and bidirectional.
    private var tapeSpecs: [(String, RecurrentSpec)] {
        var out: [(String, RecurrentSpec)] = []
        for (layers, bidirectional) in [(1, false), (2, true)] {
            for variant in LSTMVariant.allCases where variant != .standard {
                out.append(("LSTM \(variant.rawValue)", RecurrentSpec(kind: .lstm, hidden: 20, layers: layers,
                                                                    bidirectional: bidirectional, variant: variant)))
            }
            let connections: [(String, RecurrentCellKind, TimeConnections)] = [
                ("leaky", .rnnTanh, .leaky(LeakRates(values: [1.0, 0.3, 0.05]))),
                ("leaky learned", .rnnTanh, .leaky(LeakRates(values: [0.7, 0.02], learned: true))),
                ("skip 3", .rnnTanh, .skip(SkipConnection(distance: 3))),
                ("skip 2 only, relu", .rnnRelu, .skip(SkipConnection(distance: 2, keepsOneStep: false))),
            ]
            for (name, kind, connection) in connections {
                var spec = RecurrentSpec(kind: kind, hidden: 20, layers: layers, bidirectional: bidirectional)
                spec.connections = connection
                out.append((name, spec))
            }
        }
        return out
    }

    func testTapeLayerTracesAreTheLayersForwardBitForBit() throws {
        for (kind, threads) in [(Kernels.instructionSet, 2), ("portable", 1)] {
            try withKernels(kind, threads: threads) {
                for (name, spec) in tapeSpecs {
                    let (layer, inputs, output, finalH, finalC) = tapeFixture(spec)
                    let traces = GateTrace.run(layer, inputs: inputs)
                    let what = "\(name) layers \(spec.layers) bidirectional \(spec.bidirectional), \(kind) kernels"
                    let top = traces[spec.layers - 1]
                    let traced = (0..<inputs.count).flatMap { t in top.flatMap { $0.hidden[t] } }
                    XCTAssertEqual(bitDifferences(traced, output), "", "output, \(what)")
                    let last = inputs.count - 1
                    let finals = traces.flatMap { row in row.map { $0.direction == 0 ? $0.hidden[last] : $0.hidden[0] } }
                    XCTAssertEqual(bitDifferences(finals.flatMap { $0 }, finalH), "", "final h, \(what)")
                    if let finalC {
                        let cells = traces.flatMap { row in row.map { $0.tracks[$0.tracks.count - 2].values[$0.direction == 0 ? last : 0] } }
                        XCTAssertEqual(bitDifferences(cells.flatMap { $0 }, finalC), "", "final c, \(what)")
                    }
                    XCTAssertGreaterThan(Set(traced).count, 50, "the states move, \(what)")
                }
            }
        }
    }

    func testAVariantShowsTheGatesItHasAndALeakyLayerItsRates() {
        let symbols: [LSTMVariant: [String]] = [.peephole: ["i", "f", "g", "o", "c", "h"], .coupled: ["i", "g", "o", "c", "h"],
                                                .noForget: ["i", "g", "o", "c", "h"], .noOutput: ["i", "f", "g", "c", "h"]]
        for (variant, expected) in symbols {
            let (layer, inputs, _, _, _) = tapeFixture(RecurrentSpec(kind: .lstm, hidden: 20, variant: variant))
            let trace = GateTrace.run(layer, inputs: inputs)[0][0]
            XCTAssertEqual(trace.tracks.map(\.symbol), expected, variant.rawValue)
            XCTAssertNil(trace.rates)
            let byName = Dictionary(uniqueKeysWithValues: trace.tracks.map { ($0.symbol, $0.values) })
            for t in 1..<inputs.count {
                for u in 0..<20 {
                    let i = byName["i"]![t][u], g = byName["g"]![t][u], c = byName["c"]!, h = byName["h"]![t][u]
                    let f = variant == .coupled ? 1 - i : byName["f"]?[t][u] ?? 1
                    XCTAssertEqual(c[t][u], f * c[t - 1][u] + i * g, accuracy: 1e-6, "\(variant) c at \(t)")
                    let o = byName["o"]?[t][u] ?? 1
                    XCTAssertEqual(h, o * FastMath.tanh(c[t][u]), accuracy: 1e-6, "\(variant) h at \(t)")
                }
            }
        }
        var spec = RecurrentSpec(kind: .rnnTanh, hidden: 20)
        spec.connections = .leaky(LeakRates(values: [1.0, 0.25]))
        let (layer, inputs, _, _, _) = tapeFixture(spec)
        let trace = GateTrace.run(layer, inputs: inputs)[0][0]
        XCTAssertEqual(trace.tracks.map(\.name), ["candidate state", "hidden state"])
        XCTAssertEqual(trace.rates, [Float](repeating: 1, count: 10) + [Float](repeating: 0.25, count: 10))
        let (candidate, hidden) = (trace.tracks[0].values, trace.tracks[1].values)
        XCTAssertEqual(Array(hidden[0][..<10]), Array(candidate[0][..<10]), "α = 1 takes the candidate")
        for t in 1..<inputs.count {
            for u in 10..<20 { XCTAssertEqual(hidden[t][u], 0.75 * hidden[t - 1][u] + 0.25 * candidate[t][u]) }
        }
    }
}
