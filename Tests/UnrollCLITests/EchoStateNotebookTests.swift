import Foundation
import XCTest

/// End to end: the built `unroll` binary runs an echo state notebook (fit in closed form, scores, a free-running
/// forecast plotted over the truth), writes the same reports twice, and refuses bad options before running.
final class EchoStateNotebookTests: XCTestCase {
    private let notebook = """
        ---
        title: Echo state
        seed: 5
        ---
        ```rnn id=esn
        train = task.mackey_glass(length: 400)
        test = task.mackey_glass(length: 300, skip: 500)
        esn = EchoState(reservoir: 30, leak: 0.5, input_scale: 0.5)
        fit esn on train { ridge: 1e-8, washout: 50 }
        score = nrmse(esn, test)
        print score
        plot forecast(esn, test, warmup: 100, steps: 60) { title: "free run" }
        expect score < 0.05
        ```
        """

    func testAnEchoStateNotebookRunsAndItsReportsAreDeterministic() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/esn.md", in: root)
        for out in ["a", "b"] {
            let result = try UnrollProcess.run(["run", "notebooks/esn.md", "--out", out], in: root)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        for file in ["esn.html", "esn.md", "esn.json", "esn/esn-plot-1.svg"] {
            XCTAssertEqual(try read("a/" + file, in: root), try read("b/" + file, in: root), file)
        }
        let markdown = try read("a/esn.md", in: root)
        XCTAssertTrue(markdown.contains("| step | truth | forecast |"), markdown)
        XCTAssertTrue(markdown.contains("training NRMSE"), markdown)
        let json = try read("a/esn.json", in: root)
        XCTAssertTrue(json.contains("\"status\": \"passed\""), json)
    }

    func testGradientOptionsOnAnEchoStateAreRefusedBeforeRunning() throws {
        let root = try makeWorkspace(self)
        try write("""
            ```rnn
            esn = EchoState(reservoir: 30)
            fit esn on task.narma(length: 100) { epochs: 3 }
            ```
            """, to: "notebooks/bad.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/bad.md"], in: root)
        XCTAssertEqual(result.status, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("notebooks/bad.md:3:38: error: 'epochs' does not apply to an EchoState: its readout "
            + "is solved in closed form; its options are 'ridge' and 'washout'"), result.stderr)
    }
}
