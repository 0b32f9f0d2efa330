import UnrollAutograd
@testable import UnrollNN
import UnrollTensor
import UnrollTestSupport
import XCTest

/// User-written cells run from a `CellProgram`: Elman, LSTM and GRU programs against PyTorch's reference files
/// and against the fused layers (outputs and every gradient, 1e-5), gradients of every op against finite
/// differences, bits on every kernel path, and what the stack around the cell sees (names, counts, states).
final class ProgramCellTests: XCTestCase {
    private static let elman = CellProgramBuilder.template("Elman") { CellProgramBuilder.elman(input: $0, hidden: $1) }
    private static let lstm = CellProgramBuilder.template("LSTM") { CellProgramBuilder.lstm(input: $0, hidden: $1) }
    private static let gru = CellProgramBuilder.template("GRU") { CellProgramBuilder.gru(input: $0, hidden: $1) }

    private func layer(_ template: CellProgramTemplate, input: Int, hidden: Int, layers: Int = 1,
                       bidirectional: Bool = false, seed: UInt64 = 5) throws -> RecurrentLayer {
        let spec = RecurrentSpec(cell: template, hidden: hidden, layers: layers, bidirectional: bidirectional)
        try spec.validateCell(inputSize: input)
        var rng = RandomGenerator(seed: seed)
        return spec.makeLayer(inputSize: input, rng: &rng)
    }

    // MARK: Against PyTorch's reference files (scripts/make_torch_references.py)

    func testElmanProgramMatchesTorchSingleLayer() throws { try checkAgainstTorch("rnn_tanh_single", Self.elman) }
    func testElmanProgramMatchesTorchTwoLayerBidirectional() throws { try checkAgainstTorch("rnn_tanh_bidir2", Self.elman) }
    func testElmanProgramMatchesTorchVariableLengths() throws { try checkAgainstTorch("rnn_tanh_varlen", Self.elman) }
    func testLSTMProgramMatchesTorchSingleLayer() throws { try checkAgainstTorch("lstm_single", Self.lstm) }
    func testLSTMProgramMatchesTorchTwoLayerBidirectional() throws { try checkAgainstTorch("lstm_bidir2", Self.lstm) }
    func testLSTMProgramMatchesTorchVariableLengths() throws { try checkAgainstTorch("lstm_varlen", Self.lstm) }
    func testGRUProgramMatchesTorchSingleLayer() throws { try checkAgainstTorch("gru_single", Self.gru) }
    func testGRUProgramMatchesTorchTwoLayerBidirectional() throws { try checkAgainstTorch("gru_bidir2", Self.gru) }
    func testGRUProgramMatchesTorchVariableLengths() throws { try checkAgainstTorch("gru_varlen", Self.gru) }

    /// Loads the fixture's weights (the programs name their parameters as PyTorch does, so `weight_ih_l0` and
    /// `_reverse` load unchanged) and compares outputs, final states and every gradient of the fixture's loss.
    private func checkAgainstTorch(_ name: String, _ template: CellProgramTemplate) throws {
        let file = try Fixtures.load(name)
        let d = try Fixtures.description(of: file)
        let l = try layer(template, input: Int(d["input_size"]!)!, hidden: Int(d["hidden_size"]!)!,
                          layers: Int(d["num_layers"]!)!, bidirectional: d["bidirectional"] == "true")
        let report = try StateDict.load(file.tensors.mapValues(\.values), into: l, prefix: "rnn")
        XCTAssertEqual(report.loaded.count, l.namedParameters.count)
        let input = Variable(try file.tensor("input"), requiresGrad: true)
        let h0 = file.tensors["h0"].map { Variable($0.values, requiresGrad: true) }
        let c0 = file.tensors["c0"].map { Variable($0.values, requiresGrad: true) }
        let lengths = file.tensors["lengths"] == nil ? nil : try file.integers("lengths")
        var rng = RandomGenerator(seed: 4)
        let (output, state) = l(input, lengths: lengths, initialState: h0.map { RecurrentLayer.State(h: $0, c: c0) }, rng: &rng)
        assertClose(output.value, try file.tensor("output"), "\(name) output")
        assertClose(state.h.value, try file.tensor("h_n"), "\(name) h_n")
        if file.tensors["c_n"] != nil { assertClose(try XCTUnwrap(state.c).value, try file.tensor("c_n"), "\(name) c_n") }
        var loss = (output * Variable(try file.tensor("loss_weight.output"))).sum()
            + (state.h * Variable(try file.tensor("loss_weight.h_n"))).sum()
        if let c = state.c { loss = loss + (c * Variable(try file.tensor("loss_weight.c_n"))).sum() }
        loss.backward()
        for (parameter, variable) in l.namedParameters {
            let grad = try XCTUnwrap(variable.grad, "\(name): no gradient for \(parameter)")
            assertClose(grad, try file.tensor("grad.rnn." + parameter), "\(name) grad \(parameter)")
        }
        assertClose(try XCTUnwrap(input.grad), try file.tensor("grad.input"), "\(name) grad input")
        if let h0 { assertClose(try XCTUnwrap(h0.grad), try file.tensor("grad.h0"), "\(name) grad h0") }
        if let c0 { assertClose(try XCTUnwrap(c0.grad), try file.tensor("grad.c0"), "\(name) grad c0") }
    }

    // MARK: Against the fused layers, weights copied across

    func testElmanProgramMatchesTheFusedLayerTwoLayersBidirectionalVariableLengths() throws {
        try checkAgainstFused(.rnnTanh, Self.elman)
    }

    func testLSTMProgramMatchesTheFusedLayerTwoLayersBidirectionalVariableLengths() throws {
        try checkAgainstFused(.lstm, Self.lstm)
    }

    func testGRUProgramMatchesTheFusedLayerTwoLayersBidirectionalVariableLengths() throws {
        try checkAgainstFused(.gru, Self.gru)
    }

    /// A 2-layer bidirectional stack over a padded batch (one sequence empty, one full), weights copied from the
    /// fused layer by name; outputs, final states and the gradients of every weight, the input and the initial
    /// states agree to 1e-5.
    private func checkAgainstFused(_ kind: RecurrentCellKind, _ template: CellProgramTemplate,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let input = 5, hidden = 6, n = 4, steps = 7
        var rng = RandomGenerator(seed: 11)
        let fused = RecurrentLayer(kind: kind, inputSize: input, hiddenSize: hidden, layers: 2, bidirectional: true, rng: &rng)
        let program = try layer(template, input: input, hidden: hidden, layers: 2, bidirectional: true, seed: 99)
        XCTAssertEqual(program.namedParameters.map(\.name), fused.namedParameters.map(\.name))
        try StateDict.load(Dictionary(uniqueKeysWithValues: fused.namedParameters.map { ($0.name, $0.variable.value) }),
                           into: program)
        let x = Tensor.uniform([n, steps, input], low: -1, high: 1, using: &rng)
        let h0 = Tensor.uniform([4, n, hidden], low: -0.5, high: 0.5, using: &rng)
        let c0 = Tensor.uniform([4, n, hidden], low: -0.5, high: 0.5, using: &rng)
        let wOut = Tensor.uniform([n, steps, 2 * hidden], low: -1, high: 1, using: &rng)
        let wH = Tensor.uniform([4, n, hidden], low: -1, high: 1, using: &rng)
        let lengths = [7, 3, 0, 5]
        func run(_ l: RecurrentLayer) -> (output: Tensor, h: Tensor, c: Tensor?, grads: [Tensor], dx: Tensor, dh0: Tensor, dc0: Tensor?) {
            let xv = Variable(x, requiresGrad: true), hv = Variable(h0, requiresGrad: true)
            let cv = kind == .lstm ? Variable(c0, requiresGrad: true) : nil
            var rng = RandomGenerator(seed: 1)
            let (output, state) = l(xv, lengths: lengths, initialState: RecurrentLayer.State(h: hv, c: cv), rng: &rng)
            var loss = (output * Variable(wOut)).sum() + (state.h * Variable(wH)).sum()
            if let c = state.c { loss = loss + (c * Variable(wH)).sum() }
            l.zeroGrad()
            loss.backward()
            return (output.value, state.h.value, state.c?.value, l.parameters.map { $0.grad! }, xv.grad!, hv.grad!, cv?.grad)
        }
        let a = run(fused), b = run(program)
        assertClose(b.output, a.output, "\(kind) output", file: file, line: line)
        assertClose(b.h, a.h, "\(kind) h_n", file: file, line: line)
        if let c = a.c { assertClose(try XCTUnwrap(b.c), c, "\(kind) c_n", file: file, line: line) }
        for ((name, _), (ga, gb)) in zip(fused.namedParameters, zip(a.grads, b.grads)) {
            assertClose(gb, ga, "\(kind) grad \(name)", file: file, line: line)
        }
        assertClose(b.dx, a.dx, "\(kind) grad input", file: file, line: line)
        assertClose(b.dh0, a.dh0, "\(kind) grad h0", file: file, line: line)
        if let dc = a.dc0 { assertClose(try XCTUnwrap(b.dc0), dc, "\(kind) grad c0", file: file, line: line) }
        // Past its length a sequence's output is exactly zero, and the empty sequence keeps its initial state.
        XCTAssertTrue(b.output.scalars[(1 * steps + 3) * 2 * hidden ..< (2 * steps) * 2 * hidden].allSatisfy { $0 == 0 })
        XCTAssertEqual(Array(b.h.scalars[2 * hidden ..< 3 * hidden]), Array(h0.scalars[2 * hidden ..< 3 * hidden]))
    }

    /// The LSTM written gate by gate (eight products, four biases) is the stacked LSTM's function: with the
    /// blocks of `weight_ih`, `weight_hh` and the summed biases copied across, outputs and gradients agree.
    func testLSTMWrittenGateByGateMatchesTheFusedLSTM() throws {
        let input = 3, hidden = 5, n = 3, steps = 6
        var rng = RandomGenerator(seed: 21)
        let fused = RecurrentLayer(kind: .lstm, inputSize: input, hiddenSize: hidden, rng: &rng)
        let byGate = try layer(CellProgramBuilder.template("ByGate") { CellProgramBuilder.lstmByGate(input: $0, hidden: $1) }, input: input, hidden: hidden)
        let cell = fused.cells[0][0]
        func block(_ w: Tensor, _ g: Int, _ cols: Int) -> Tensor {
            Tensor(shape: cols == 0 ? [hidden] : [hidden, cols],
                   scalars: Array(w.scalars[g * hidden * max(cols, 1) ..< (g + 1) * hidden * max(cols, 1)]))
        }
        let bias = cell.biasIH.value + cell.biasHH.value
        var weights: [String: Tensor] = [:]
        for (g, name) in ["i", "f", "g", "o"].enumerated() {
            weights["W_i\(name)_l0"] = block(cell.weightIH.value, g, input)
            weights["W_h\(name)_l0"] = block(cell.weightHH.value, g, hidden)
            weights["b_\(name)_l0"] = block(bias, g, 0)
        }
        try StateDict.load(weights, into: byGate)
        let x = Tensor.uniform([n, steps, input], low: -1, high: 1, using: &rng)
        let wOut = Tensor.uniform([n, steps, hidden], low: -1, high: 1, using: &rng)
        func run(_ l: RecurrentLayer) -> (Tensor, Tensor) {
            let xv = Variable(x, requiresGrad: true)
            var rng = RandomGenerator(seed: 1)
            let (output, _) = l(xv, lengths: [6, 2, 4], rng: &rng)
            (output * Variable(wOut)).sum().backward()
            return (output.value, xv.grad!)
        }
        let a = run(fused), b = run(byGate)
        assertClose(b.0, a.0, "by-gate output")
        assertClose(b.1, a.1, "by-gate grad input")
        let dWhh = try XCTUnwrap(cell.weightHH.grad)
        for (g, name) in ["i", "f", "g", "o"].enumerated() {
            let variable = try XCTUnwrap(byGate.namedParameters.first { $0.name == "W_h\(name)_l0" }?.variable)
            assertClose(try XCTUnwrap(variable.grad), block(dWhh, g, hidden), "by-gate grad W_h\(name)")
        }
    }

    // MARK: Finite differences

    /// A cell that uses every operation: a constant broadcast, division, exp and log of positive values, relu,
    /// negation, softmax, concatenation and slicing, a vector parameter multiplied element-wise, three states of
    /// different widths; two layers, both directions, a padded batch.
    private static func everyOp(input: Int, hidden h: Int) -> CellProgram {
        var b = CellProgramBuilder(input: input, hidden: h, states: [h, 2, h])
        let w = b.parameter("W", [h, input + h]), u = b.parameter("U", [2, h]), scale = b.parameter("scale", [h])
        let v = b.parameter("V", [h, 2], .normal(std: 0.5)), gain = b.parameter("gain", [2], .constant(0.5))
        let x = b.x(), hPrev = b.state(0), m = b.state(1), c = b.state(2)
        let joined = b.concat([hPrev, x])
        let pre = b.add(b.matmul(w, joined), b.mul(b.vector(scale), c))
        let positive = b.add(b.unary(CellOp.exp, b.unary(CellOp.neg, pre)), b.constant(1))      // 1 + e^−pre > 1
        let squashed = b.div(b.constant(1), positive)                                            // σ(pre)
        let logged = b.unary(CellOp.log, b.add(b.unary(CellOp.relu, pre), b.constant(2)))
        let mNew = b.unary(CellOp.softmax, b.add(b.matmul(u, squashed), b.mul(b.vector(gain), m)))
        let mixed = b.sub(b.matmul(v, mNew), b.mul(logged, b.constant(0.25)))
        let cNew = b.add(b.mul(squashed, c), b.unary(CellOp.tanh, mixed))
        let both = b.concat([cNew, squashed])
        let hNew = b.mul(b.slice(both, 0, h), b.slice(both, h, 2 * h))
        return b.finish(output: hNew, states: [hNew, mNew, cNew])
    }

    func testEveryOpGradientsMatchFiniteDifferences() throws {
        let l = try layer(CellProgramBuilder.template("Every") { ProgramCellTests.everyOp(input: $0, hidden: $1) }, input: 3, hidden: 4, layers: 2, bidirectional: true)
        XCTAssertEqual(l.stateWidths, [4, 2, 4])
        let x = parameter([2, 5, 3], seed: 8)
        let h0 = parameter([4, 2, 4], seed: 9, low: -0.5, high: 0.5)
        let m0 = Variable(Tensor(shape: [4, 2, 2], repeating: 0.5), requiresGrad: true)
        let c0 = parameter([4, 2, 4], seed: 10, low: -0.5, high: 0.5)
        for lengths in [nil, [5, 3]] as [[Int]?] {
            assertGradientsMatchFiniteDifferences([x, h0, m0, c0] + l.parameters) {
                var rng = RandomGenerator(seed: 1)
                let (output, state) = l(x, lengths: lengths, initialState: RecurrentLayer.State(h: h0, c: m0, more: [c0]), rng: &rng)
                return Variable.concat([output, state.h, state.c!, state.more[0]].map { $0.reshaped([$0.value.count]) }, axis: 0)
            }
        }
    }

    // MARK: Bits on every kernel path

    /// A program LSTM (2 layers, bidirectional, padded) trains to the same bits on every kernel path and thread count.
    func testProgramCellIsBitIdenticalOnEveryKernelPath() throws {
        func train() throws -> [Float] {
            let l = try layer(Self.lstm, input: 4, hidden: 8, layers: 2, bidirectional: true)
            let optimizer = try SGD(parameters: l.parameters, learningRate: 0.1)
            var rng = RandomGenerator(seed: 3)
            let x = Variable(Tensor.uniform([5, 9, 4], low: -1, high: 1, using: &rng))
            var out: [Float] = []
            for _ in 0..<3 {
                l.zeroGrad()
                let (output, state) = l(x, lengths: [9, 4, 1, 9, 6], rng: &rng)
                let loss = (output * output).sum() + state.c!.sum()
                loss.backward()
                optimizer.step()
                out += output.value.scalars + [loss.value.scalar]
            }
            return out + l.parameters.flatMap { $0.value.scalars }
        }
        let reference = try withKernels("portable", threads: 1) { try train() }
        for (path, threads) in [("portable", 2), ("avx2", 1), ("avx2", 2), ("avx512", 2)] {
            do {
                let bits = try withKernels(path, threads: threads) { try train() }
                XCTAssertEqual(bitDifferences(bits, reference), "", "\(path) on \(threads) threads")
            } catch is XCTSkip { continue }
        }
    }

    // MARK: What the stack sees

    func testNamesCountsAndStatesOfAProgramStack() throws {
        let l = try layer(Self.lstm, input: 3, hidden: 4, layers: 2, bidirectional: true)
        XCTAssertEqual(l.namedParameters.map(\.name).prefix(5),
                       ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse"])
        XCTAssertEqual(l.namedParameters.last?.name, "bias_hh_l1_reverse")
        let spec = RecurrentSpec(cell: Self.lstm, hidden: 4, layers: 2, bidirectional: true)
        XCTAssertEqual(WeightCount.recurrent(spec, inputSize: 3), l.parameterCount)
        XCTAssertEqual(WeightCount.recurrent(RecurrentSpec(kind: .lstm, hidden: 4, layers: 2, bidirectional: true), inputSize: 3),
                       l.parameterCount)
        let zero = l.zeroState(batch: 2)
        XCTAssertEqual(zero.h.shape, [4, 2, 4])
        XCTAssertEqual(zero.c?.shape, [4, 2, 4])
        XCTAssertEqual(l.outputSize, 8)
        var rng = RandomGenerator(seed: 2)
        let (output, state) = l(Variable(Tensor.uniform([2, 3, 3], low: -1, high: 1, using: &rng)), rng: &rng)
        XCTAssertEqual(output.shape, [2, 3, 8])
        XCTAssertEqual(l.summary(of: state, batch: 2).shape, [2, 8])
    }

    func testAProgramClassifierTrainsAndItsParametersReachTheOptimizer() throws {
        var rng = RandomGenerator(seed: 7)
        let spec = RecurrentSpec(cell: Self.gru, hidden: 8)
        try spec.validateCell(inputSize: 4)
        let model = SequenceClassifier(vocabulary: 6, classes: 2, embed: 4, rnn: spec, rng: &rng)
        XCTAssertTrue(model.namedParameters.contains { $0.name == "rnn.weight_hh_l0" })
        let optimizer = try Adam(parameters: model.parameters, learningRate: 0.05)
        // Class 1 when token 5 occurs: learnable only through the recurrence.
        let tokens = [1, 2, 5, 3, 2, 3, 4, 1, 5, 1, 1, 2, 3, 3, 2, 4], labels = [1, 0, 1, 0]
        var losses: [Float] = []
        for _ in 0..<40 {
            model.zeroGrad()
            let logits = model.logits(tokens: tokens, lengths: [4, 4, 4, 4], steps: 4, training: true, rng: &rng)
            let loss = logits.crossEntropy(targets: labels)
            loss.backward()
            optimizer.step()
            losses.append(loss.value.scalar)
        }
        XCTAssertLessThan(losses.last!, 0.1 * losses.first!, "losses \(losses.prefix(3)) … \(losses.suffix(3))")
    }
}
