import Foundation
import UnrollAutograd
import UnrollNN
import UnrollTensor
import UnrollTestSupport
import XCTest

final class StateDictTests: XCTestCase {
    func testSaveWritesPyTorchNamesUnderThePrefix() throws {
        var rng = RandomGenerator(seed: 1)
        let lstm = RecurrentLayer(kind: .lstm, inputSize: 3, hiddenSize: 2, layers: 2, bidirectional: true, rng: &rng)
        let url = try makeTemporaryDirectory(prefix: "unroll-statedict").appendingPathComponent("lstm.safetensors")
        try StateDict.save(lstm, to: url, prefix: "rnn")
        let file = try Safetensors(contentsOf: url)
        XCTAssertEqual(file.metadata, ["format": "pt"])
        XCTAssertEqual(file.names.count, 16)
        XCTAssertEqual(Array(file.names.prefix(4)),
                       ["rnn.bias_hh_l0", "rnn.bias_hh_l0_reverse", "rnn.bias_hh_l1", "rnn.bias_hh_l1_reverse"])
        XCTAssertEqual(file.tensors["rnn.weight_ih_l1_reverse"]?.shape, [8, 4])
        XCTAssertEqual(try file.tensor("rnn.weight_hh_l0"), lstm.cells[0][0].weightHH.value)
        XCTAssertEqual(try file.tensor("rnn.bias_ih_l1_reverse"), lstm.cells[1][1].biasIH.value)
    }

    func testSaveAndLoadRoundTrip() throws {
        var rng = RandomGenerator(seed: 2)
        let source = RecurrentLayer(kind: .gru, inputSize: 4, hiddenSize: 3, layers: 2, rng: &rng)
        let target = RecurrentLayer(kind: .gru, inputSize: 4, hiddenSize: 3, layers: 2, rng: &rng)
        XCTAssertNotEqual(source.cells[1][0].weightIH.value, target.cells[1][0].weightIH.value)
        let url = try makeTemporaryDirectory(prefix: "unroll-statedict").appendingPathComponent("gru.safetensors")
        try StateDict.save(source, to: url)
        let report = try StateDict.load(contentsOf: url, into: target)
        XCTAssertEqual(report.loaded.count, 8)
        XCTAssertEqual(report.missing, [])
        XCTAssertEqual(report.unexpected, [])
        for (a, b) in zip(source.namedParameters, target.namedParameters) {
            XCTAssertEqual(a.name, b.name)
            XCTAssertEqual(a.variable.value, b.variable.value, a.name)
        }
    }

    func testKeysOutsideThePrefixAreIgnored() throws {
        let linear = makeLinear()
        let tensors = ["head.weight": Tensor(shape: [2, 3], repeating: 1), "head.bias": Tensor(shape: [2], repeating: 2),
                       "encoder.weight": Tensor(shape: [9], repeating: 3), "head": Tensor(scalar: 4)]
        let report = try StateDict.load(tensors, into: linear, prefix: "head")
        XCTAssertEqual(report.loaded, ["head.bias", "head.weight"])
        XCTAssertEqual(linear.weight.value.scalars, [Float](repeating: 1, count: 6))
        XCTAssertEqual(linear.bias?.value.scalars, [2, 2])
    }

    func testStrictLoadReportsMissingAndUnexpectedKeysAndChangesNothing() {
        let linear = makeLinear()
        let before = linear.weight.value
        assertStateDictError(try StateDict.load(["weight": Tensor(shape: [2, 3], repeating: 1)], into: linear),
                             "missing key 'bias' in the state dict")
        assertStateDictError(
            try StateDict.load(["weight": Tensor(shape: [2, 3], repeating: 1), "bias": Tensor(zeros: [2]),
                                "weight_extra": Tensor(zeros: [1]), "alpha": Tensor(zeros: [1])], into: linear),
            "unexpected keys 'alpha', 'weight_extra' in the state dict")
        assertStateDictError(try StateDict.load(["m.w": Tensor(zeros: [1])], into: linear, prefix: "m"),
                             "missing keys 'm.bias', 'm.weight' in the state dict; unexpected key 'm.w' in the state dict")
        XCTAssertEqual(linear.weight.value, before)
    }

    func testShapeMismatchNamesBothShapesEvenWhenNotStrict() {
        let linear = makeLinear()
        let before = linear.bias!.value
        for strict in [true, false] {
            assertStateDictError(
                try StateDict.load(["weight": Tensor(zeros: [3, 2]), "bias": Tensor(shape: [2], repeating: 5)],
                                   into: linear, strict: strict),
                "shape mismatch for 'weight': the state dict has [3, 2], the model expects [2, 3]")
        }
        XCTAssertEqual(linear.bias!.value, before)
    }

    func testNonStrictLoadsWhatMatchesAndReportsTheRest() throws {
        // A 2-layer bidirectional PyTorch LSTM checkpoint into a 1-layer unidirectional LSTM of the same sizes.
        let file = try Fixtures.load("lstm_bidir2")
        var rng = RandomGenerator(seed: 3)
        let lstm = RecurrentLayer(kind: .lstm, inputSize: 4, hiddenSize: 6, rng: &rng)
        let tensors = file.tensors.mapValues(\.values)
        XCTAssertThrowsError(try StateDict.load(tensors, into: lstm, prefix: "rnn"))
        let report = try StateDict.load(tensors, into: lstm, prefix: "rnn", strict: false)
        XCTAssertEqual(report.loaded, ["rnn.bias_hh_l0", "rnn.bias_ih_l0", "rnn.weight_hh_l0", "rnn.weight_ih_l0"])
        XCTAssertEqual(report.missing, [])
        XCTAssertEqual(report.unexpected.count, 12)
        XCTAssertEqual(report.unexpected.first, "rnn.bias_hh_l0_reverse")
        XCTAssertEqual(lstm.cells[0][0].weightIH.value, try file.tensor("rnn.weight_ih_l0"))

        let bigger = RecurrentLayer(kind: .lstm, inputSize: 4, hiddenSize: 6, layers: 3, bidirectional: true, rng: &rng)
        let partial = try StateDict.load(tensors, into: bigger, prefix: "rnn", strict: false)
        XCTAssertEqual(partial.loaded.count, 16)
        XCTAssertEqual(partial.missing.count, 8)
        XCTAssertEqual(partial.missing.first, "rnn.bias_hh_l2")
    }

    /// Writes an LSTM's state dict plus an input and the LSTM's outputs on it, for
    /// `scripts/check_state_dict_in_torch.py`. The files go to `$UNROLL_STATE_DICT_EXPORT` when that is set
    /// (a folder), otherwise to a temporary folder; either way they are read back and checked here.
    func testExportForPyTorchCheck() throws {
        let dir = try ProcessInfo.processInfo.environment["UNROLL_STATE_DICT_EXPORT"].map { URL(fileURLWithPath: $0) }
            ?? makeTemporaryDirectory(prefix: "unroll-statedict")
        var rng = RandomGenerator(seed: 11)
        let lstm = RecurrentLayer(kind: .lstm, inputSize: 3, hiddenSize: 5, layers: 2, bidirectional: true, rng: &rng)
        let x = Tensor.normal([2, 4, 3], using: &rng)
        let (output, state) = lstm(Variable(x), lengths: [4, 3], rng: &rng)
        let stateURL = dir.appendingPathComponent("unroll_lstm_state.safetensors")
        let ioURL = dir.appendingPathComponent("unroll_lstm_io.safetensors")
        try StateDict.save(lstm, to: stateURL, prefix: "rnn")
        try Safetensors.write(tensors: ["input": x, "output": output.value, "h_n": state.h.value, "c_n": state.c!.value],
                              integers: ["lengths": [4, 3]], to: ioURL)

        var other = RandomGenerator(seed: 12)
        let copy = RecurrentLayer(kind: .lstm, inputSize: 3, hiddenSize: 5, layers: 2, bidirectional: true, rng: &other)
        try StateDict.load(contentsOf: stateURL, into: copy, prefix: "rnn")
        let (again, _) = copy(Variable(x), lengths: [4, 3], rng: &other)
        XCTAssertEqual(again.value, try Safetensors(contentsOf: ioURL).tensor("output"))
    }

    // MARK: - Helpers

    private func makeLinear() -> Linear {
        var rng = RandomGenerator(seed: 9)
        return Linear(inputSize: 3, outputSize: 2, rng: &rng)
    }

    private func assertStateDictError<T>(_ body: @autoclosure () throws -> T, _ message: String,
                                         file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? StateDictError)?.message, message, "\(error)", file: file, line: line)
        }
    }
}
