import UnrollRecord
import XCTest
@testable import UnrollInterpreter

/// `plot` of several lists, against an x axis, of `series(…)` values, with styles and logarithmic axes
/// (issue 10, items 1 and 10).
final class InterpreterPlotTests: XCTestCase {
    private func series(_ outputs: [CellOutput], file: StaticString = #filePath, line: UInt = #line) -> SeriesOutput? {
        guard let last = outputs.last, case .series(let s) = last.content else {
            XCTFail("expected a series last, got \(outputs)", file: file, line: line)
            return nil
        }
        return s
    }

    func testTheIssueExamplePlotsTwoLabelledLists() throws {
        let h = try NotebookHarness()
        guard let s = series(try h.run(#"plot [[1.0, 2.0, 3.0], [1.5, 2.5, 2.0]] { labels: ["a","b"] }"#)) else { return }
        XCTAssertEqual(s.lines, [SeriesLine(name: "a", y: [1, 2, 3]), SeriesLine(name: "b", y: [1.5, 2.5, 2])])
        XCTAssertEqual([s.xLabel, s.yLabel], ["step", "value"])
    }

    func testSeveralListsAgainstOneXAxis() throws {
        let h = try NotebookHarness()
        guard let s = series(try h.run("xs = [0.5, 1, 2]\nys = [1, 4, 9]\nplot xs, ys, [1, 2, 3]")) else { return }
        XCTAssertEqual(s.title, "xs, ys, [1, 2, 3]")
        XCTAssertEqual(s.xLabel, "xs")
        XCTAssertEqual(s.lines.map(\.name), ["ys", "[1, 2, 3]"])
        XCTAssertEqual(s.lines.map(\.x), [[0.5, 1, 2], [0.5, 1, 2]])
        guard let nested = series(try h.run("plot xs, [ys, [3, 2, 1]] { xlabel: \"time\", ylabel: \"level\" }")) else { return }
        XCTAssertEqual(nested.lines.map(\.name), ["ys", "[3, 2, 1]"])
        XCTAssertEqual([nested.xLabel, nested.yLabel], ["time", "level"])
    }

    func testSingleListsAreNamedByWhatWasWritten() throws {
        let h = try NotebookHarness()
        guard let one = series(try h.run("ys = [3, 1, 2]\nplot ys")) else { return }
        XCTAssertEqual(one.lines.map(\.name), ["ys"])
        guard let items = series(try h.run("preds = [[1, 2], [2, 1]]\nplot preds")) else { return }
        XCTAssertEqual(items.lines.map(\.name), ["preds[0]", "preds[1]"])
        guard let unnamed = series(try h.run("plot series([1, 2])")) else { return }
        XCTAssertEqual(unnamed.lines.map(\.name), ["series([1, 2])"])
    }

    func testSeriesCarryTheirXNameAndStyle() throws {
        let h = try NotebookHarness()
        let source = #"plot [series([2, 3], x: [0.5, 1.5], name: "obs", style: "points"), [1, 2, 3]] { style: "both" }"#
        guard let s = series(try h.run(source)) else { return }
        XCTAssertEqual(s.lines, [SeriesLine(name: "obs", x: [0.5, 1.5], y: [2, 3], style: .points),
                                 SeriesLine(name: "[1, 2, 3]", y: [1, 2, 3], style: .both)])
        XCTAssertEqual(s.xLabel, "x")
        guard let against = series(try h.run(#"plot [1, 2], series([5, 6], x: [7, 8]), series([1, 2], name: "n")"#)) else { return }
        XCTAssertEqual(against.lines.map(\.x), [[7, 8], [1, 2]], "a series keeps its own x values")
    }

    func testAHistorysTrainAndValidCurvesShareAGroup() throws {
        let h = try NotebookHarness.withFittedModel()
        guard let alone = series(try h.run("plot lm.history")) else { return }
        XCTAssertEqual(alone.lines.map(\.name), ["train loss", "valid loss"])
        XCTAssertEqual(alone.lines.map(\.group), ["lm.history", "lm.history"])
        guard let fit = series(try h.run("fit lm on train { epochs: 1, batch: 4, validate: valid }")) else { return }
        XCTAssertEqual(fit.lines.map(\.group), ["lm", "lm"])
        XCTAssertEqual(fit.lines[0].x, [3], "a second fit goes on counting epochs")
        let mixed = #"plot [lm.history, series([3.0, 2.5, 2.0], name: "paper", style: "points")] { labels: ["RNN", "paper"] }"#
        guard let s = series(try h.run(mixed)) else { return }
        XCTAssertEqual(s.lines.map(\.name), ["RNN train loss", "RNN valid loss", "paper"])
        XCTAssertEqual(s.lines.map(\.group), ["RNN", "RNN", nil])
        XCTAssertEqual(s.lines.map(\.style), [.lines, .lines, .points])
        XCTAssertEqual([s.xLabel, s.yLabel], ["epoch", "loss"], "a reference series drawn with a history shares its axes")
        guard let two = series(try h.run(#"plot [lm.history.train.loss, lm.history.train.perplexity]"#)) else { return }
        XCTAssertEqual([two.xLabel, two.yLabel], ["epoch", "value"], "two metrics have no one title")
    }

    func testLogarithmicAxes() throws {
        let h = try NotebookHarness.withFittedModel()
        guard let s = series(try h.run(#"plot lm.history { log: "y" }"#)) else { return }
        XCTAssertEqual([s.logX, s.logY], [false, true])
        guard let both = series(try h.run(#"plot [1, 10, 100], [1, 2, 3] { log: "xy" }"#)) else { return }
        XCTAssertEqual([both.logX, both.logY], [true, true])
        XCTAssertEqual(h.failure(#"plot [1.0, 0.0, 2.0] { log: "y" }"#),
                       "1:6: cannot draw 0 on a logarithmic y axis ('[1.0, 0.0, 2.0]' at x = 2); plot positive values, "
                        + "or leave 'y' out of 'log'")
        XCTAssertEqual(h.failure(#"ys = [1, -2]"# + "\n" + #"plot [ys, [1, 2]] { log: "y" }"#),
                       "2:7: cannot draw -2 on a logarithmic y axis ('ys' at x = 2); plot positive values, or leave 'y' out of 'log'")
        XCTAssertEqual(h.failure(#"plot series([1, 2], x: [0, 1], name: "s") { log: "x" }"#),
                       "1:6: cannot draw 0 on a logarithmic x axis ('s' at point 1); plot positive values, or leave 'x' out of 'log'")
        XCTAssertEqual(h.failure(#"plot [0, 1], [1, 2] { log: "x" }"#),
                       "1:6: cannot draw 0 on a logarithmic x axis ('[0, 1]' at point 1); plot positive values, "
                        + "or leave 'x' out of 'log'")
    }

    func testAxisProblems() throws {
        let h = try NotebookHarness.withFittedModel()
        XCTAssertEqual(h.failure("plot [1, 2], [1, 2, 3]"),
                       "1:14: '[1, 2]' has 2 values but '[1, 2, 3]' has 3; a line needs one x value per y value")
        XCTAssertEqual(h.failure("xs = [1, 2]\nplot xs, lm.history"),
                       "2:10: a History is drawn against its own epochs, not against 'xs'; plot it on its own, "
                        + "or plot one of its curves (history.train.loss) against 'xs'")
        XCTAssertEqual(h.failure("plot lm.history, [1, 2]"),
                       "1:6: the x axis of 'plot xs, ys' must be a list of numbers, got History; "
                        + "to draw several values in one figure, put them in a list: 'plot [a, b]'")
        XCTAssertEqual(h.failure("s = series([1, 2], x: [1])"),
                       "1:23: '[1]' has 1 value but '[1, 2]' has 2; a line needs one x value per y value")
        XCTAssertEqual(h.failure(#"plot [1, 2], [1, 2], [2, 1] { labels: ["a"] }"#), "1:39: 'labels' has 1 name for 2 plotted values")
    }
}
