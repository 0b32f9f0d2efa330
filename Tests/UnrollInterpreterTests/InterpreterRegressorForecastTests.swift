import Foundation
import UnrollRecord
import XCTest
@testable import UnrollInterpreter

/// `forecast` and `forecast_nrmse` of a Regressor trained on windows of a series (`series_csv`): the free run slides
/// the window and appends each prediction, `mode: "one_step"` reads the true windows, and the errors a learner meets.
final class InterpreterRegressorForecastTests: XCTestCase {
    /// 60 rows of a sine of period 12 (`y`, also `t` and a second column `z`).
    private static let wave: [String] = (0..<60).map { t in String(Float(sin(2 * Double.pi * Double(t) / 12))) }

    private static let files: [String: String] = {
        var files = NotebookHarness.standardFiles
        var rows = ["t,y,z"]
        for (t, y) in wave.enumerated() { rows.append("\(t),\(y),\(t % 5)") }
        files["data/wave.csv"] = rows.joined(separator: "\n") + "\n"
        return files
    }()

    private let setup = """
    seed 3
    s = series_csv("data/wave.csv", target: "y", window: 8)
    reg = Regressor(inputs: 1, rnn: GRU(hidden: 6))
    fit reg on s { epochs: 2, batch: 8 }
    """

    /// The two series of `forecast(...)` plotted: names and values.
    private func plotted(_ h: NotebookHarness, _ call: String) throws -> [(name: String, y: [Double])] {
        let outputs = try h.run("plot " + call)
        guard case .series(let series)? = outputs.first?.content else {
            XCTFail("plot \(call) gave \(outputs)")
            return []
        }
        return series.lines.map { ($0.name, $0.y) }
    }

    func testTheFreeRunIsALoopOfOneStepPredictionsOnItsOwnWindowsAndOneStepReadsTheTruth() throws {
        let h = try NotebookHarness(files: Self.files)
        try h.run(setup)
        let free = try plotted(h, "forecast(reg, s, warmup: 20, steps: 10)")
        let oneStep = try plotted(h, #"forecast(reg, s, warmup: 20, steps: 10, mode: "one_step")"#)
        XCTAssertEqual(free.map(\.name), ["truth", "forecast"])
        XCTAssertEqual(oneStep.map(\.name), ["truth", "one-step"])
        // The truth is rows 20 ..< 30 of the file's y column, read as floats.
        let rows = Self.wave[20..<30].map { Double(Float($0)!) }
        XCTAssertEqual(free[0].y, rows)
        XCTAssertEqual(oneStep[0].y, rows)
        // The first window is all true values, so both runs begin with the same prediction, then part.
        XCTAssertEqual(free[1].y[0], oneStep[1].y[0])
        XCTAssertNotEqual(free[1].y[9], oneStep[1].y[9])
        // One step ahead, step k reads the true window of rows 12 + k ..< 20 + k, which is s[12 + k].
        XCTAssertEqual(try h.value("predict(reg, s[12].inputs)[0]"), try h.value(#"forecast(reg, s, warmup: 20, steps: 10, mode: "one_step")[1].first"#))
        XCTAssertEqual(try h.value("predict(reg, s[21].inputs)[0]"), try h.value(#"forecast(reg, s, warmup: 20, steps: 10, mode: "one_step")[1].last"#))
        // The same loop written out in the language: predict, drop the oldest row, append the prediction.
        XCTAssertEqual(try h.printed("""
            window = s[12].inputs
            loop = []
            for k in 0...9 {
              p = predict(reg, window)[0]
              loop += [p]
              window = window[1...-1] + [[p]]
            }
            gap = 0.0
            i = 0
            for v in forecast(reg, s, warmup: 20, steps: 10)[1] {
              gap += abs(v - loop[i])
              i += 1
            }
            print gap, i
            """), ["0 10"])
        // A slice of the windows is the stretch of the series it covers: s[10...30] starts at row 10.
        let slice = try plotted(h, "forecast(reg, s[10...30], warmup: 10, steps: 10)")
        XCTAssertEqual(slice.map(\.y), free.map(\.y))
        let freeError = try XCTUnwrap(Double(try h.value("forecast_nrmse(reg, s, warmup: 20, steps: 10)")))
        let oneStepError = try XCTUnwrap(Double(try h.value(#"forecast_nrmse(reg, s, warmup: 20, steps: 10, mode: "one_step")"#)))
        XCTAssertGreaterThan(freeError, 0)
        XCTAssertGreaterThan(oneStepError, 0)
        XCTAssertNotEqual(freeError, oneStepError)
    }

    func testAModelOrSeriesWhoseWidthsDoNotFitAndWindowsThatAreNoSeriesAreLocatedErrors() throws {
        let h = try NotebookHarness(files: Self.files)
        try h.run(setup)
        XCTAssertEqual(h.failure("""
            two = series_csv("data/wave.csv", target: "y", columns: ["z", "y"], window: 8)
            r2 = Regressor(inputs: 2, rnn: GRU(hidden: 3))
            f = forecast(r2, two, warmup: 20, steps: 5)
            """),
            "3:14: a free run feeds each output back as the next input, so it needs as many outputs as inputs, got 1 output for 2 inputs")
        XCTAssertEqual(h.failure("""
            two = series_csv("data/wave.csv", target: "y", columns: ["z", "y"], window: 8)
            f = forecast(reg, two, warmup: 20, steps: 5)
            """),
            "2:19: the data has 2 input features per step (series_csv), but 'reg' expects 1")
        XCTAssertEqual(h.failure("""
            train, test = s.split(0.8)
            f = forecast(reg, test, warmup: 8, steps: 2)
            """),
            "2:19: test[1] does not continue test[0] by one row, so the windows are not one series in order; forecast on the "
            + "whole series_csv data (horizon 1, stride 1) or a slice of it such as data[300...379], not on a shuffled split")
        XCTAssertEqual(h.failure("""
            far = series_csv("data/wave.csv", target: "y", window: 8, horizon: 2)
            f = forecast(reg, far, warmup: 8, steps: 2)
            """),
            "2:19: far[1] does not continue far[0] by one row, so the windows are not one series in order; forecast on the "
            + "whole series_csv data (horizon 1, stride 1) or a slice of it such as data[300...379], not on a shuffled split")
        XCTAssertEqual(h.failure("f = forecast(reg, s, warmup: 5, steps: 2)"),
                       "1:30: a forecast starts from one whole window of true values, so 'warmup' must be at least the window of 8 rows, got 5")
        XCTAssertEqual(h.failure("f = forecast_nrmse(reg, s, warmup: 50, steps: 20)"),
                       "1:47: a warmup of 50 rows and 20 predicted steps need 70 rows of the series, but its windows cover 60; make 'steps' at most 10")
        XCTAssertEqual(h.failure("f = forecast(reg, s, warmup: 60, steps: 1)"),
                       "1:30: a warmup of 60 rows and 1 predicted step need 61 rows of the series, but its windows cover 60; make 'steps' at most 0")
        XCTAssertEqual(h.failure("f = forecast(reg, task.sine(count: 2, length: 30), warmup: 10, steps: 5)"),
                       "1:19: a Regressor forecasts from windows of a series with the next value as each one's target "
                       + "(series_csv(…, window: 20, horizon: 1)); this data has a target per step")
        XCTAssertEqual(h.failure(#"c = Classifier(vocab: 5, classes: 2, rnn: GRU(hidden: 2))"# + "\nf = forecast(c, s, warmup: 10, steps: 5)"),
                       "2:14: 'forecast' needs an EchoState or a Regressor, not a Classifier")
    }
}
