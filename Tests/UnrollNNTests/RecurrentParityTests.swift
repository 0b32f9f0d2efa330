import UnrollAutograd
import UnrollNN
import UnrollTensor
import XCTest

/// Compares `RecurrentLayer` (fused kernel) and `RecurrentCell` with PyTorch's `nn.RNN`/`nn.LSTM`/`nn.GRU` on
/// the reference fixtures: outputs, final states, and every gradient of a fixed loss, within 1e-5 relative.
final class RecurrentParityTests: XCTestCase {
    // MARK: Fused layer against PyTorch

    func testRNNTanhSingleLayer() throws { try checkLayer("rnn_tanh_single") }
    func testRNNTanhTwoLayerBidirectional() throws { try checkLayer("rnn_tanh_bidir2") }
    func testRNNTanhVariableLengths() throws { try checkLayer("rnn_tanh_varlen") }
    func testRNNReluSingleLayer() throws { try checkLayer("rnn_relu_single") }
    func testRNNReluTwoLayerBidirectional() throws { try checkLayer("rnn_relu_bidir2") }
    func testRNNReluVariableLengths() throws { try checkLayer("rnn_relu_varlen") }
    func testLSTMSingleLayer() throws { try checkLayer("lstm_single") }
    func testLSTMTwoLayerBidirectional() throws { try checkLayer("lstm_bidir2") }
    func testLSTMVariableLengths() throws { try checkLayer("lstm_varlen") }
    func testGRUSingleLayer() throws { try checkLayer("gru_single") }
    func testGRUTwoLayerBidirectional() throws { try checkLayer("gru_bidir2") }
    func testGRUVariableLengths() throws { try checkLayer("gru_varlen") }

    // MARK: One-step cell against the fused layer and PyTorch

    func testRNNTanhCellMatchesLayer() throws { try checkCell("rnn_tanh_single") }
    func testRNNReluCellMatchesLayer() throws { try checkCell("rnn_relu_single") }
    func testLSTMCellMatchesLayer() throws { try checkCell("lstm_single") }
    func testGRUCellMatchesLayer() throws { try checkCell("gru_single") }

    /// The variable-length fixture really has padding, so the varlen cases test what they claim to.
    func testVariableLengthFixturesArePadded() throws {
        let f = try Fixtures.load("lstm_varlen")
        let lengths = try f.integers("lengths")
        XCTAssertEqual(lengths, [5, 2, 4])
        let out = try f.tensor("output")
        XCTAssertEqual(out[1, 3, 0], 0)
        XCTAssertNotEqual(out[1, 1, 0], 0)
    }

    // MARK: - Helpers

    /// What a fixture holds, and a layer built to its configuration with its weights loaded.
    private struct Case {
        let file: Safetensors
        let layer: RecurrentLayer
        let input: Variable
        let h0: Variable?
        let c0: Variable?
        let lengths: [Int]?

        init(_ name: String) throws {
            file = try Fixtures.load(name)
            let d = try Fixtures.description(of: file)
            let kind = try XCTUnwrap(RecurrentCellKind(rawValue: d["kind"] ?? ""), "unknown kind in \(name)")
            var rng = RandomGenerator(seed: 3)
            layer = RecurrentLayer(kind: kind, inputSize: Int(d["input_size"]!)!, hiddenSize: Int(d["hidden_size"]!)!,
                                   layers: Int(d["num_layers"]!)!, bidirectional: d["bidirectional"] == "true",
                                   rng: &rng)
            let report = try StateDict.load(file.tensors.mapValues(\.values), into: layer, prefix: "rnn")
            XCTAssertEqual(report.loaded.count, layer.namedParameters.count)
            input = Variable(try file.tensor("input"), requiresGrad: true)
            h0 = file.tensors["h0"].map { Variable($0.values, requiresGrad: true) }
            c0 = file.tensors["c0"].map { Variable($0.values, requiresGrad: true) }
            lengths = file.tensors["lengths"] == nil ? nil : try file.integers("lengths")
        }

        /// The fixture's loss of an output `(N, T, D·H)` and final states `(L·D, N, H)`.
        func loss(output: Variable, h: Variable, c: Variable?) throws -> Variable {
            var loss = (output * Variable(try file.tensor("loss_weight.output"))).sum()
                + (h * Variable(try file.tensor("loss_weight.h_n"))).sum()
            if let c { loss = loss + (c * Variable(try file.tensor("loss_weight.c_n"))).sum() }
            return loss
        }
    }

    private func checkLayer(_ name: String) throws {
        let c = try Case(name)
        var rng = RandomGenerator(seed: 4)
        let start = c.h0.map { RecurrentLayer.State(h: $0, c: c.c0) }
        let (output, state) = c.layer(c.input, lengths: c.lengths, initialState: start, rng: &rng)
        assertClose(output.value, try c.file.tensor("output"), "\(name) output")
        assertClose(state.h.value, try c.file.tensor("h_n"), "\(name) h_n")
        if c.layer.kind == .lstm {
            assertClose(try XCTUnwrap(state.c).value, try c.file.tensor("c_n"), "\(name) c_n")
        }

        try c.loss(output: output, h: state.h, c: state.c).backward()
        for (parameter, variable) in c.layer.namedParameters {
            let grad = try XCTUnwrap(variable.grad, "\(name): no gradient for \(parameter)")
            assertClose(grad, try c.file.tensor("grad.rnn." + parameter), "\(name) grad \(parameter)")
        }
        assertClose(try XCTUnwrap(c.input.grad), try c.file.tensor("grad.input"), "\(name) grad input")
        if let h0 = c.h0 { assertClose(try XCTUnwrap(h0.grad), try c.file.tensor("grad.h0"), "\(name) grad h0") }
        if let c0 = c.c0 { assertClose(try XCTUnwrap(c0.grad), try c.file.tensor("grad.c0"), "\(name) grad c0") }
    }

    /// Runs the single layer's cell step by step, and checks its outputs and gradients against both the fused
    /// layer on the same weights and PyTorch.
    private func checkCell(_ name: String) throws {
        let c = try Case(name)
        let n = c.input.shape[0], steps = c.input.shape[1], hidden = c.layer.hiddenSize
        var rng = RandomGenerator(seed: 5)

        let start = c.h0.map { RecurrentLayer.State(h: $0, c: c.c0) }
        let (fusedOutput, fusedState) = c.layer(c.input, lengths: nil, initialState: start, rng: &rng)
        try c.loss(output: fusedOutput, h: fusedState.h, c: fusedState.c).backward()
        let fusedGrads = c.layer.namedParameters.map { $0.variable.grad! }
        c.layer.zeroGrad()

        let cell = c.layer.cells[0][0]
        let x = Variable(c.input.value, requiresGrad: true)
        let h0 = Variable(try XCTUnwrap(c.h0).value.reshaped([n, hidden]), requiresGrad: true)
        let c0 = c.c0.map { Variable($0.value.reshaped([n, hidden]), requiresGrad: true) }
        var h = h0, cs = c0
        var outputs: [Variable] = []
        for t in 0..<steps {
            (h, cs) = cell(x.timeStep(t), h: h, c: cs)
            outputs.append(h)
        }
        let output = Variable.stack(outputs, axis: 1)
        let finalH = h.reshaped([1, n, hidden]), finalC = cs?.reshaped([1, n, hidden])
        assertClose(output.value, fusedOutput.value, "\(name) cell output vs fused")
        assertClose(output.value, try c.file.tensor("output"), "\(name) cell output vs torch")
        assertClose(finalH.value, try c.file.tensor("h_n"), "\(name) cell h_n vs torch")
        if let finalC { assertClose(finalC.value, try c.file.tensor("c_n"), "\(name) cell c_n vs torch") }

        try c.loss(output: output, h: finalH, c: finalC).backward()
        for ((parameter, variable), fused) in zip(c.layer.namedParameters, fusedGrads) {
            let grad = try XCTUnwrap(variable.grad, "\(name): the cell gave no gradient for \(parameter)")
            assertClose(grad, fused, "\(name) cell grad \(parameter) vs fused")
            assertClose(grad, try c.file.tensor("grad.rnn." + parameter), "\(name) cell grad \(parameter) vs torch")
        }
        assertClose(try XCTUnwrap(x.grad), try c.file.tensor("grad.input"), "\(name) cell grad input vs torch")
        assertClose(try XCTUnwrap(h0.grad).reshaped([1, n, hidden]), try c.file.tensor("grad.h0"),
                    "\(name) cell grad h0 vs torch")
        if let c0 {
            assertClose(try XCTUnwrap(c0.grad).reshaped([1, n, hidden]), try c.file.tensor("grad.c0"),
                        "\(name) cell grad c0 vs torch")
        }
    }
}
