import Foundation
import XCTest

/// End-to-end: a notebook with leaky units and skip connections on the built `unroll` binary.
final class TimeConnectionRunTests: XCTestCase {
    private let notebook = """
        ---
        title: Leaky and skip
        seed: 4
        ---
        ```rnn id=train
        data = task.adding(count: 60, length: 6...12)
        leaky = Regressor(inputs: 2, rnn: LeakyRNN(hidden: 6, alpha: [0.9, 0.1], learned: true))
        fit leaky on data.train { epochs: 2, batch: 8 }
        skip = Regressor(inputs: 2, rnn: RNN(hidden: 6, skip: 3, skip_only: true))
        fit skip on data.train { epochs: 2, batch: 8 }
        print leaky.history.train.loss.count, skip.history.train.loss.count
        expect evaluate(leaky, data.test).loss < 10
        show table([[evaluate(leaky, data.test).loss, evaluate(skip, data.test).loss]], columns: ["leaky", "skip"])
        ```
        """

    func testATinyNotebookRunsAndGivesTheSameReportsOnEveryKernelPath() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/leaky.md", in: root)
        let plain = try UnrollProcess.run(["run", "notebooks/leaky.md", "--out", "a"], in: root)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(try read("a/leaky.md", in: root).contains("2 2"))
        let portable = try UnrollProcess.run(["run", "notebooks/leaky.md", "--out", "b"], in: root,
                                             environment: ["UNROLL_KERNELS": "portable", "UNROLL_THREADS": "1"])
        XCTAssertEqual(portable.status, 0, portable.stderr)
        for file in ["leaky.html", "leaky.md"] {
            XCTAssertEqual(try read("a/" + file, in: root), try read("b/" + file, in: root), file)
        }
    }

    func testABadAlphaIsALocatedLintError() throws {
        let root = try makeWorkspace(self)
        try write("""
            # Bad

            ```rnn
            r = LeakyRNN(hidden: 4, alpha: 1.5)
            ```
            """, to: "notebooks/bad.md", in: root)
        let result = try UnrollProcess.run(["lint", "notebooks/bad.md"], in: root)
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("bad.md:4:32: error: 'alpha' must be in (0, 1], got 1.5"), result.stderr)
        XCTAssertTrue(result.stderr.contains("r = LeakyRNN(hidden: 4, alpha: 1.5)"), result.stderr)
    }
}
