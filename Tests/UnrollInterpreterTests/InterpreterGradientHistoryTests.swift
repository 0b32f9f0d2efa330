import UnrollRecord
import XCTest
@testable import UnrollInterpreter

/// `model.history.grad_norm`, `.grad_norm_max` and `.clipped`, and `plot … { metric: "grad_norm" }`.
final class InterpreterGradientHistoryTests: XCTestCase {
    private func trained() throws -> NotebookHarness {
        let h = try NotebookHarness()
        try h.run("""
        data = task.adding(count: 64, length: 12)
        m = Regressor(inputs: 2, rnn: RNN(hidden: 6))
        fit m on data { epochs: 3, batch: 16, clip: 0.05, optimizer: SGD(lr: 0.1) }
        free = Regressor(inputs: 2, rnn: RNN(hidden: 6))
        fit free on data { epochs: 2, batch: 16, optimizer: SGD(lr: 0.1) }
        """)
        return h
    }

    func testHistoryGivesTheGradientSeries() throws {
        let h = try trained()
        let norms = try h.printed("print m.history.grad_norm\nprint m.history.grad_norm_max\nprint m.history.clipped")
        XCTAssertEqual(norms.count, 3)
        XCTAssertEqual(norms[2], "[1, 1, 1]", "every batch's norm is above 0.05")
        XCTAssertEqual(try h.printed("print free.history.clipped"), ["[0, 0]"])
        XCTAssertEqual(try h.value("m.history.grad_norm.count"), "3")
        XCTAssertEqual(try h.value("m.history.grad_norm_max.min >= m.history.grad_norm.min"), "true")
        XCTAssertEqual(try h.value("m.history.grad_norm.min > 0.05"), "true")
    }

    func testPlotDrawsTheTrainingGradientCurveOnly() throws {
        let h = try trained()
        let outputs = try h.run(#"plot m.history { metric: "grad_norm" }"#)
        guard outputs.count == 1, case .series(let s) = outputs[0].content else { return XCTFail("\(outputs)") }
        XCTAssertEqual(s.lines.map(\.name), ["train grad_norm"])
        XCTAssertEqual(s.yLabel, "grad_norm")
        XCTAssertEqual(s.lines[0].y.count, 3)
        let both = try h.run(#"plot [m.history, free.history] { metric: "clipped", labels: ["clip", "free"] }"#)
        guard case .series(let two) = both[0].content else { return XCTFail("\(both)") }
        XCTAssertEqual(two.lines.map(\.name), ["clip train clipped", "free train clipped"])
        XCTAssertEqual(two.lines.map(\.y), [[1, 1, 1], [0, 0]])
        XCTAssertEqual(h.failure("n = Regressor(inputs: 2, rnn: RNN(hidden: 2))\nplot n.history { metric: \"grad_norm\" }"),
                       "2:6: there is nothing to plot: no epochs were recorded; fit the model first")
    }

    func testTheFitFigureIsStillTheLossCurves() throws {
        let h = try NotebookHarness()
        let outputs = try h.run("""
        data = task.adding(count: 32, length: 5)
        m = Regressor(inputs: 2, rnn: RNN(hidden: 3))
        fit m on data { epochs: 2, batch: 16, clip: 0.01 }
        """)
        guard case .series(let s) = outputs[0].content else { return XCTFail("\(outputs)") }
        XCTAssertEqual(s.lines.map(\.name), ["train loss"])
    }

    func testRecurrentInitOptionsReachTheModel() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed(#"""
        print RNN(hidden: 4, init: "identity", nonlinearity: "relu", spectral_radius: 0.9)
        print LSTM(hidden: 4)
        """#), [#"RNN(hidden: 4, nonlinearity: "relu", init: "identity", spectral_radius: 0.9)"#, "LSTM(hidden: 4)"])
        // The option reaches the weights: the same seed gives another loss with it, and the same loss twice.
        func loss(_ layer: String) throws -> String {
            let run = try NotebookHarness(seed: 4)
            try run.run("data = task.adding(count: 32, length: 6)\nm = Regressor(inputs: 2, rnn: \(layer))")
            return try run.value("evaluate(m, data).loss")
        }
        let orthogonal = try loss(#"GRU(hidden: 3, init: "orthogonal")"#)
        XCTAssertEqual(orthogonal, try loss(#"GRU(hidden: 3, init: "orthogonal")"#))
        XCTAssertNotEqual(orthogonal, try loss("GRU(hidden: 3)"))
        XCTAssertNotEqual(try loss("GRU(hidden: 3, spectral_radius: 1.5)"), try loss("GRU(hidden: 3)"))
        // A value the checker cannot see is checked when the layer is made.
        XCTAssertEqual(h.failure("s = \"ident\" + \"ity\"\nl = GRU(hidden: 3, init: s)"),
                       #"2:26: init "identity" is for an Elman RNN (the IRNN); GRU has gates; use "orthogonal" or "uniform""#)
    }
}
