import UnrollAutograd
import UnrollNN
import UnrollTensor
import XCTest

/// Compares `Seq2Seq` with the PyTorch reference module of `scripts/make_seq2seq_references.py`: logits, the
/// masked cross-entropy, every parameter's gradient and the weights after one SGD step, within 1e-5 relative.
final class Seq2SeqParityTests: XCTestCase {
    func testGRUBidirectionalEncoderAdditiveAttention() throws { try check("gru_additive") }
    func testLSTMTwoLayersGeneralAttention() throws { try check("lstm_general") }
    func testRNNEncoderGRUDecoderDotAttention() throws { try check("rnn_dot") }
    func testLSTMWithoutAttention() throws { try check("lstm_none") }

    /// The fixtures really have padded sources and targets, so masking and ignore-index are exercised.
    func testFixturesArePadded() throws {
        let file = try Fixtures.load("seq2seq/gru_additive")
        XCTAssertEqual(try file.integers("source_lengths"), [6, 3, 5])
        let targets = try file.integers("targets")
        XCTAssertEqual(targets.filter { $0 == 0 }.count, 4)
        XCTAssertEqual(targets.filter { $0 == Seq2Seq.eos }.count, 3)
    }

    private func check(_ name: String) throws {
        let file = try Fixtures.load("seq2seq/" + name)
        let d = try Fixtures.description(of: file)
        func int(_ key: String) throws -> Int { try XCTUnwrap(Int(d[key] ?? ""), "\(key) missing in \(name)") }
        func kind(_ key: String) throws -> RecurrentCellKind {
            try XCTUnwrap(RecurrentCellKind(rawValue: d[key] ?? ""), "\(key) missing in \(name)")
        }
        let spec = Seq2SeqSpec(
            sourceVocabulary: try int("source_vocabulary"), targetVocabulary: try int("target_vocabulary"),
            embed: try int("embed"),
            encoder: RecurrentSpec(kind: try kind("encoder_kind"), hidden: try int("encoder_hidden"),
                                   layers: try int("encoder_layers"), bidirectional: d["bidirectional"] == "true"),
            decoder: RecurrentSpec(kind: try kind("decoder_kind"), hidden: try int("decoder_hidden"),
                                   layers: try int("decoder_layers")),
            attention: try XCTUnwrap(AttentionKind(rawValue: d["attention"] ?? "")))
        var rng = RandomGenerator(seed: 1)
        let model = try Seq2Seq(spec, rng: &rng)
        let report = try StateDict.load(file.tensors.mapValues(\.values), into: model, prefix: "model", strict: true)
        XCTAssertEqual(report.loaded.count, model.namedParameters.count)

        let logits = model.logits(source: try file.integers("source"), sourceLengths: try file.integers("source_lengths"),
                                  sourceSteps: try int("source_steps"), targetInput: try file.integers("target_input"),
                                  targetSteps: try int("target_steps"), teacherForcing: 1, training: true, rng: &rng)
        assertClose(logits.value, try file.tensor("logits"), "\(name) logits")
        let loss = logits.crossEntropy(targets: try file.integers("targets").map { $0 == Seq2Seq.pad ? -1 : $0 })
        assertClose(loss.value.reshaped([1]), try file.tensor("loss"), "\(name) loss")
        loss.backward()
        for (key, p) in model.namedParameters {
            let grad = try XCTUnwrap(p.grad, "\(name): \(key) got no gradient")
            assertClose(grad, try file.tensor("grad." + key), "\(name) grad \(key)")
        }
        try SGD(parameters: model.parameters, learningRate: 0.1).step()
        for (key, p) in model.namedParameters {
            assertClose(p.value, try file.tensor("updated." + key), "\(name) updated \(key)")
        }
    }
}
