import UnrollLanguage
import UnrollRecord
import XCTest
@testable import UnrollInterpreter

/// `EchoState`, its closed-form `fit`, `task.mackey_glass`, `task.narma`, `nrmse`, `forecast` and `forecast_nrmse`
/// in a running notebook, and the errors they raise at run time.
final class InterpreterEchoStateTests: XCTestCase {
    private let setup = """
    seed 4
    train = task.mackey_glass(length: 500)
    test = task.mackey_glass(length: 300, skip: 600)
    esn = EchoState(reservoir: 40, leak: 0.5, input_scale: 0.5)
    """

    func testFitSolvesTheReadoutAndTheModelPredictsForecastsAndScores() throws {
        let h = try NotebookHarness()
        try h.run(setup)
        XCTAssertEqual(try h.value("esn"), "EchoState(inputs: 1, outputs: 1, reservoir: 40, spectral_radius: 0.9, leak: 0.5, "
            + "input_scale: 0.5, density: 0.1, connections: 176, readout weights: 42)")
        let fit = try h.run("fit esn on train { ridge: 1e-8, washout: 50 }")
        XCTAssertEqual(fit.map(\.name), ["fit-1"])
        guard case .scalar(let training) = fit[0].content else { return XCTFail("fit records \(fit[0].content)") }
        XCTAssertLessThan(training.value, 0.05)
        XCTAssertEqual(try h.value("esn.history.train.loss.count"), "1")
        let score = try XCTUnwrap(Double(try h.value("nrmse(esn, test)")))
        XCTAssertLessThan(score, 0.05)
        XCTAssertEqual(try h.value("nrmse(esn, test) == nrmse(esn, test, washout: 50)"), "true")
        XCTAssertNotEqual(try h.value("nrmse(esn, test, washout: 0)"), try h.value("nrmse(esn, test)"))
        XCTAssertLessThan(try XCTUnwrap(Double(try h.value("evaluate(esn, test).loss"))), 1e-3)
        XCTAssertEqual(try h.value("len(predict(esn, [0.9, 1.0, 1.1]))"), "3")
        let plot = try h.run("plot forecast(esn, test, warmup: 100, steps: 50)")
        guard case .series(let series) = plot[0].content else { return XCTFail("forecast plots \(plot[0].content)") }
        XCTAssertEqual(series.lines.map(\.name), ["truth", "forecast"])
        XCTAssertEqual(series.lines.map(\.y.count), [50, 50])
        XCTAssertEqual(series.xLabel, "step")
        XCTAssertLessThan(try XCTUnwrap(Double(try h.value("forecast_nrmse(esn, test, warmup: 100, steps: 20)"))), 0.2)
    }

    func testTheSameSeedGivesTheSameNumbersAndAnotherSeedOthers() throws {
        let program = setup + "\nfit esn on train { washout: 50 }\nprint nrmse(esn, test), forecast_nrmse(esn, test, warmup: 100, steps: 30)"
        let a = try NotebookHarness().printed(program), b = try NotebookHarness().printed(program)
        let c = try NotebookHarness().printed(program.replacingOccurrences(of: "seed 4", with: "seed 5"))
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
    }

    func testNARMAAgainstAnLSTMRegressorWithTheSameScore() throws {
        let h = try NotebookHarness()
        try h.run("""
        seed 2
        narma = task.narma(count: 2, length: 200)
        reg = Regressor(inputs: 1, rnn: LSTM(hidden: 4))
        fit reg on narma { epochs: 1 }
        n = EchoState(reservoir: 30)
        fit n on narma { washout: 20 }
        """)
        XCTAssertEqual(try h.value("narma.size"), "2")
        let lstm = try XCTUnwrap(Double(try h.value("nrmse(reg, narma)")))
        let esn = try XCTUnwrap(Double(try h.value("nrmse(n, narma)")))
        XCTAssertGreaterThan(lstm, 0)
        XCTAssertLessThan(esn, lstm)
        XCTAssertEqual(h.failure("print nrmse(reg, narma, washout: 200)"),
                       "1:34: a washout of 200 steps leaves nothing of a sequence of 200 steps; use a 'washout' below 200")
    }

    func testRunTimeErrorsAreLocated() throws {
        let h = try NotebookHarness()
        try h.run(setup)
        XCTAssertEqual(h.failure("print nrmse(esn, test)"),
                       "1:13: 'esn' has no readout yet; fit it first, e.g. 'fit esn on data { ridge: 1e-6 }'")
        XCTAssertEqual(h.failure("fit esn on train { washout: 500 }"),
                       "1:29: a washout of 500 steps leaves nothing of a sequence of 500 steps; use a 'washout' below 500")
        XCTAssertEqual(h.failure("fit esn on train { epochs: 2 }"),
                       "1:28: 'epochs' does not apply to an EchoState: its readout is solved in closed form; its options are 'ridge' and 'washout'")
        try h.run("fit esn on train { washout: 50 }")
        XCTAssertEqual(h.failure("f = forecast(esn, test, warmup: 100, steps: 250)"),
                       "1:45: a warmup of 100 and 250 generated steps need 349 steps of truth, but the first sequence has 300; "
                       + "make 'steps' at most 201")
        XCTAssertEqual(h.failure("f = forecast(esn, task.narma(length: 50), warmup: 10, steps: 5)"), "<no error>")
        XCTAssertEqual(h.failure("e = EchoState(reservoir: 5)"),
                       "1:5: the drawn reservoir has spectral radius 0 (2 connections among 5 units form no cycle); raise 'density' or 'reservoir'")
        XCTAssertEqual(h.failure("two = EchoState(inputs: 2, reservoir: 20)\nfit two on train"),
                       "2:12: the data has 1 input feature per step (task.mackey_glass), but 'two' expects 2")
        XCTAssertEqual(h.failure("save_weights(esn, \"esn.safetensors\")"),
                       "1:14: an EchoState has no trained tensors to save or load: its reservoir is drawn from the seed and 'fit' solves its readout")
        XCTAssertEqual(h.failure("print accuracy(esn, test)"), "1:16: accuracy needs a model that predicts symbols, not an EchoState")
        XCTAssertEqual(h.failure("s = task.narma(length: 2000, order: 60)"),
                       "1:5: narma: the order-60 system diverged on sequence 1; use a lower order")
        XCTAssertEqual(h.failure("s = task.mackey_glass(count: 100000, length: 1000)"),
                       "1:5: mackey_glass: 100000 windows of 1000 steps are more than 10,000,000 samples")
    }

    func testAHugeReservoirIsRefusedWithItsSizeBeforeAnythingIsDrawn() throws {
        let h = try NotebookHarness()
        let message = h.failure("big = EchoState(reservoir: 1000000)")
        XCTAssertTrue(message.hasPrefix("1:7: 'EchoState' would have 1000003000002 weights (4000.0 GB"), message)
        XCTAssertTrue(message.hasSuffix("make 'reservoir' smaller"), message)
    }
}
