import Foundation
import UnrollNN
import UnrollRecord
import UnrollTensor
import UnrollTestSupport
import XCTest
@testable import UnrollInterpreter

final class InterpreterTensorsTests: XCTestCase {
    /// The shipped notebook data folder, where `scripts/make_torch_notebook_weights.py` wrote PyTorch's files.
    private static let notebookData = repositoryRoot + "/notebooks/data"

    private func number(_ h: NotebookHarness, _ expression: String, line: UInt = #line) throws -> Double {
        let text = try h.value(expression, line: line)
        return try XCTUnwrap(Double(text), "\(expression) printed \(text)", line: line)
    }

    /// The notebook's flow on the committed PyTorch files: outputs and one SGD step agree with PyTorch to 1e-5.
    func testPyTorchWeightsOutputsAndOneSGDStepAgreeWithPyTorch() throws {
        let data = Self.notebookData
        let h = try NotebookHarness(files: [:], allowedRoots: [data])
        try h.run("""
            torch = load_tensors("\(data)/torch-lstm-io.safetensors")
            before = load_tensors("\(data)/torch-lstm-weights.safetensors")
            m = Regressor(inputs: 3, outputs: 2, rnn: LSTM(hidden: 8, layers: 2))
            load_weights(m, "\(data)/torch-lstm-weights.safetensors")
            y = predict(m, torch["x"])
            """)
        let forward = try number(h, "max_rel_diff(y, torch[\"y\"])")
        XCTAssertLessThanOrEqual(forward, 1e-5)
        XCTAssertGreaterThan(try number(h, "max_rel_diff(predict(Regressor(inputs: 3, outputs: 2, rnn: LSTM(hidden: 8, layers: 2)), torch[\"x\"]), torch[\"y\"])"),
                             1e-2, "a model with its own random weights does not agree, so the comparison can fail")

        try h.run("fit m on tensor_data(torch[\"x\"], torch[\"target\"]) { epochs: 1, batch: 4, optimizer: SGD(lr: 0.1), shuffle: false }")
        XCTAssertLessThanOrEqual(try number(h, "abs(m.history.train.loss.last - torch[\"loss\"].item)"), 1e-6)
        let names = try h.value("state_dict(m).names")
        XCTAssertEqual(names, #"["head.bias", "head.weight", "rnn.bias_hh_l0", "rnn.bias_hh_l1", "rnn.bias_ih_l0", "rnn.bias_ih_l1", "rnn.weight_hh_l0", "rnn.weight_hh_l1", "rnn.weight_ih_l0", "rnn.weight_ih_l1"]"#)
        for name in ["head.bias", "head.weight", "rnn.bias_hh_l0", "rnn.bias_hh_l1", "rnn.bias_ih_l0", "rnn.bias_ih_l1",
                     "rnn.weight_hh_l0", "rnn.weight_hh_l1", "rnn.weight_ih_l0", "rnn.weight_ih_l1"] {
            let after = try number(h, "max_rel_diff(state_dict(m)[\"\(name)\"], torch[\"after_sgd.\(name)\"])")
            let moved = try number(h, "max_rel_diff(before[\"\(name)\"], torch[\"after_sgd.\(name)\"])")
            XCTAssertLessThanOrEqual(after, 1e-5, name)
            XCTAssertGreaterThan(moved, 100 * max(after, 1e-7), "\(name): the step moved the weight far more than the difference")
        }
    }

    func testSavedFilesAreCollectedDeterministicallyAndLoadBack() throws {
        let h = try NotebookHarness()
        let source = """
            m = Regressor(inputs: 2, outputs: 1, rnn: GRU(hidden: 3))
            save_weights(m, "w.safetensors")
            save_tensors("t.safetensors", { h: state_dict(m)["head.weight"] })
            save_tensors("t.safetensors", state_dict(m))
            """
        let outputs = try h.run(source)
        XCTAssertEqual(outputs.map(\.name), ["save-1", "save-2", "save-3"])
        guard case .text(let said) = outputs[0].content else { return XCTFail("save gives a text output") }
        XCTAssertEqual(said, "saved w.safetensors: 6 tensors, \(h.interpreter.savedFiles[0].contents.count) bytes")
        let files = h.interpreter.savedFiles
        XCTAssertEqual(files.map(\.name), ["w.safetensors", "t.safetensors"], "a second save of a name replaces the first")
        XCTAssertEqual(files[0].contents, files[1].contents, "state_dict saved either way gives the same bytes")
        let file = try Safetensors(data: files[0].contents)
        XCTAssertEqual(file.names, ["head.bias", "head.weight", "rnn.bias_hh_l0", "rnn.bias_ih_l0", "rnn.weight_hh_l0", "rnn.weight_ih_l0"])
        XCTAssertEqual(file.tensors["head.weight"]?.shape, [1, 3])

        h.restart()
        try h.run(source)
        XCTAssertEqual(h.interpreter.savedFiles, files, "the same notebook saves the same bytes")
    }

    func testShowGivesATableWithShapeAndIndices() throws {
        let h = try NotebookHarness()
        try h.run("""
            m = Regressor(inputs: 2, outputs: 1, rnn: RNN(hidden: 2))
            w = state_dict(m)
            """)
        let shown = try h.run("show w[\"rnn.weight_ih_l0\"]\nshow w")
        guard case .table(let tensor) = shown[0].content, case .table(let all) = shown[1].content else {
            return XCTFail("show gives tables")
        }
        XCTAssertEqual(tensor.title, "w[\"rnn.weight_ih_l0\"]: Tensor [2, 2]")
        XCTAssertEqual(tensor.columns, ["0", "1"])
        XCTAssertEqual(tensor.rowHeaders, ["0", "1"])
        XCTAssertEqual(all.title, "w: 6 tensors")
        XCTAssertEqual(all.columns, ["name", "shape", "size"])
        XCTAssertEqual(all.rows.first, [.text("head.bias"), .text("[1]"), .number(1)])
        XCTAssertEqual(try h.value("w[\"head.weight\"]"), "Tensor(shape: [1, 2])")
    }

    func testRuntimeErrorsAreLocatedAndSayWhatToDo() throws {
        let h = try NotebookHarness()
        try h.run("""
            m = Regressor(inputs: 2, outputs: 1, rnn: RNN(hidden: 2))
            w = state_dict(m)
            name = "../out.safetensors"
            """)
        XCTAssertEqual(h.failure("save_weights(m, name)"),
                       "1:17: cannot save to \"../out.safetensors\": give a plain file name ending in '.safetensors', "
                       + "such as \"trained.safetensors\"; saved files go into the notebook's report folder")
        XCTAssertEqual(h.failure("x = load_tensors(\"../../x.safetensors\")"),
                       "1:18: '../../x.safetensors' is outside the notebook's folder; data files must be inside it")
        let notSafetensors = h.failure("x = load_tensors(\"data/tiny.txt\")")
        XCTAssertTrue(notSafetensors.hasPrefix("1:18: 'data/tiny.txt': not a safetensors file we can read: header length "),
                      notSafetensors)
        XCTAssertEqual(h.failure("print w[\"head.wieght\"]"),
                       "1:9: no tensor \"head.wieght\" in state_dict(m); did you mean \"head.weight\"?")
        XCTAssertEqual(h.failure("print w[\"head.weight\"].item"),
                       "1:24: 'item' needs a tensor with one element, got shape [1, 2] (2 elements)")
        XCTAssertEqual(h.failure("d = tensor_data(w[\"rnn.weight_ih_l0\"], w[\"head.bias\"])"),
                       "1:17: 'inputs' must be sequences (N, T, F) with no empty dimension, got shape [2, 2]")
        XCTAssertEqual(h.failure("lm = LanguageModel(vocab: 5, rnn: GRU(hidden: 2))\nprint predict(lm, w[\"head.weight\"])"),
                       "2:15: predict on a Tensor needs a Regressor, not a LanguageModel")
    }

    func testPerStepTargetsTrainAPerStepRegressorAndPredictEveryStep() throws {
        let data = Self.notebookData
        let h = try NotebookHarness(files: [:], allowedRoots: [data])
        try h.run("""
            t = load_tensors("\(data)/torch-lstm-io.safetensors")
            r = Regressor(inputs: 3, outputs: 3, rnn: GRU(hidden: 4))
            fit r on tensor_data(t["x"], t["x"]) { epochs: 2, batch: 2 }
            """)
        XCTAssertEqual(try h.value("predict(r, t[\"x\"]).shape"), "[4, 5, 3]")
        XCTAssertEqual(try h.value("r.history.epochs"), "2")
        XCTAssertEqual(h.failure("d = tensor_data(t[\"x\"], t[\"y\"][0])"), "1:25: a Tensor cannot be indexed; look tensors up by name in Tensors (from load_tensors or state_dict), such as t[\"x\"]")
    }
}
