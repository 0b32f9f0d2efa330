import UnrollTensor
import XCTest
@testable import UnrollData

/// `WindowedSeries.of`: the series behind consecutive windows, and why other data sets are not one.
final class WindowedSeriesTests: XCTestCase {
    private let table: CSVTable = {
        var rows = ["t,x,y"]
        for t in 0..<30 { rows.append("\(t),\(Double(t) * 0.5),\(t * t % 17)") }
        return try! CSVTable(parsing: rows.joined(separator: "\n") + "\n", name: "series.csv")
    }()

    func testConsecutiveWindowsGiveBackTheColumnTheyWereCutFrom() throws {
        let set = try SeriesWindows.dataset(from: table, columns: ["y"], target: "y", window: 6, horizon: 1)
        let series = try WindowedSeries.of(set).get()
        XCTAssertEqual(series.window, 6)
        XCTAssertEqual(series.features, 1)
        XCTAssertEqual(series.rows, 30)
        XCTAssertEqual(series.values, (0..<30).map { Float($0 * $0 % 17) })
        XCTAssertEqual(series.rows(10, count: 3), [Float(100 % 17), Float(121 % 17), Float(144 % 17)])
        // A slice of the windows, in order, is the stretch of rows it covers.
        let part = set.replacingExamples(Array(set.examples[4...9]))
        XCTAssertEqual(try WindowedSeries.of(part).get().values, (4..<16).map { Float($0 * $0 % 17) })
    }

    func testDataThatIsNoSeriesInOrderSaysWhere() throws {
        let set = try SeriesWindows.dataset(from: table, columns: ["y"], target: "y", window: 6, horizon: 1)
        var rng = RandomGenerator(seed: 3)
        let (_, test) = try set.split(fraction: 0.5, rng: &rng)
        guard case .failure(.notConsecutive(let at)) = WindowedSeries.of(test) else { return XCTFail("a shuffled half is a series") }
        XCTAssertEqual(at, 1)
        let far = try SeriesWindows.dataset(from: table, columns: ["y"], target: "y", window: 6, horizon: 2)
        XCTAssertEqual(WindowedSeries.of(far), .failure(.notConsecutive(example: 1)))
        let strided = try SeriesWindows.dataset(from: table, columns: ["y"], target: "y", window: 6, horizon: 1, stride: 2)
        XCTAssertEqual(WindowedSeries.of(strided), .failure(.notConsecutive(example: 1)))
        let two = try SeriesWindows.dataset(from: table, columns: ["x", "y"], target: "y", window: 6, horizon: 1)
        XCTAssertEqual(WindowedSeries.of(two), .failure(.widths(features: 2, outputs: 1)))
        XCTAssertEqual(WindowedSeries.of(set.replacingExamples([])), .failure(.empty))
        var mixed = Array(set.examples[0...2])
        mixed.append(RegressionExample(inputs: [1, 2], steps: 2, targets: [3]))
        XCTAssertEqual(WindowedSeries.of(set.replacingExamples(mixed)), .failure(.length(example: 3, steps: 2, window: 6)))
        let waves = try SyntheticTasks.sine(count: 2, length: 10, rng: &rng)
        XCTAssertEqual(WindowedSeries.of(waves), .failure(.perStep))
    }
}
