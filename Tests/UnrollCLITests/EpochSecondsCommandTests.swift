import Foundation
import UnrollRecord
import XCTest

/// `history.seconds` through the built binary: measured numbers with `unroll run --timings`, NaN without, so that a
/// plain run writes the same bytes twice and `check` (which never gives them values) passes against its baseline.
final class EpochSecondsCommandTests: XCTestCase {
    private let notebook = """
        ```rnn id=timed
        data = task.adding(count: 64, length: 8)
        m = Regressor(inputs: 2, rnn: RNN(hidden: 4))
        fit m on data { epochs: 2, batch: 16, optimizer: Adam(lr: 1e-2) }
        show table([[m.history.train.loss.last, round(m.history.seconds.mean, 4)]], columns: ["loss", "seconds per epoch"])
        ```
        """

    /// The seconds cell of the table in `output/timed.json`.
    private func shownSeconds(in root: URL) throws -> Double? {
        let record = try RunRecord.decode(from: Data(try read("output/timed.json", in: root).utf8))
        guard case .table(let table)? = record.cells[0].outputs.first(where: { $0.name == "table-1" })?.content,
              case .number(let seconds) = table.rows[0][1] else { return nil }
        return seconds
    }

    func testSecondsHaveValuesOnlyWithTimingsAndCheckComparesNoneOfThem() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/timed.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/timed.md"], in: root).status, 0)
        XCTAssertEqual(try shownSeconds(in: root)?.isNaN, true)
        let html = try read("output/timed.html", in: root)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/timed.md"], in: root).status, 0)
        XCTAssertEqual(try read("output/timed.html", in: root), html, "a rerun without --timings writes the same bytes")

        XCTAssertEqual(try UnrollProcess.run(["run", "--timings", "notebooks/timed.md"], in: root).status, 0)
        let measured = try XCTUnwrap(try shownSeconds(in: root))
        XCTAssertTrue(measured > 0 && measured < 60, "\(measured)")

        let update = try UnrollProcess.run(["check", "--update", "notebooks/timed.md"], in: root)
        XCTAssertEqual(update.status, 0, update.stderr)
        XCTAssertTrue(try read("notebooks/baselines/timed.json", in: root).contains("\"nan\""),
                      "the baseline holds no measured time")
        let check = try UnrollProcess.run(["check", "notebooks/timed.md"], in: root)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
