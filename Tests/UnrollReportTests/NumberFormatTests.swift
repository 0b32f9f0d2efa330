import XCTest
@testable import UnrollReport

final class NumberFormatTests: XCTestCase {
    func testFixed() {
        XCTAssertEqual(NumberFormat.fixed(2.5, decimals: 2), "2.50")
        XCTAssertEqual(NumberFormat.fixed(0.125, decimals: 2), "0.13")
        XCTAssertEqual(NumberFormat.fixed(-0.001, decimals: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(-1.005, decimals: 1), "-1.0")
        XCTAssertEqual(NumberFormat.fixed(-12.345, decimals: 1), "-12.3")
        XCTAssertEqual(NumberFormat.fixed(7, decimals: 0), "7")
        XCTAssertEqual(NumberFormat.fixed(0.05, decimals: 3), "0.050")
        XCTAssertEqual(NumberFormat.fixed(.nan, decimals: 2), "nan")
        XCTAssertEqual(NumberFormat.fixed(-.infinity, decimals: 2), "-inf")
        XCTAssertEqual(NumberFormat.fixed(1e20, decimals: 2), "1e+20")
    }

    func testCompactDropsTrailingZeros() {
        XCTAssertEqual(NumberFormat.compact(12.5), "12.5")
        XCTAssertEqual(NumberFormat.compact(640), "640")
        XCTAssertEqual(NumberFormat.compact(168.666666), "168.67")
        XCTAssertEqual(NumberFormat.compact(-0.001), "0")
    }

    func testSignificant() {
        XCTAssertEqual(NumberFormat.significant(0.94321875), "0.943219")
        XCTAssertEqual(NumberFormat.significant(412), "412")
        XCTAssertEqual(NumberFormat.significant(1234.5678), "1234.57")
        XCTAssertEqual(NumberFormat.significant(0.000123456789), "0.000123457")
        XCTAssertEqual(NumberFormat.significant(1.5e-7), "1.5e-7")
        XCTAssertEqual(NumberFormat.significant(-2.5e20), "-2.5e+20")
        XCTAssertEqual(NumberFormat.significant(9.9999999e-6), "1e-5")
        XCTAssertEqual(NumberFormat.significant(0), "0")
        XCTAssertEqual(NumberFormat.significant(-0.0), "0")
        XCTAssertEqual(NumberFormat.significant(Double(Float(0.1))), "0.1")
        XCTAssertEqual(NumberFormat.significant(.infinity), "inf")
        XCTAssertEqual(NumberFormat.significant(2.0 / 3.0, digits: 3), "0.667")
    }

    func testDecimalExponent() {
        XCTAssertEqual(NumberFormat.decimalExponent(of: 1), 0)
        XCTAssertEqual(NumberFormat.decimalExponent(of: 10), 1)
        XCTAssertEqual(NumberFormat.decimalExponent(of: 9.99), 0)
        XCTAssertEqual(NumberFormat.decimalExponent(of: 0.001), -3)
        XCTAssertEqual(NumberFormat.decimalExponent(of: 0.00099), -4)
    }
}
