import XCTest
@testable import UnrollInterpreter

final class NumberTextTests: XCTestCase {
    func testPositionalNumbersKeepSixSignificantDigits() {
        XCTAssertEqual(NumberText.format(3.14159265), "3.14159")
        XCTAssertEqual(NumberText.format(1234.5678), "1234.57")
        XCTAssertEqual(NumberText.format(0.000123456789), "0.000123457")
        XCTAssertEqual(NumberText.format(-2.5), "-2.5")
        XCTAssertEqual(NumberText.format(0.1 + 0.2), "0.3")
    }

    func testWholeNumbersHaveNoPointAndKeepAllDigits() {
        XCTAssertEqual(NumberText.format(40), "40")
        XCTAssertEqual(NumberText.format(2.0), "2")
        XCTAssertEqual(NumberText.format(1234567), "1234567")
        XCTAssertEqual(NumberText.format(0), "0")
        XCTAssertEqual(NumberText.format(-0.0), "0")
    }

    func testRoundingIsHalfAwayFromZeroAndCarries() {
        XCTAssertEqual(NumberText.format(2.5, digits: 1), "3")
        XCTAssertEqual(NumberText.format(-2.5, digits: 1), "-3")
        XCTAssertEqual(NumberText.format(9.9999996), "10")
    }

    func testVerySmallAndLargeNumbersAreScientific() {
        XCTAssertEqual(NumberText.format(1.5e-7), "1.5e-7")
        XCTAssertEqual(NumberText.format(2e20), "2e+20")
        XCTAssertEqual(NumberText.format(-3.25e16), "-3.25e+16")
        XCTAssertEqual(NumberText.format(9.9999999e-5), "1e-4")
        XCTAssertEqual(NumberText.format(9.9999999e20), "1e+21")
    }

    func testNonFiniteNumbers() {
        XCTAssertEqual(NumberText.format(.nan), "nan")
        XCTAssertEqual(NumberText.format(.infinity), "inf")
        XCTAssertEqual(NumberText.format(-.infinity), "-inf")
    }
}

import UnrollReport

final class NumberTextReportAgreementTests: XCTestCase {
    /// `print` must write numbers exactly as the reports do.
    func testAgreesWithTheReportsNumberFormat() {
        var values: [Double] = [0, 1, -1, 0.5, 1e-4, 9.99995e-5, 123456.5, 1e15, 999999.95, 1.0 / 3, -2.0 / 3, 6.02e23, 1e-300]
        var x = 1.234567891e-9
        for _ in 0..<40 {
            values.append(x)
            values.append(-x * 1.7)
            x *= 3.7
        }
        for value in values {
            XCTAssertEqual(NumberText.format(value), NumberFormat.significant(value), "\(value)")
        }
    }
}
