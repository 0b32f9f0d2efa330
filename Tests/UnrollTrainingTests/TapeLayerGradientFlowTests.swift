import Foundation
import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest

/// `GradientFlow` and `BPTTTerms` for the layers that run on the tape (leaky units, skip connections in time, the
/// LSTM variants): the state gradients against finite differences of a forward pass written out here from the
/// layers' equations, in `Double`, and the unrolled states against the layer's own forward pass.
final class TapeLayerGradientFlowTests: XCTestCase {
    /// The stacks measured: every kind of tape layer, some of them two layers deep.
    static let specs: [(name: String, spec: RecurrentSpec)] = {
        func elman(_ connections: TimeConnections, layers: Int = 1, kind: RecurrentCellKind = .rnnTanh) -> RecurrentSpec {
            var spec = RecurrentSpec(kind: kind, hidden: 3, layers: layers)
            spec.connections = connections
            return spec
        }
        return [
            ("leaky, fixed α", elman(.leaky(LeakRates(values: [1.0, 0.1, 0.5])), layers: 2)),
            ("leaky, learned α", elman(.leaky(LeakRates(values: [0.5, 0.05], learned: true)))),
            ("skip 2", elman(.skip(SkipConnection(distance: 2)), layers: 2)),
            ("skip 3 only", elman(.skip(SkipConnection(distance: 3, keepsOneStep: false)))),
            ("skip 2, relu", elman(.skip(SkipConnection(distance: 2)), kind: .rnnRelu)),
        ] + LSTMVariant.allCases.filter { $0 != .standard }.map { variant in
            ("LSTM \(variant.rawValue)", RecurrentSpec(kind: .lstm, hidden: 3, layers: variant == .peephole ? 2 : 1, variant: variant))
        }
    }()

    func testStateGradientsMatchFiniteDifferencesOfTheWrittenOutEquations() throws {
        for (what, spec) in Self.specs {
            for (name, objective) in try ProbeFixtures.objectives(spec) {
                let probe = objective.probe(batch: 0)
                // The written-out forward pass computes what the layer computes.
                let reference = ReferenceStack(probe.layer)
                let tape = probe.layer.unrolledOnTape(probe.inputs)
                let written = reference.states(probe.inputs)
                for (l, layer) in tape.enumerated() {
                    for (t, state) in layer.enumerated() {
                        for (a, b) in zip(state.value.scalars, written[l][t]) {
                            XCTAssertEqual(Double(a), b, accuracy: 1e-5, "\(what) \(name): forward, layer \(l) step \(t)")
                        }
                    }
                }
                let gradients = GradientFlow.stateGradients(probe)
                XCTAssertEqual(gradients.count, spec.layers)
                XCTAssertTrue(probe.parameters.allSatisfy { $0.grad == nil }, "\(what) \(name): parameter gradients are cleared")
                var checked = 0, nonzero = 0
                for l in 0..<spec.layers {
                    for (t, g) in gradients[l].enumerated() {
                        guard let analytic = g?.scalars else { XCTFail("\(what) \(name) layer \(l) step \(t): no gradient"); continue }
                        for i in analytic.indices {
                            let epsilon = 1e-3
                            let plus = reference.lastStepLoss(probe, perturbing: (l, t, i, epsilon))
                            let minus = reference.lastStepLoss(probe, perturbing: (l, t, i, -epsilon))
                            let numeric = Float((plus - minus) / (2 * epsilon))
                            let a = analytic[i]
                            XCTAssertLessThanOrEqual(abs(a - numeric), 2e-3 + 2e-2 * max(abs(a), abs(numeric)),
                                                     "\(what) \(name) layer \(l) step \(t) element \(i): \(a) vs \(numeric)")
                            checked += 1
                            if abs(a) > 1e-2 { nonzero += 1 }
                        }
                    }
                }
                XCTAssertGreaterThan(checked, 20)
                XCTAssertGreaterThan(nonzero, checked / 4, "\(what) \(name): most gradients are not near zero")
            }
        }
    }

    func testTheUnrolledStatesAreTheLayersForwardBitForBit() throws {
        for (what, spec) in Self.specs {
            var rng = RandomGenerator(seed: 4)
            let layer = spec.makeLayer(inputSize: 2, rng: &rng)
            let x = Tensor.uniform([3, 7, 2], low: -2, high: 2, using: &rng)
            let (output, state) = layer(Variable(x), rng: &rng)
            let states = layer.unrolledOnTape(x)
            let top = states[spec.layers - 1]
            let h = spec.hidden
            let unrolled = (0..<3).flatMap { n in (0..<7).flatMap { t in top[t].value.scalars[(n * h)..<((n + 1) * h)] } }
            XCTAssertEqual(unrolled, output.value.scalars, what)
            let finals = states.flatMap { $0[6].value.scalars }
            XCTAssertEqual(finals, state.h.value.scalars, "\(what): final states")
        }
    }

    func testALeakyUnitsGradientReachesFartherThanTheElmans() throws {
        // Untrained, same sizes: α = 0.05 keeps 95 % of the state at every step, so the gradient from 25 steps back
        // is far larger, relative to the last step's, than through 25 tanh steps with the same weight scale.
        var rng = RandomGenerator(seed: 3)
        let data = try SyntheticTasks.adding(count: 8, length: 30, rng: &rng)
        func flow(_ connections: TimeConnections) -> [Double] {
            var spec = RecurrentSpec(kind: .rnnTanh, hidden: 8, spectralRadius: 0.5)
            spec.connections = connections
            let model = SequenceRegressor(inputs: 2, outputs: 1, rnn: spec, perStep: false, rng: &rng)
            let objective = RegressorObjective(model: model, dataset: data)
            _ = objective.begin(shuffle: false, batchSize: 8, rng: &rng)
            return GradientFlow.measure(objective.probe(batch: 0))[0]
        }
        let elman = flow(.adjacent), leaky = flow(.leaky(LeakRates(values: [0.05]))),
            skip = flow(.skip(SkipConnection(distance: 5, keepsOneStep: false)))
        XCTAssertLessThan(elman[25] / elman[0], 1e-6)
        XCTAssertGreaterThan(leaky[25] / leaky[0], 1e4 * elman[25] / elman[0])
        XCTAssertGreaterThan(skip[25] / skip[0], 1e4 * elman[25] / elman[0])
        // Without one-step connections the gradient arrives only at distances that are multiples of 5.
        XCTAssertEqual(skip[1], 0)
        XCTAssertGreaterThan(skip[5], 0)
    }

    /// The terms added from the last step back to the first, the order in which the tape's backward pass
    /// accumulates a weight's gradient.
    private func reverseSum(_ terms: [Tensor]) -> Tensor {
        var sum = terms.last!
        for term in terms.dropLast().reversed() { sum.add(term) }
        return sum
    }

    func testBPTTTermsSumToTheTapesGradientAndTheTrainingGradient() throws {
        for (what, spec) in Self.specs {
            for (name, objective) in try ProbeFixtures.objectives(spec) {
                let probe = objective.probe(batch: 0)
                let terms = BPTTTerms.terms(probe)
                let weight = probe.layer.firstRecurrentWeight(layer: 0)
                XCTAssertEqual(weight.symbol, spec.connections == .skip(SkipConnection(distance: 3, keepsOneStep: false))
                               ? "W_skip" : "W_hh", what)
                XCTAssertEqual(terms.count, probe.inputs.shape[1])
                XCTAssertEqual(terms[0].shape, weight.weight.shape)
                XCTAssertTrue(terms[0].scalars.allSatisfy { $0 == 0 }, "\(what) \(name): the first step reads the zero state")
                XCTAssertGreaterThan(BPTTTerms.norms(terms)[1...].max()!, 0, "\(what) \(name)")
                // The ordinary backward of the same unrolled graph, with one shared matrix.
                probe.batchLoss(probe.layer.unrolledOnTape(probe.inputs).last!).backward()
                XCTAssertEqual(reverseSum(terms).scalars, weight.weight.grad!.scalars, "\(what) \(name)")
                for p in probe.parameters { p.zeroGrad() }
                // The gradient training computes, through the layer's own time loop (padding and all).
                var rng = RandomGenerator(seed: 1)
                objective.run(batch: 0, training: false, rng: &rng).loss.backward()
                let trained = weight.weight.grad!.scalars, sum = reverseSum(terms).scalars
                let scale = trained.map(abs).max()!
                XCTAssertGreaterThan(scale, 0, "\(what) \(name)")
                for (a, b) in zip(sum, trained) { XCTAssertEqual(a, b, accuracy: 1e-5 * scale + 1e-7, "\(what) \(name)") }
                for p in objective.parameters { p.zeroGrad() }
            }
        }
    }
}

/// A recurrent stack's forward pass written out from the layers' equations (ARCHITECTURE.md, "LSTM variants" and
/// "Leaky units and skip connections in time"), in `Double`, reading the layer's weights: the finite-difference
/// reference, independent of the tape ops it checks.
private struct ReferenceStack {
    let layer: RecurrentLayer

    init(_ layer: RecurrentLayer) { self.layer = layer }

    /// `W · v` for `W` `(rows, v.count)` given as Float scalars.
    private func product(_ w: [Float], _ v: [Double]) -> [Double] {
        let columns = v.count
        return (0..<(w.count / columns)).map { r in (0..<columns).reduce(0.0) { $0 + Double(w[r * columns + $1]) * v[$1] } }
    }

    private func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }

    /// Every layer's state after every step, `[layer][step]`, each `N·H` row-major, from zero states; `perturbing`
    /// adds `delta` to element `index` of layer `l`'s state after step `t` before anything reads it.
    func states(_ inputs: Tensor, perturbing: (l: Int, t: Int, index: Int, delta: Double)? = nil) -> [[[Double]]] {
        let n = inputs.shape[0], steps = inputs.shape[1], features = inputs.shape[2], hs = layer.hiddenSize
        let x = inputs.scalars
        var below: [[[Double]]] = (0..<steps).map { t in
            (0..<n).map { i in (0..<features).map { Double(x[(i * steps + t) * features + $0]) } }
        }
        var all: [[[Double]]] = []
        for l in 0..<layer.layerCount {
            // history[s][row]: the state after s steps.
            var history = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: hs), count: n), count: 1)
            var cells = [[Double]](repeating: [Double](repeating: 0, count: hs), count: n)
            for t in 0..<steps {
                var next: [[Double]] = []
                for row in 0..<n {
                    let input = below[t][row], h = history[t][row]
                    if !layer.timeCells.isEmpty {
                        next.append(timeStep(layer.timeCells[l][0], input, history.map { $0[row] }, t))
                    } else {
                        let (hNew, cNew) = variantStep(layer.variantCells[l][0], input, h, cells[row])
                        next.append(hNew)
                        cells[row] = cNew
                    }
                }
                if let p = perturbing, p.l == l, p.t == t { next[p.index / hs][p.index % hs] += p.delta }
                history.append(next)
            }
            let layerStates = Array(history.dropFirst())
            all.append(layerStates.map { $0.flatMap { $0 } })
            below = layerStates
        }
        return all
    }

    /// One step of a leaky or skip layer for one row, from the states so far (`history[s]` after `s` steps).
    private func timeStep(_ cell: any TimeRecurrence, _ x: [Double], _ history: [[Double]], _ t: Int) -> [Double] {
        let hs = cell.hiddenSize
        let bias = zip(cell.biases[0].value.scalars, cell.biases[1].value.scalars).map { Double($0) + Double($1) }
        if let leaky = cell as? LeakyRNN {
            let alpha = leaky.alpha.value.scalars.map { leaky.learned ? sigmoid(Double($0)) : Double($0) }
            let h = history[t]
            let a = product(leaky.weightIH.value.scalars, x), b = product(leaky.weightHH.value.scalars, h)
            return (0..<hs).map { (j: Int) -> Double in
                let candidate: Double = Foundation.tanh(a[j] + b[j] + bias[j])
                return (1 - alpha[j]) * h[j] + alpha[j] * candidate
            }
        }
        let skip = cell as! SkipRNN
        let back = history[max(0, t + 1 - skip.connection.distance)]
        var z = zip(product(skip.weightIH.value.scalars, x), product(skip.weightSkip.value.scalars, back)).map { $0 + $1 }
        if let w = skip.weightHH { z = zip(z, product(w.value.scalars, history[t])).map { $0 + $1 } }
        return (0..<hs).map { j in skip.usesTanh ? Foundation.tanh(z[j] + bias[j]) : max(0, z[j] + bias[j]) }
    }

    /// One step of an LSTM variant for one row (Greff et al. 2017): the new `h` and `c`.
    private func variantStep(_ cell: VariantLSTMCell, _ x: [Double], _ h: [Double], _ c: [Double]) -> ([Double], [Double]) {
        let hs = cell.hiddenSize
        let ax = product(cell.weightIH.value.scalars, x), ah = product(cell.weightHH.value.scalars, h)
        let bx = cell.biasIH.value.scalars, bh = cell.biasHH.value.scalars
        let a: [Double] = ax.indices.map { (j: Int) -> Double in
            let products: Double = ax[j] + ah[j]
            return products + Double(bx[j]) + Double(bh[j])
        }
        func block(_ gate: LSTMVariant.Gate) -> [Double]? {
            cell.variant.gates.firstIndex(of: gate).map { Array(a[($0 * hs)..<(($0 + 1) * hs)]) }
        }
        func peep(_ p: Variable?, _ j: Int) -> Double { p.map { Double($0.value.scalars[j]) } ?? 0 }
        let peepholes = cell.peepholes
        let i = (0..<hs).map { sigmoid(block(.input)![$0] + peep(peepholes?.input, $0) * c[$0]) }
        let g = block(.candidate)!.map { Foundation.tanh($0) }
        let f: [Double]
        switch cell.variant {
        case .coupled: f = i.map { 1 - $0 }
        case .noForget: f = [Double](repeating: 1, count: hs)
        default: f = (0..<hs).map { sigmoid(block(.forget)![$0] + peep(peepholes?.forget, $0) * c[$0]) }
        }
        let cNew = (0..<hs).map { f[$0] * c[$0] + i[$0] * g[$0] }
        let o = block(.output).map { o in (0..<hs).map { sigmoid(o[$0] + peep(peepholes?.output, $0) * cNew[$0]) } }
            ?? [Double](repeating: 1, count: hs)
        return ((0..<hs).map { o[$0] * Foundation.tanh(cNew[$0]) }, cNew)
    }

    /// The probe's last-step loss of the written-out top-layer states, with one state element perturbed.
    func lastStepLoss(_ probe: RecurrentProbe, perturbing: (l: Int, t: Int, index: Int, delta: Double)) -> Double {
        let top = states(probe.inputs, perturbing: perturbing).last!
        let n = probe.inputs.shape[0], hs = layer.hiddenSize
        return withoutGradients {
            Double(probe.lastStepLoss(top.map { Variable(Tensor(shape: [n, hs], scalars: $0.map { Float($0) })) }).value.scalar)
        }
    }
}
