import Foundation
import UnrollCheck
import UnrollRecord
import XCTest

/// The Welch t-test and the Student-t distribution against SciPy's `ttest_ind(equal_var=False)` and `t.cdf`
/// on the written-down samples of `scripts/make_welch_references.py` (its output, `Fixtures/welch_scipy.json`).
final class WelchTestTests: XCTestCase {
    private func reference() throws -> [String: Any] {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("welch_scipy.json")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func sample(_ values: [Double]) -> SeedSample {
        SeedSample(cellID: "c", line: 1, valuePath: "v", values: values)
    }

    /// |actual − expected| ≤ 1e-6 · max(1, |expected|).
    private func assertAgrees(_ actual: Double, _ expected: Double, _ what: String, line: UInt = #line) {
        XCTAssertLessThanOrEqual(abs(actual - expected), 1e-6 * max(1, abs(expected)),
                                 "\(what): unroll \(actual), scipy \(expected)", line: line)
    }

    func testWelchAgreesWithSciPy() throws {
        let cases = try XCTUnwrap(reference()["welch"] as? [[String: Any]])
        XCTAssertEqual(cases.count, 10)
        for (i, c) in cases.enumerated() {
            let a = try XCTUnwrap(c["a"] as? [Double]), b = try XCTUnwrap(c["b"] as? [Double])
            let test = try XCTUnwrap(WelchTest(sample(a), sample(b)), "case \(i)")
            assertAgrees(test.t, try XCTUnwrap(c["t"] as? Double), "case \(i) t")
            assertAgrees(test.degreesOfFreedom, try XCTUnwrap(c["df"] as? Double), "case \(i) df")
            let p = try XCTUnwrap(c["p"] as? Double)
            assertAgrees(test.pValue, p, "case \(i) p")
            // Small p-values agree relatively too, not only within 1e-6 of each other.
            XCTAssertLessThanOrEqual(abs(test.pValue - p), 1e-6 * p, "case \(i) p relative: \(test.pValue) vs \(p)")
        }
    }

    func testStudentTCDFAgreesWithSciPy() throws {
        let points = try XCTUnwrap(reference()["student_t_cdf"] as? [[String: Any]])
        XCTAssertEqual(points.count, 100)
        for point in points {
            let t = try XCTUnwrap(point["t"] as? Double), df = try XCTUnwrap(point["df"] as? Double)
            let expected = try XCTUnwrap(point["cdf"] as? Double)
            let actual = StudentT.cdf(t, degreesOfFreedom: df)
            assertAgrees(actual, expected, "cdf(\(t), df \(df))")
            let tail = min(expected, 1 - expected)
            if tail > 0 {
                XCTAssertLessThanOrEqual(abs(min(actual, 1 - actual) - tail), 1e-6 * tail, "tail at t \(t), df \(df)")
            }
        }
    }

    func testNoTestWithoutSpreadOrWithFewerThanTwoValues() {
        XCTAssertNil(WelchTest(sample([1, 1, 1]), sample([2, 2, 2])), "both spreads zero")
        XCTAssertNil(WelchTest(meanA: 1, sdA: 1, countA: 1, meanB: 1, sdB: 1, countB: 5), "one value")
        XCTAssertNil(WelchTest(sample([1, .nan, 2]), sample([1, 2, 3])), "not finite")
        let oneSided = WelchTest(sample([1, 1, 1]), sample([1, 2, 3]))
        XCTAssertEqual(oneSided?.degreesOfFreedom, 2, "one spread zero: the other side's n − 1")
    }

    func testIncompleteBetaEdgesAndSymmetry() {
        XCTAssertEqual(IncompleteBeta.regularized(0, a: 2, b: 3), 0)
        XCTAssertEqual(IncompleteBeta.regularized(1, a: 2, b: 3), 1)
        XCTAssertTrue(IncompleteBeta.regularized(1.5, a: 2, b: 3).isNaN)
        XCTAssertTrue(IncompleteBeta.regularized(0.5, a: 0, b: 3).isNaN)
        // I_x(a, b) = 1 − I_{1−x}(b, a); I_x(1, 1) = x; I_x(2, 1) = x².
        XCTAssertEqual(IncompleteBeta.regularized(0.3, a: 2.5, b: 4) + IncompleteBeta.regularized(0.7, a: 4, b: 2.5), 1,
                       accuracy: 1e-14)
        XCTAssertEqual(IncompleteBeta.regularized(0.37, a: 1, b: 1), 0.37, accuracy: 1e-15)
        XCTAssertEqual(IncompleteBeta.regularized(0.6, a: 2, b: 1), 0.36, accuracy: 1e-15)
        XCTAssertEqual(StudentT.twoSidedTail(0, degreesOfFreedom: 3), 1)
        XCTAssertEqual(StudentT.twoSidedTail(.infinity, degreesOfFreedom: 3), 0)
        XCTAssertTrue(StudentT.twoSidedTail(1, degreesOfFreedom: 0).isNaN)
    }
}
