import Foundation
import UnrollLanguage
import UnrollNN
import UnrollRecord
import UnrollTestSupport
import XCTest
@testable import UnrollInterpreter

/// Cells written in the language (`cell Name(hidden) { … }`), run through the interpreter: they agree with PyTorch
/// and with the built-in layers given the same weights, train, and show their source and parameters.
final class InterpreterCellsTests: XCTestCase {
    /// The shipped notebook data folder, where `scripts/make_torch_notebook_weights.py` wrote PyTorch's files.
    private static let notebookData = repositoryRoot + "/notebooks/data"

    /// PyTorch's LSTM equations, with PyTorch's parameter names so that its `state_dict` loads as is.
    static let lstm = """
        cell TorchLSTM(hidden) {
          weight_ih = param(4 * hidden, input)
          weight_hh = param(4 * hidden, hidden)
          bias_ih = param(4 * hidden)
          bias_hh = param(4 * hidden)
          step(x, h, c) {
            i, f, g, o = chunk(weight_ih @ x + bias_ih + weight_hh @ h + bias_hh, 4)
            c = sigmoid(f) * c + sigmoid(i) * tanh(g)
            h = sigmoid(o) * tanh(c)
            return h, h, c
          }
        }
        """

    /// PyTorch's Elman RNN (tanh).
    static let elman = """
        cell Elman(hidden) {
          weight_ih = param(hidden, input)
          weight_hh = param(hidden, hidden)
          bias_ih = param(hidden)
          bias_hh = param(hidden)
          step(x, h) {
            h = tanh(weight_ih @ x + bias_ih + weight_hh @ h + bias_hh)
            return h, h
          }
        }
        """

    /// PyTorch's GRU: gates r, z, n, with r applied to `W_hn h + b_hn`; slices instead of `chunk`.
    static let gru = """
        cell TorchGRU(hidden) {
          weight_ih = param(3 * hidden, input)
          weight_hh = param(3 * hidden, hidden)
          bias_ih = param(3 * hidden)
          bias_hh = param(3 * hidden)
          step(x, h) {
            gi = weight_ih @ x + bias_ih
            gh = weight_hh @ h + bias_hh
            r = sigmoid(gi[0...hidden-1] + gh[0...hidden-1])
            z = sigmoid(gi[hidden...2*hidden-1] + gh[hidden...2*hidden-1])
            n = tanh(gi[2*hidden...3*hidden-1] + r * gh[2*hidden...3*hidden-1])
            h = (1 - z) * n + z * h
            return h, h
          }
        }
        """

    private func number(_ h: NotebookHarness, _ expression: String, line: UInt = #line) throws -> Double {
        let text = try h.value(expression, line: line)
        return try XCTUnwrap(Double(text), "\(expression) printed \(text)", line: line)
    }

    /// The LSTM written in the language, loaded with PyTorch's weights of a two-layer `nn.LSTM`, gives PyTorch's
    /// outputs, and one SGD step (the gradients through every instruction) gives PyTorch's loss and new weights.
    func testALanguageLSTMWithPyTorchWeightsAgreesWithPyTorchForwardAndAfterOneStep() throws {
        let data = Self.notebookData
        let h = try NotebookHarness(files: [:], allowedRoots: [data])
        try h.run(Self.lstm)
        try h.run("""
            torch = load_tensors("\(data)/torch-lstm-io.safetensors")
            before = load_tensors("\(data)/torch-lstm-weights.safetensors")
            m = Regressor(inputs: 3, outputs: 2, rnn: TorchLSTM(hidden: 8, layers: 2))
            load_weights(m, "\(data)/torch-lstm-weights.safetensors")
            y = predict(m, torch["x"])
            """)
        XCTAssertLessThanOrEqual(try number(h, "max_rel_diff(y, torch[\"y\"])"), 1e-5)
        XCTAssertGreaterThan(try number(h, "max_rel_diff(predict(Regressor(inputs: 3, outputs: 2, rnn: TorchLSTM(hidden: 8, layers: 2)), torch[\"x\"]), torch[\"y\"])"),
                             1e-2, "the cell with its own random weights does not agree, so the comparison can fail")
        try h.run("fit m on tensor_data(torch[\"x\"], torch[\"target\"]) { epochs: 1, batch: 4, optimizer: SGD(lr: 0.1), shuffle: false }")
        XCTAssertLessThanOrEqual(try number(h, "abs(m.history.train.loss.last - torch[\"loss\"].item)"), 1e-6)
        for name in ["rnn.bias_hh_l0", "rnn.bias_hh_l1", "rnn.bias_ih_l0", "rnn.bias_ih_l1",
                     "rnn.weight_hh_l0", "rnn.weight_hh_l1", "rnn.weight_ih_l0", "rnn.weight_ih_l1"] {
            let after = try number(h, "max_rel_diff(state_dict(m)[\"\(name)\"], torch[\"after_sgd.\(name)\"])")
            let moved = try number(h, "max_rel_diff(before[\"\(name)\"], torch[\"after_sgd.\(name)\"])")
            XCTAssertLessThanOrEqual(after, 1e-5, name)
            XCTAssertGreaterThan(moved, 100 * max(after, 1e-7), "\(name): the step moved the weight far more than the difference")
        }
    }

    /// Elman and GRU written in the language, bidirectional and two layers deep, loaded with a built-in layer's
    /// weights, give its outputs; after an epoch of Adam on the same batches both models' weights still agree.
    func testLanguageElmanAndGRUMatchTheBuiltInLayersOutputsAndTraining() throws {
        for (cell, name, builtIn) in [(Self.elman, "Elman", "RNN"), (Self.gru, "TorchGRU", "GRU")] {
            let folder = TemporaryFolder(prefix: "unroll-cells")
            let data = Self.notebookData
            let h = try NotebookHarness(files: [:], allowedRoots: [data, folder.path])
            try h.run(cell)
            try h.run("""
                torch = load_tensors("\(data)/torch-lstm-io.safetensors")
                a = Regressor(inputs: 3, outputs: 2, rnn: \(builtIn)(hidden: 5, layers: 2, bidirectional: true))
                save_weights(a, "a.safetensors")
                """)
            _ = folder.write("a.safetensors", bytes: Array(try XCTUnwrap(h.interpreter.savedFiles.first).contents))
            try h.run("""
                b = Regressor(inputs: 3, outputs: 2, rnn: \(name)(hidden: 5, layers: 2, bidirectional: true))
                different = max_abs_diff(predict(a, torch["x"]), predict(b, torch["x"]))
                load_weights(b, "\(folder.path)/a.safetensors")
                """)
            XCTAssertGreaterThan(try number(h, "different"), 1e-3, "\(name): before loading, the outputs differ")
            XCTAssertLessThanOrEqual(try number(h, "max_abs_diff(predict(a, torch[\"x\"]), predict(b, torch[\"x\"]))"), 1e-5, name)
            try h.run("""
                fit a on tensor_data(torch["x"], torch["target"]) { epochs: 2, batch: 2, optimizer: Adam(lr: 0.01), shuffle: false }
                fit b on tensor_data(torch["x"], torch["target"]) { epochs: 2, batch: 2, optimizer: Adam(lr: 0.01), shuffle: false }
                """)
            XCTAssertEqual(try h.value("state_dict(b).names"), try h.value("state_dict(a).names"), name)
            XCTAssertLessThanOrEqual(try number(h, "abs(a.history.train.loss.last - b.history.train.loss.last)"), 1e-5, name)
            for key in ["rnn.weight_ih_l0", "rnn.weight_hh_l1_reverse", "rnn.bias_hh_l0", "head.weight"] {
                XCTAssertLessThanOrEqual(try number(h, "max_abs_diff(state_dict(a)[\"\(key)\"], state_dict(b)[\"\(key)\"])"), 1e-5,
                                         "\(name) \(key)")
            }
            XCTAssertGreaterThan(try number(h, "max_abs_diff(state_dict(b)[\"rnn.weight_hh_l0\"], load_tensors(\"\(folder.path)/a.safetensors\")[\"rnn.weight_hh_l0\"])"),
                                 1e-3, "\(name): training moved the weights")
        }
    }

    /// A language-written Elman on a text classifier learns a task with a clear signal, and its report shows the
    /// cell's source and its parameters (state_dict names, shapes, counts) where the model is built.
    func testALanguageCellTrainsAndTheModelShowsItsSourceAndParameters() throws {
        let h = try NotebookHarness()
        try h.run("""
            cell Tiny(hidden) {
              W = param(hidden, input)
              U = param(hidden, hidden, init: "orthogonal")
              b = param(hidden, init: 0)
              step(x, h) {
                h = tanh(W @ x + U @ h + b)
                return h, h
              }
            }
            """)
        let built = try h.run("m = Regressor(inputs: 2, outputs: 1, rnn: Tiny(hidden: 6, bidirectional: true))")
        XCTAssertEqual(built.map(\.name), ["cell-1", "parameters-1"])
        guard case .text(let source) = built[0].content, case .table(let table) = built[1].content else {
            return XCTFail("a text and a table")
        }
        XCTAssertTrue(source.hasPrefix("cell Tiny(hidden) {") && source.hasSuffix("}"), source)
        XCTAssertEqual(table.rowHeaders, ["rnn.W_l0", "rnn.U_l0", "rnn.b_l0", "rnn.W_l0_reverse", "rnn.U_l0_reverse",
                                          "rnn.b_l0_reverse", "total"])
        XCTAssertEqual(table.rows[0], [.text("6 × 2"), .number(12)])
        XCTAssertEqual(table.rows.last, [.text(""), .number(2 * (12 + 36 + 6))])
        XCTAssertEqual(try h.value("state_dict(m).names"),
                       #"["head.bias", "head.weight", "rnn.U_l0", "rnn.U_l0_reverse", "rnn.W_l0", "rnn.W_l0_reverse", "rnn.b_l0", "rnn.b_l0_reverse"]"#)
        try h.run("""
            data = task.adding(count: 256, length: 6)
            fit m on data.train { epochs: 12, batch: 16, optimizer: Adam(lr: 0.01) }
            """)
        let first = try number(h, "m.history.train.loss[0]")
        let last = try number(h, "m.history.train.loss.last")
        XCTAssertLessThan(last, 0.5 * first, "the loss falls from \(first) to \(last)")
    }

    /// Widths the sizes make impossible are errors at the cell's expression when the model is built; a declared
    /// cell is refused where only the built-in cells step (gates) and as a Seq2Seq decoder.
    func testImpossibleWidthsAndUnsupportedUsesAreLocatedErrors() throws {
        let h = try NotebookHarness()
        try h.run("""
            cell Head(hidden) {
              W = param(hidden, input)
              step(x, h) {
                y = tanh(W @ x) * x[0...hidden-1]
                return y, y
              }
            }
            """, firstLine: 1)
        XCTAssertEqual(h.failure("m = Regressor(inputs: 3, outputs: 1, rnn: Head(hidden: 4))"),
                       "4:23: the slice 0...(hidden - 1=3) is out of range for (3) features, numbered 0 to one less than the width")
        XCTAssertEqual(h.failure("m = Head(hidden: 4, layers: 0)"), "1:29: 'layers' must be positive, got 0")
        try h.run("ok = Regressor(inputs: 5, outputs: 1, rnn: Head(hidden: 4))")
        XCTAssertTrue(h.failure("s = Seq2Seq(embed: 4, encoder: GRU(hidden: 4), decoder: Head(hidden: 4))")
            .contains("runs as an encoder only"))
    }
}

/// The lowering of a declaration to the model library's program, compared with a program written out by hand.
final class CellLoweringTests: XCTestCase {
    private func plan(_ source: String) throws -> CellPlan {
        let program = NotebookHarness.parse(source)
        guard case .cell(let declaration)? = program.statements.first?.kind else { throw XCTSkip("not a cell") }
        let (plan, diagnostics) = CellChecker.check(declaration)
        XCTAssertEqual(diagnostics.map(\.description), [])
        return try XCTUnwrap(plan)
    }

    func testAnElmanCellLowersToItsInstructionsWithConcreteWidths() throws {
        let plan = try plan("""
            cell Leaky(hidden) {
              W = param(hidden, input, init: "normal", std: 0.2)
              U = param(hidden, hidden, init: "identity")
              b = param(hidden, init: 0.5)
              step(x, h) {
                n = tanh(W @ x + U @ h + b)
                h = 0.9 * h + -n[0...hidden-1]
                return h, h
              }
            }
            """)
        let program = try plan.program(sizes: ["hidden": 3, "input": 2])
        let expected = CellProgram(
            inputWidth: 2, hidden: 3,
            parameters: [.init(name: "W", shape: [3, 2], initializer: .normal(std: 0.2)),
                         .init(name: "U", shape: [3, 3], initializer: .identity),
                         .init(name: "b", shape: [3], initializer: .constant(0.5))],
            instructions: [
                .init(.input, width: 2), .init(.state(0), width: 3),
                .init(.matmul(parameter: 0, operand: 0), width: 3), .init(.matmul(parameter: 1, operand: 1), width: 3),
                .init(.add(2, 3), width: 3), .init(.parameter(2), width: 3), .init(.add(4, 5), width: 3),
                .init(.tanh(6), width: 3), .init(.constant(0.9), width: 1), .init(.mul(8, 1), width: 3),
                .init(.slice(7, start: 0, end: 3), width: 3), .init(.neg(10), width: 3), .init(.add(9, 11), width: 3),
            ],
            stateWidths: [3], output: 12, newStates: [12])
        XCTAssertEqual(program, expected)
        XCTAssertNoThrow(try program.validate())
        XCTAssertEqual(plan.instructions[2].width.description, "hidden")
    }

    func testWidthsTheSizesMakeImpossibleFailAtTheirExpression() throws {
        let plan = try plan("""
            cell Cut(hidden) {
              W = param(hidden - 4, input)
              step(x, h) {
                y = concat(W @ x, x[0...3])
                return y, y
              }
            }
            """)
        XCTAssertThrowsError(try plan.program(sizes: ["hidden": 3, "input": 5])) { error in
            XCTAssertEqual((error as? RuntimeError)?.diagnostic.message, "the width (hidden - 4=-1) of 'W' is not positive")
        }
        XCTAssertNoThrow(try plan.program(sizes: ["hidden": 8, "input": 5]))
    }
}
