import Foundation
import XCTest

/// End-to-end: `unroll run` on a notebook that plots two labelled lists, a series on a logarithmic y axis and
/// scatter points, checking the figures' SVG (paths, markers, decade ticks, legend entries) in the Markdown
/// report's files and inline in the HTML, and the located errors for a zero on a logarithmic axis (at run time)
/// and for an x axis of another length (before running, by `lint`).
final class PlotCommandTests: XCTestCase {
    private let notebook = """
        # Plots

        ```rnn id=plots
        plot [[1.0, 2.0, 3.0], [1.5, 2.5, 2.0]] { labels: ["predicted", "target"] }
        plot series([0.02, 0.3, 4.0, 50.0], name: "growth") { log: "y" }
        plot [series([1.0, 2.0, 1.5], x: [0.5, 1.0, 1.5], name: "measured", style: "points"), [1.2, 1.6, 1.9]]
        ```
        """

    func testPlotsOfListsLogAxesAndPointsReachTheReports() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/plots.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/plots.md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)

        let lists = try read("output/plots/plots-plot-1.svg", in: root)
        XCTAssertEqual(lists.components(separatedBy: "<path ").count - 1, 2, "one path per list")
        XCTAssertTrue(lists.contains(">predicted</text>") && lists.contains(">target</text>"), "legend entries")
        XCTAssertTrue(lists.contains("stroke=\"#0072B2\"") && lists.contains("stroke=\"#D55E00\""), "two colours")

        let log = try read("output/plots/plots-plot-2.svg", in: root)
        for decade in [">0.01<", ">0.1<", ">1<", ">10<", ">100<"] { XCTAssertTrue(log.contains(decade), "decade tick \(decade)") }
        XCTAssertTrue(log.contains(">growth</text>"))

        let points = try read("output/plots/plots-plot-3.svg", in: root)
        XCTAssertEqual(points.components(separatedBy: "<path ").count - 1, 1, "only the list is a line")
        XCTAssertEqual(points.components(separatedBy: "<circle ").count - 1, 4, "three markers and the legend's sample")
        XCTAssertTrue(points.contains(">measured</text>") && points.contains(">[1.2, 1.6, 1.9]</text>"))
        XCTAssertTrue(points.contains("Noto Sans CJK SC"), "the font stack has CJK fonts")

        let html = try read("output/plots.html", in: root)
        XCTAssertTrue(html.contains(">predicted</text>") && html.contains(">growth</text>") && html.contains("<circle "))
        let json = try read("output/plots.json", in: root)
        XCTAssertTrue(json.contains("\"log\": \"y\"") && json.contains("\"style\": \"points\""))
    }

    func testLintSeesAnXAxisOfAnotherLength() throws {
        let root = try makeWorkspace(self)
        try write("""
            # Axis

            ```rnn
            xs = [1, 2, 3]
            plot xs, [0.5, 0.25]
            ```
            """, to: "notebooks/axis.md", in: root)
        let result = try UnrollProcess.run(["lint", "notebooks/axis.md"], in: root)
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains(
            "notebooks/axis.md:5:10: error: 'xs' has 3 values but '[0.5, 0.25]' has 2; a line needs one x value per y value"),
            result.stderr)
    }

    func testZeroOnALogarithmicAxisIsALocatedError() throws {
        let root = try makeWorkspace(self)
        try write("""
            # Log

            ```rnn
            plot [1.0, 0.0] { log: "y" }
            ```
            """, to: "notebooks/log.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/log.md"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(
            "notebooks/log.md:4:6: error: cannot draw 0 on a logarithmic y axis ('[1.0, 0.0]' at x = 2); "
                + "plot positive values, or leave 'y' out of 'log'"), result.stderr)
    }
}
