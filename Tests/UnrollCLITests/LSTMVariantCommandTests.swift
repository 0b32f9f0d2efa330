import Foundation
import XCTest

/// The LSTM variants end to end: a tiny notebook trains one of each on the built binary, byte-identical twice,
/// and a misspelt variant stops `lint` with a located error before anything runs.
final class LSTMVariantCommandTests: XCTestCase {
    private let notebook = """
        ---
        title: Variants
        seed: 2
        ---
        # LSTM variants

        ```rnn id=train
        sums = task.adding(count: 24, length: 4...5)
        losses = []
        for v in ["standard", "peephole", "coupled", "no_forget", "no_output"] {
          m = Regressor(inputs: sums.inputs, rnn: LSTM(hidden: 4, variant: v))
          fit m on sums.train { epochs: 2, batch: 8 }
          losses = losses + [round(m.history.train.loss.last, 4)]
        }
        print len(losses), state_dict(Regressor(inputs: 2, rnn: LSTM(hidden: 4, variant: "peephole")))["rnn.weight_peephole_o_l0"].shape
        ```
        """

    func testEveryVariantTrainsInANotebookAndTheReportsRepeat() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/variants.md", in: root)
        for out in ["a", "b"] {
            let result = try UnrollProcess.run(["run", "notebooks/variants.md", "--out", out], in: root)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let markdown = try read("a/variants.md", in: root)
        XCTAssertTrue(markdown.contains("5 [4]"), markdown)
        XCTAssertEqual(markdown, try read("b/variants.md", in: root))
        XCTAssertEqual(try read("a/variants.json", in: root), try read("b/variants.json", in: root))
    }

    func testAMisspeltVariantIsALocatedErrorWithTheNamesItTakes() throws {
        let root = try makeWorkspace(self)
        try write("""
            # Misspelt

            ```rnn
            rnn = LSTM(hidden: 8, variant: "peepholes")
            ```
            """, to: "notebooks/bad.md", in: root)
        let result = try UnrollProcess.run(["lint", "notebooks/bad.md"], in: root)
        XCTAssertEqual(result.status, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("notebooks/bad.md:4:32: error: 'variant' must be one of \"standard\", "
            + "\"peephole\", \"coupled\", \"no_forget\", \"no_output\", got \"peepholes\""), result.stderr)
    }
}
