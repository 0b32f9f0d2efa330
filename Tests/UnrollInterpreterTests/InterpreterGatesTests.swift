import Foundation
import UnrollNN
import UnrollTensor
import UnrollRecord
import XCTest
@testable import UnrollInterpreter

/// `gates(model, text)` and `show` of its heat maps, against the library's step-by-step trace.
final class InterpreterGatesTests: XCTestCase {
    private func heatmaps(_ outputs: [CellOutput], file: StaticString = #filePath, line: UInt = #line) -> [HeatmapOutput] {
        outputs.compactMap { output in
            if case .heatmap(let h) = output.content { return h }
            XCTFail("expected only heat maps, got \(output)", file: file, line: line)
            return nil
        }
    }

    func testShowDrawsOneHeatMapPerGateWithAUnitPerRowAndATokenPerColumn() throws {
        let h = try NotebookHarness(files: ["data/lines.txt": String(repeating: "the cat\n sat on the mat.\n", count: 8)])
        try h.run("""
        corpus = text("data/lines.txt")
        lm = LanguageModel(vocab: corpus.vocab, embed: 5, rnn: LSTM(hidden: 24))
        fit lm on corpus { epochs: 1, batch: 4, bptt: 8 }
        """)
        let shown = heatmaps(try h.run("show gates(lm, \"the cat\\n sat\")"))
        XCTAssertEqual(shown.count, 6)
        XCTAssertEqual(shown.map { $0.title.components(separatedBy: ":")[0] },
                       ["input gate i_t", "forget gate f_t", "cell candidate g_t", "output gate o_t", "cell state c_t", "hidden state h_t"])
        for map in shown {
            XCTAssertEqual(map.rowLabels, (0..<16).map { "unit \($0)" })
            XCTAssertEqual(map.columnLabels, ["t", "h", "e", "␣", "c", "a", "t", "↵", "␣", "s", "a", "t"])
            XCTAssertEqual(map.values.count, 16)
            XCTAssertTrue(map.values.allSatisfy { $0.count == 12 })
        }
        for gate in [0, 1, 3] { XCTAssertTrue(shown[gate].values.joined().allSatisfy { $0 > 0 && $0 < 1 }, shown[gate].title) }

        // The values are the library's trace of the model's own weights and embeddings, unit by unit.
        guard case .model(let model)? = h.interpreter.environment.lookup("lm"),
              case .language(let network) = model.network else { return XCTFail("lm is a LanguageModel") }
        let ids = model.codec!.encode("the cat\n sat")
        let table = network.embedding.weight.value.scalars, e = network.embedding.dimension
        let trace = GateTrace.run(network.rnn, inputs: ids.map { Array(table[($0 * e)..<(($0 + 1) * e)]) })[0][0]
        for (map, track) in zip(shown, trace.tracks) {
            XCTAssertEqual(map.values, (0..<16).map { u in track.values.map { Double($0[u]) } }, map.title)
        }
        // The last hidden state is what the fused layer leaves in its final state.
        var rng = RandomGenerator(seed: 0)
        let (_, state) = network.rnn(network.embedding(ids, shape: [1, ids.count]), rng: &rng)
        XCTAssertEqual(shown[5].values.map { $0[11] }, state.h.value.scalars.prefix(16).map(Double.init))

        let picked = heatmaps(try h.run("show gates(lm, \"at\", units: [23, 2])"))
        XCTAssertEqual(picked[1].rowLabels, ["unit 23", "unit 2"])
        let all = heatmaps(try h.run("show gates(lm, \"at\", units: 24)"))
        XCTAssertEqual(all[1].rowLabels.count, 24)
        for (some, every) in zip(picked, all) { XCTAssertEqual(some.values, [every.values[23], every.values[2]]) }
    }

    func testAReverseDirectionRunsFromTheLastToken() throws {
        let h = try NotebookHarness()
        try h.run("""
        corpus = text("data/tiny.txt")
        lm = Tagger(vocab: corpus.vocab, tags: 3, embed: 4, rnn: GRU(hidden: 5, bidirectional: true))
        """)
        let forward = heatmaps(try h.run("show gates(lm, \"cat\")"))
        let reverse = heatmaps(try h.run("show gates(lm, \"cat\", direction: \"reverse\")"))
        XCTAssertEqual(reverse.map { $0.title.components(separatedBy: ":")[0] },
                       ["reset gate r_t (layer 1, reverse)", "update gate z_t (layer 1, reverse)",
                        "new state n_t (layer 1, reverse)", "hidden state h_t (layer 1, reverse)"])
        XCTAssertNotEqual(forward[3].values, reverse[3].values)
        XCTAssertEqual(reverse[3].columnLabels, ["c", "a", "t"])
    }

    func testTapeLayersShowTheirOwnTracksWithTheForwardPassesValues() throws {
        let h = try NotebookHarness()
        try h.run("""
        corpus = text("data/tiny.txt")
        peep = LanguageModel(vocab: corpus.vocab, embed: 4, rnn: LSTM(hidden: 6, variant: "peephole"))
        cifg = Tagger(vocab: corpus.vocab, tags: 3, embed: 4, rnn: LSTM(hidden: 6, variant: "coupled", layers: 2))
        leaky = LanguageModel(vocab: corpus.vocab, embed: 4, rnn: LeakyRNN(hidden: 6, alpha: [0.9, 0.1], learned: true))
        skipping = Tagger(vocab: corpus.vocab, tags: 3, embed: 4, rnn: RNN(hidden: 6, skip: 2, bidirectional: true))
        """)
        let text = "the cat sat"
        for (name, titles) in [("peep", ["input gate i_t", "forget gate f_t", "cell candidate g_t", "output gate o_t", "cell state c_t", "hidden state h_t"]),
                               ("cifg", ["input gate i_t (layer 2)", "cell candidate g_t (layer 2)", "output gate o_t (layer 2)",
                                         "cell state c_t (layer 2)", "hidden state h_t (layer 2)"]),
                               ("leaky", ["candidate state h̃_t", "hidden state h_t", "leak rate α"]),
                               ("skipping", ["hidden state h_t (layer 1, reverse)"])] {
            let call = name == "cifg" ? "gates(cifg, \"\(text)\", layer: 2, units: 6)"
                : name == "skipping" ? "gates(skipping, \"\(text)\", direction: \"reverse\", units: 6)" : "gates(\(name), \"\(text)\", units: 6)"
            let shown = heatmaps(try h.run("show " + call))
            XCTAssertEqual(shown.map { $0.title.components(separatedBy: ":")[0] }, titles, name)
            // The hidden state's heat map is the layer's forward pass, unit by unit and step by step.
            guard case .model(let model)? = h.interpreter.environment.lookup(name) else { return XCTFail(name) }
            let stack: TokenRecurrentStack
            switch model.network {
            case .language(let m): stack = m.stack
            case .classifier(let m): stack = m.stack
            case .tagger(let m): stack = m.stack
            default: return XCTFail(name)
            }
            let ids = model.codec!.encode(text)
            var rng = RandomGenerator(seed: 0)
            let (output, _) = stack.rnn(stack.embedding(ids, shape: [1, ids.count]), rng: &rng)
            let width = stack.rnn.outputSize, offset = name == "skipping" ? 6 : 0
            let forward = (0..<6).map { u in (0..<ids.count).map { Double(output.value.scalars[$0 * width + offset + u]) } }
            let hidden = try XCTUnwrap(shown.first { $0.title.hasPrefix("hidden state") })
            XCTAssertEqual(hidden.values.map { $0.map(\.bitPattern) }, forward.map { $0.map(\.bitPattern) }, name)
            XCTAssertEqual(hidden.columnLabels.count, ids.count)
        }
        // Learned leak rates are shown as the α they give, sigmoid(p), one column.
        let rates = heatmaps(try h.run("show gates(leaky, \"at\", units: [0, 5])"))[2]
        XCTAssertEqual(rates.columnLabels, ["α"])
        XCTAssertEqual(rates.rowLabels, ["unit 0", "unit 5"])
        XCTAssertEqual(rates.values.map { Float($0[0]) }, [0.9, 0.1].map { Float($0) }.map { FastMath.sigmoid(Float(log(Double($0) / (1 - Double($0))))) })
    }
}
