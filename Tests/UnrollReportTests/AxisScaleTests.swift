import XCTest
@testable import UnrollReport

final class AxisScaleTests: XCTestCase {
    func testTightAxisStartsWhereTheEpochsStart() {
        let epochs = AxisScale.tight(minimum: 1, maximum: 10, targetTickCount: 6, wholeNumbers: true)
        XCTAssertEqual(epochs.lower, 1)
        XCTAssertEqual(epochs.upper, 10)
        XCTAssertEqual(epochs.ticks, [1, 2, 4, 6, 8, 10])
        XCTAssertEqual(epochs.labels, ["1", "2", "4", "6", "8", "10"])
        XCTAssertEqual(epochs.fraction(of: 1), 0)
        XCTAssertEqual(epochs.fraction(of: 10), 1)
    }

    func testTightAxisKeepsZeroWhenTheDataHasIt() {
        let steps = AxisScale.tight(minimum: 0, maximum: 30, targetTickCount: 6, wholeNumbers: true)
        XCTAssertEqual(steps.ticks.first, 0)
        XCTAssertEqual(steps.labels, ["0", "5", "10", "15", "20", "25", "30"])
    }

    func testTightAxisOfFewWholeNumbersHasNoFractionalTicks() {
        let three = AxisScale.tight(minimum: 1, maximum: 3, targetTickCount: 6, wholeNumbers: true)
        XCTAssertEqual(three.ticks, [1, 2, 3])
        let fractional = AxisScale.tight(minimum: 0.3, maximum: 1.2, targetTickCount: 6, wholeNumbers: false)
        XCTAssertEqual(fractional.labels, ["0.3", "0.4", "0.6", "0.8", "1.0", "1.2"])
    }

    func testTightAxisDropsANiceTickThatWouldCrowdTheStart() {
        let crowded = AxisScale.tight(minimum: 1.9, maximum: 10, targetTickCount: 6, wholeNumbers: false)
        XCTAssertEqual(crowded.ticks, [1.9, 4, 6, 8, 10])
        XCTAssertEqual(crowded.labels.first, "1.9")
    }

    func testRoundedAxisIsTheNiceScale() {
        let values = AxisScale.rounded(minimum: 0.35, maximum: 2.4, targetTickCount: 5)
        XCTAssertEqual(values.lower, 0)
        XCTAssertEqual(values.upper, 2.5)
        XCTAssertEqual(values.labels, ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])
        XCTAssertFalse(values.isLogarithmic)
    }

    func testLogarithmicAxisIsTickedAtDecades() {
        let loss = AxisScale.logarithmic(minimum: 0.003, maximum: 420)
        XCTAssertTrue(loss.isLogarithmic)
        XCTAssertEqual(loss.lower, 0.001)
        XCTAssertEqual(loss.upper, 1000)
        XCTAssertEqual(loss.labels, ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
        XCTAssertEqual(loss.fraction(of: 0.001), 0)
        XCTAssertEqual(loss.fraction(of: 1), 0.5, accuracy: 1e-12)
        XCTAssertEqual(loss.fraction(of: 1000), 1, accuracy: 1e-12)
    }

    func testNarrowLogarithmicAxisAddsTwoAndFiveTicks() {
        let narrow = AxisScale.logarithmic(minimum: 0.3, maximum: 4)
        XCTAssertEqual(narrow.ticks, [0.1, 0.2, 0.5, 1, 2, 5, 10])
        XCTAssertEqual(narrow.labels, ["0.1", "0.2", "0.5", "1", "2", "5", "10"])
        let exact = AxisScale.logarithmic(minimum: 10, maximum: 10)
        XCTAssertEqual([exact.lower, exact.upper], [1, 10])
    }

    func testWideLogarithmicAxisThinsItsDecadesAndWritesExponents() {
        let wide = AxisScale.logarithmic(minimum: 1e-9, maximum: 1e9)
        XCTAssertLessThanOrEqual(wide.ticks.count, 9)
        XCTAssertEqual(wide.labels.first, "1e-9")
        XCTAssertTrue(wide.labels.contains("1"))
        XCTAssertEqual(wide.labels.last, "1e+9")
    }

    func testOnlyPositiveFiniteValuesShowOnALogarithmicAxis() {
        let log = AxisScale.logarithmic(minimum: 1, maximum: 100)
        XCTAssertTrue(log.canShow(5))
        XCTAssertFalse(log.canShow(0))
        XCTAssertFalse(log.canShow(-1))
        XCTAssertFalse(log.canShow(.nan))
        XCTAssertTrue(AxisScale.rounded(minimum: -1, maximum: 1, targetTickCount: 5).canShow(-1))
    }
}
