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
}
