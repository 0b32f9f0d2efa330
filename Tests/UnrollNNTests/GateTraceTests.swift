import UnrollAutograd
@testable import UnrollNN
import UnrollTensor
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
}
