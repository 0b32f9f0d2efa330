import XCTest
@testable import UnrollReport

final class NiceScaleTests: XCTestCase {
    /// Checks that ticks are evenly spaced multiples of a 1/2/5 × 10^k step that cover the range.
    private func assertNice(_ low: Double, _ high: Double, file: StaticString = #filePath, line: UInt = #line) {
        let scale = NiceScale(minimum: low, maximum: high)
        XCTAssertTrue([1, 2, 5].contains(scale.stepMantissa), "step \(scale.step)", file: file, line: line)
        XCTAssertLessThanOrEqual(scale.lower, low, file: file, line: line)
        XCTAssertGreaterThanOrEqual(scale.upper, high, file: file, line: line)
        XCTAssertTrue((3...12).contains(scale.ticks.count), "\(scale.ticks.count) ticks for \(low)...\(high)", file: file, line: line)
        for (a, b) in zip(scale.ticks, scale.ticks.dropFirst()) {
            XCTAssertEqual(b - a, scale.step, accuracy: scale.step * 1e-9, file: file, line: line)
        }
        for tick in scale.ticks {
            let units = tick / scale.step
            XCTAssertEqual(units, units.rounded(), accuracy: 1e-9, "tick \(tick) is not a step multiple", file: file, line: line)
        }
    }

    func testRangesGetNiceTicks() {
        assertNice(0, 1)
        assertNice(0.35, 2.49)
        assertNice(1, 30)
        assertNice(-3.7, 12.2)
        assertNice(0.0013, 0.0071)
        assertNice(98_000, 1_250_000)
        assertNice(-1e-7, 3e-7)
        assertNice(0.3, 0.9)
        assertNice(42, 43)
    }

    func testKnownTicks() {
        let unit = NiceScale(minimum: 0, maximum: 1)
        XCTAssertEqual(unit.ticks, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        XCTAssertEqual(unit.ticks.map(unit.label), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let epochs = NiceScale(minimum: 1, maximum: 30, targetTickCount: 6)
        XCTAssertEqual(epochs.ticks, [0, 5, 10, 15, 20, 25, 30])
        XCTAssertEqual(epochs.label(25), "25")
        let thirds = NiceScale(minimum: 0.3, maximum: 0.9, targetTickCount: 6)
        XCTAssertEqual(thirds.ticks.first, 0.3, "0.3 / 0.1 must not round down to an extra tick")
        XCTAssertEqual(thirds.ticks.map(thirds.label), ["0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"])
    }

    func testEqualBoundsAreWidened() {
        let constant = NiceScale(minimum: 2, maximum: 2)
        XCTAssertLessThan(constant.lower, 2)
        XCTAssertGreaterThan(constant.upper, 2)
        let zero = NiceScale(minimum: 0, maximum: 0)
        XCTAssertEqual(zero.lower, -1)
        XCTAssertEqual(zero.upper, 1)
        let tiny = NiceScale(minimum: 0, maximum: .leastNonzeroMagnitude)
        XCTAssertLessThan(tiny.lower, tiny.upper)
    }

    func testExtremeRangesStayFinite() {
        let huge = NiceScale(minimum: -Double.greatestFiniteMagnitude, maximum: .greatestFiniteMagnitude)
        XCTAssertTrue(huge.lower.isFinite && huge.upper.isFinite)
        XCTAssertLessThanOrEqual(huge.ticks.count, 12)
    }

    func testLabelsSwitchToScientificForTinySteps() {
        let scale = NiceScale(minimum: 0, maximum: 4e-6)
        XCTAssertEqual(scale.label(0), "0")
        XCTAssertEqual(scale.label(scale.ticks[1]), NumberFormat.significant(scale.ticks[1], digits: 3))
        XCTAssertTrue(scale.label(scale.ticks[1]).contains("e-"))
    }
}
