import UnrollAutograd
import UnrollNN
import UnrollTensor
import UnrollTestSupport
import XCTest

/// The LSTM variants (Greff et al. 2017) against their PyTorch references (`scripts/make_lstm_variant_references.py`),
/// finite differences, the fused LSTM they reduce to, and the weight counts worked out before allocating.
final class LSTMVariantTests: XCTestCase {
    private static let variants: [LSTMVariant] = [.peephole, .coupled, .noForget, .noOutput]

    func testPeepholeMatchesItsPyTorchReference() throws { try checkReference(.peephole) }
    func testCoupledMatchesItsPyTorchReference() throws { try checkReference(.coupled) }
    func testNoForgetMatchesItsPyTorchReference() throws { try checkReference(.noForget) }
    func testNoOutputMatchesItsPyTorchReference() throws { try checkReference(.noOutput) }

    func testPeepholeGradientsMatchFiniteDifferences() { checkFiniteDifferences(.peephole) }
    func testCoupledGradientsMatchFiniteDifferences() { checkFiniteDifferences(.coupled) }
    func testNoForgetGradientsMatchFiniteDifferences() { checkFiniteDifferences(.noForget) }
    func testNoOutputGradientsMatchFiniteDifferences() { checkFiniteDifferences(.noOutput) }

    /// With its peepholes at zero the peephole cell is the standard LSTM: it equals the fused kernel within 1e-6,
    /// outputs, final states and every gradient, over two bidirectional layers and padded sequences.
    func testPeepholeWithZeroPeepholesEqualsTheFusedLSTM() throws {
        var rng = RandomGenerator(seed: 21)
        let fused = RecurrentLayer(kind: .lstm, inputSize: 3, hiddenSize: 5, layers: 2, bidirectional: true, rng: &rng)
        let peephole = RecurrentLayer(kind: .lstm, inputSize: 3, hiddenSize: 5, layers: 2, bidirectional: true,
                                      variant: .peephole, rng: &rng)
        var weights: [String: Tensor] = [:]
        for (name, v) in fused.namedParameters { weights[name] = v.value }
        for (name, v) in peephole.namedParameters where name.hasPrefix("weight_peephole") {
            weights[name] = Tensor(zeros: v.shape)
        }
        _ = try StateDict.load(weights, into: peephole)
        let x = Tensor.uniform([4, 6, 3], low: -1, high: 1, using: &rng)
        let lengths = [6, 3, 1, 5]
        let projection = Tensor.uniform([4, 6, 10], low: -1, high: 1, using: &rng)
        func run(_ layer: RecurrentLayer) -> (output: Tensor, h: Tensor, c: Tensor, input: Tensor) {
            var rng = RandomGenerator(seed: 1)
            let input = Variable(x, requiresGrad: true)
            let (output, state) = layer(input, lengths: lengths, rng: &rng)
            (output.multiplied(byConstant: projection).sum() + state.h.sum() + state.c!.sum()).backward()
            return (output.value, state.h.value, state.c!.value, input.grad!)
        }
        let a = run(fused), b = run(peephole)
        assertClose(b.output, a.output, "output", rtol: 0, atol: 1e-6)
        assertClose(b.h, a.h, "h_n", rtol: 0, atol: 1e-6)
        assertClose(b.c, a.c, "c_n", rtol: 0, atol: 1e-6)
        assertClose(b.input, a.input, "grad input", rtol: 0, atol: 1e-6)
        let peepholeGrads = Dictionary(uniqueKeysWithValues: peephole.namedParameters.map { ($0.name, $0.variable) })
        for (name, v) in fused.namedParameters {
            assertClose(try XCTUnwrap(peepholeGrads[name]?.grad), try XCTUnwrap(v.grad), "grad \(name)", rtol: 0, atol: 1e-6)
        }
    }

    /// The counts worked out from the spec agree with the weights a built layer has, and name the peepholes as
    /// `state_dict` does (`weight_peephole_i_l0`).
    func testWeightCountsAndNamesOfEveryVariant() {
        for variant in Self.variants + [.standard] {
            let spec = RecurrentSpec(kind: .lstm, hidden: 7, layers: 2, bidirectional: true, variant: variant)
            var rng = RandomGenerator(seed: 2)
            let layer = spec.makeLayer(inputSize: 3, rng: &rng)
            XCTAssertEqual(WeightCount.recurrent(spec, inputSize: 3), layer.parameterCount, "\(variant)")
            XCTAssertEqual(layer.namedParameters.count, variant == .peephole ? 28 : 16, "\(variant)")
            XCTAssertEqual(layer.namedParameters[1].variable.shape, [variant.gateCount * 7, 7], "\(variant)")
        }
        var rng = RandomGenerator(seed: 2)
        let names = RecurrentLayer(kind: .lstm, inputSize: 3, hiddenSize: 4, bidirectional: true, variant: .peephole,
                                   rng: &rng).namedParameters.map(\.name)
        XCTAssertEqual(Array(names.prefix(7)), ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                                               "weight_peephole_i_l0", "weight_peephole_f_l0", "weight_peephole_o_l0"])
        XCTAssertEqual(names.last, "weight_peephole_o_l0_reverse")
        XCTAssertEqual(WeightCount.recurrent(RecurrentSpec(kind: .lstm, hidden: 10, variant: .coupled), inputSize: 5),
                       3 * 10 * (5 + 10) + 2 * 3 * 10)
    }

    // MARK: - Helpers

    private func checkReference(_ variant: LSTMVariant) throws {
        let file = try Fixtures.load("lstm_\(variant.rawValue)")
        XCTAssertEqual(try Fixtures.description(of: file)["variant"], variant.rawValue)
        var rng = RandomGenerator(seed: 3)
        let layer = RecurrentLayer(kind: .lstm, inputSize: 4, hiddenSize: 6, layers: 2, bidirectional: true,
                                   variant: variant, rng: &rng)
        let report = try StateDict.load(file.tensors.mapValues(\.values), into: layer, prefix: "rnn")
        XCTAssertEqual(report.loaded.count, layer.namedParameters.count)
        let input = Variable(try file.tensor("input"), requiresGrad: true)
        let h0 = Variable(try file.tensor("h0"), requiresGrad: true)
        let c0 = Variable(try file.tensor("c0"), requiresGrad: true)
        let lengths = try file.integers("lengths")
        XCTAssertEqual(lengths, [5, 2, 4])
        let (output, state) = layer(input, lengths: lengths, initialState: .init(h: h0, c: c0), rng: &rng)
        let name = variant.rawValue
        assertClose(output.value, try file.tensor("output"), "\(name) output")
        assertClose(state.h.value, try file.tensor("h_n"), "\(name) h_n")
        let c = try XCTUnwrap(state.c)
        assertClose(c.value, try file.tensor("c_n"), "\(name) c_n")
        let loss = (output * Variable(try file.tensor("loss_weight.output"))).sum()
            + (state.h * Variable(try file.tensor("loss_weight.h_n"))).sum()
            + (c * Variable(try file.tensor("loss_weight.c_n"))).sum()
        loss.backward()
        for (parameter, variable) in layer.namedParameters {
            let grad = try XCTUnwrap(variable.grad, "\(name): no gradient for \(parameter)")
            assertClose(grad, try file.tensor("grad.rnn." + parameter), "\(name) grad \(parameter)")
        }
        assertClose(try XCTUnwrap(input.grad), try file.tensor("grad.input"), "\(name) grad input")
        assertClose(try XCTUnwrap(h0.grad), try file.tensor("grad.h0"), "\(name) grad h0")
        assertClose(try XCTUnwrap(c0.grad), try file.tensor("grad.c0"), "\(name) grad c0")
    }

    /// Every weight, the input and both initial states of a bidirectional layer over padded sequences.
    private func checkFiniteDifferences(_ variant: LSTMVariant) {
        var rng = RandomGenerator(seed: 40)
        let layer = RecurrentLayer(kind: .lstm, inputSize: 2, hiddenSize: 3, bidirectional: true, variant: variant,
                                   rng: &rng)
        let x = parameter([2, 4, 2], seed: 41)
        let h0 = parameter([2, 2, 3], seed: 42, low: -0.5, high: 0.5)
        let c0 = parameter([2, 2, 3], seed: 43, low: -0.5, high: 0.5)
        assertGradientsMatchFiniteDifferences(layer.parameters + [x, h0, c0], epsilon: 1e-2) {
            var rng = RandomGenerator(seed: 44)
            let (output, state) = layer(x, lengths: [4, 2], initialState: .init(h: h0, c: c0), rng: &rng)
            return Variable.concat([output.reshaped([2, 24]), state.h.reshaped([2, 6]), state.c!.reshaped([2, 6])],
                                   axis: 1)
        }
    }
}
