import UnrollRecord
import XCTest
@testable import UnrollInterpreter

/// `history.seconds`: each epoch's measured wall-clock seconds when the run asks for timings, NaN otherwise, so that
/// outputs are the same on every run.
final class InterpreterEpochSecondsTests: XCTestCase {
    private let training = """
        data = task.adding(count: 64, length: 8)
        m = Regressor(inputs: 2, rnn: RNN(hidden: 4))
        fit m on data { epochs: 3, batch: 16, optimizer: Adam(lr: 1e-2), validate: data }
        """

    func testWithTimingsEachEpochHasItsMeasuredSeconds() throws {
        let h = try NotebookHarness(timings: true)
        try h.run(training)
        XCTAssertEqual(try h.printed("""
        s = m.history.seconds
        print s.count, s.min > 0, s.max < 60
        fit m on data { epochs: 2, batch: 16, optimizer: Adam(lr: 1e-2) }
        print m.history.seconds.count, m.history.seconds.last > 0
        """), ["3 true true", "5 true"])
    }

    func testWithoutTimingsEverySecondIsNaNAndOutputsRepeat() throws {
        let h = try NotebookHarness()
        try h.run(training)
        XCTAssertEqual(try h.printed("print m.history.seconds.count, m.history.seconds.last"), ["3 nan"])
        let shown = try h.run("show table([[round(m.history.seconds.mean, 3)]], columns: [\"seconds\"])")
        guard case .table(let table) = shown[0].content, case .number(let x) = table.rows[0][0] else {
            return XCTFail("\(shown)")
        }
        XCTAssertTrue(x.isNaN)
        // A second harness gives the same outputs bit for bit: nothing measured leaks into them.
        let again = try NotebookHarness()
        try again.run(training)
        XCTAssertEqual(try again.run("show table([[round(m.history.seconds.mean, 3)]], columns: [\"seconds\"])"), shown)
    }

    func testAnEchoStateFitHasTheSecondsOfItsSolve() throws {
        let h = try NotebookHarness(timings: true)
        XCTAssertEqual(try h.printed("""
        wave = task.mackey_glass(length: 300)
        esn = EchoState(reservoir: 20)
        fit esn on wave { ridge: 1e-6, washout: 20 }
        print esn.history.seconds.count, esn.history.seconds.last >= 0
        """), ["1 true"])
    }
}
