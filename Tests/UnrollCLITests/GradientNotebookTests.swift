import Foundation
import XCTest

/// End-to-end: the built `unroll` binary runs a notebook that measures gradients and chooses initialisations,
/// and `lint` refuses their misuse before running.
final class GradientNotebookTests: XCTestCase {
    private let notebook = """
        ---
        title: Gradients
        seed: 5
        ---
        ```rnn id=flow
        data = task.adding(count: 32, length: 10)
        tanh = Regressor(inputs: 2, rnn: RNN(hidden: 6, init: "orthogonal", spectral_radius: 0.5))
        irnn = Regressor(inputs: 2, rnn: RNN(hidden: 6, init: "identity", nonlinearity: "relu"))
        flow = gradient_flow(tanh, data, batch: 8)
        plot [flow[0], gradient_flow(irnn, data, batch: 8)[0]] { labels: ["tanh 0.5", "IRNN"] }
        show bptt_terms(tanh, data, batch: 8)
        expect flow[0].last < flow[0].first / 100
        ```

        ```rnn id=clip
        fit tanh on data { epochs: 2, batch: 8, clip: 0.01, optimizer: SGD(lr: 0.1) }
        plot tanh.history { metric: "clipped" }
        expect tanh.history.clipped.last == 1
        expect tanh.history.grad_norm_max.last >= tanh.history.grad_norm.last
        ```
        """

    func testAGradientNotebookRunsAndRecordsItsSeries() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/grad.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/grad.md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try read("output/grad.json", in: root)
        for text in ["\"name\": \"tanh 0.5\"", "\"name\": \"IRNN\"", "distance T−k", "step k", "\"name\": \"train clipped\""] {
            XCTAssertTrue(json.contains(text), "the run record holds \(text)")
        }
        let markdown = try read("output/grad.md", in: root)
        XCTAssertTrue(markdown.contains("| distance T−k | tanh 0.5 | IRNN |"), markdown)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/grad/flow-plot-1.svg").path))
        // Byte-identical on a second run.
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/grad.md", "--out", "again"], in: root).status, 0)
        XCTAssertEqual(try read("again/grad.json", in: root), json)
    }

    func testLintRefusesTheIdentityForAGatedLayerWithALocatedError() throws {
        let root = try makeWorkspace(self)
        try write("""
            # Wrong

            ```rnn
            l = GRU(hidden: 4, init: "identity")
            ```
            """, to: "notebooks/wrong.md", in: root)
        let result = try UnrollProcess.run(["lint", "notebooks/wrong.md"], in: root)
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("""
            notebooks/wrong.md:4:26: error: init "identity" is for an Elman RNN (the IRNN); GRU has gates; use "orthogonal" or "uniform"
            """), result.stderr)
    }
}
