import UnrollAutograd
import UnrollNN
import UnrollTensor
import XCTest

/// Compares `SequenceClassifier` with a pooled readout against PyTorch (`scripts/make_readout_references.py`):
/// Embedding → packed RNN/GRU/LSTM → mean or max over each sequence's own length → Linear, its logits, its
/// cross-entropy and every parameter's gradient, within 1e-5 relative.
final class ClassifierReadoutParityTests: XCTestCase {
    func testMeanReadoutOfAnRNNMatchesPyTorch() throws { try check("readout_mean_rnn") }
    func testMaxReadoutOfABidirectionalTwoLayerGRUMatchesPyTorch() throws { try check("readout_max_gru_bidir2") }
    func testMeanReadoutOfABidirectionalLSTMMatchesPyTorch() throws { try check("readout_mean_lstm_bidir") }

    /// The fixtures have padding and the pooled readouts differ from the final state, so the cases test what
    /// they claim to: the same weights with `readout: .last` give other logits.
    func testFixturesArePaddedAndTheReadoutMatters() throws {
        let file = try Fixtures.load("readout_mean_rnn")
        let lengths = try file.integers("lengths")
        XCTAssertLessThan(lengths.min()!, lengths.max()!)
        let last = try model(file, readout: .last)
        let logits = try run(last, file).logits
        XCTAssertGreaterThan(zip(logits.value.scalars, try file.tensor("logits").scalars).map { abs($0 - $1) }.max()!, 1e-3)
    }

    private func model(_ file: Safetensors, readout: ClassifierReadout? = nil) throws -> SequenceClassifier {
        let d = try Fixtures.description(of: file)
        let kind = try XCTUnwrap(RecurrentCellKind(rawValue: d["kind"] ?? ""), "unknown kind")
        let spec = RecurrentSpec(kind: kind, hidden: Int(d["hidden_size"]!)!, layers: Int(d["num_layers"]!)!,
                                 bidirectional: d["bidirectional"] == "true")
        let chosen = try readout ?? XCTUnwrap(ClassifierReadout(rawValue: d["readout"] ?? ""), "unknown readout")
        var rng = RandomGenerator(seed: 5)
        let model = SequenceClassifier(vocabulary: Int(d["vocabulary"]!)!, classes: Int(d["classes"]!)!,
                                       embed: Int(d["embed"]!)!, rnn: spec, readout: chosen, rng: &rng)
        let report = try StateDict.load(file.tensors.mapValues(\.values), into: model, prefix: "model")
        XCTAssertEqual(report.loaded.count, model.namedParameters.count)
        return model
    }

    private func run(_ model: SequenceClassifier, _ file: Safetensors) throws -> (logits: Variable, loss: Variable) {
        let lengths = try file.integers("lengths"), tokens = try file.integers("tokens")
        var rng = RandomGenerator(seed: 6)
        let logits = model.logits(tokens: tokens, lengths: lengths, steps: tokens.count / lengths.count,
                                  training: false, rng: &rng)
        return (logits, logits.crossEntropy(targets: try file.integers("targets")))
    }

    private func check(_ name: String) throws {
        let file = try Fixtures.load(name)
        let model = try model(file)
        let (logits, loss) = try run(model, file)
        assertClose(logits.value, try file.tensor("logits"), "\(name) logits")
        assertClose(loss.value.reshaped([1]), try file.tensor("loss"), "\(name) loss")
        loss.backward()
        for (parameter, variable) in model.namedParameters {
            let grad = try XCTUnwrap(variable.grad, "\(name): \(parameter) has no gradient")
            assertClose(grad, try file.tensor("grad.model." + parameter), "\(name) grad \(parameter)")
        }
    }
}
