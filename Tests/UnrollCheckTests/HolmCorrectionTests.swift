import UnrollCheck
import XCTest

/// Holm–Bonferroni on written-down p-value sets, worked out by hand (and the same decisions as stepping down).
final class HolmCorrectionTests: XCTestCase {
    private func assertAdjusted(_ p: [Double], _ expected: [Double], line: UInt = #line) {
        let adjusted = HolmCorrection.adjusted(p)
        XCTAssertEqual(adjusted.count, expected.count, line: line)
        for (a, e) in zip(adjusted, expected) { XCTAssertEqual(a, e, accuracy: 1e-15, "\(adjusted)", line: line) }
    }

    func testAdjustedPValues() {
        // Sorted 0.005, 0.01, 0.03, 0.04 → 4·0.005, 3·0.01, 2·0.03, max(0.06, 1·0.04).
        assertAdjusted([0.01, 0.04, 0.03, 0.005], [0.03, 0.06, 0.06, 0.02])
        // Capped at 1, and monotone in the sorted order.
        assertAdjusted([0.5, 0.2, 0.9], [1, 0.6, 1])
        assertAdjusted([0.4, 0.3], [0.6, 0.6])
        assertAdjusted([0.001], [0.001])
        assertAdjusted([], [])
        // Ties keep input order and get the same value; NaN counts as 1.
        assertAdjusted([0.02, 0.02, .nan], [0.06, 0.06, 1])
    }

    func testDecisionsAtAlpha() {
        // Step-down at 0.05: 0.005 ≤ 0.05/4, 0.01 ≤ 0.05/3, 0.03 > 0.05/2 stops, so 0.04 is kept too.
        XCTAssertEqual(HolmCorrection.rejected([0.01, 0.04, 0.03, 0.005], alpha: 0.05), [true, false, false, true])
        // Fifty values at p = 0.005 each: Bonferroni-like, none rejected at 0.01 (50 · 0.005 > 0.01).
        XCTAssertEqual(HolmCorrection.rejected([Double](repeating: 0.005, count: 50), alpha: 0.01),
                       [Bool](repeating: false, count: 50))
        // A very small p survives a family of fifty; the others do not.
        XCTAssertEqual(HolmCorrection.rejected([1e-6] + [Double](repeating: 0.3, count: 49), alpha: 0.01),
                       [true] + [Bool](repeating: false, count: 49))
        // Exactly at the bound is a rejection: 2 · 0.005 = 0.01.
        XCTAssertEqual(HolmCorrection.rejected([0.005, 0.5], alpha: 0.01), [true, false])
    }
}
