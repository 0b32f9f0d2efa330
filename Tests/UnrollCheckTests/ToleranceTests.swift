import UnrollRecord
import XCTest
@testable import UnrollCheck

final class ToleranceTests: XCTestCase {
    func testExactDefaultsAreTight() {
        let t = Tolerance.resolve(cell: nil, notebook: nil)
        XCTAssertEqual(t, Tolerance(mode: .exact, relative: 1e-6, absolute: 1e-9))
        XCTAssertTrue(t.accepts(expected: 1.0, actual: 1.0 + 5e-7))
        XCTAssertFalse(t.accepts(expected: 1.0, actual: 1.0 + 2e-6))
        XCTAssertTrue(t.accepts(expected: 0, actual: 5e-10))
        XCTAssertFalse(t.accepts(expected: 0, actual: 2e-9))
    }

    func testNaNMatchesNaNAndInfinitiesMatchThemselves() {
        let t = Tolerance.resolve(cell: nil, notebook: nil)
        XCTAssertTrue(t.accepts(expected: .nan, actual: .nan))
        XCTAssertFalse(t.accepts(expected: .nan, actual: 1))
        XCTAssertFalse(t.accepts(expected: 1, actual: .nan))
        XCTAssertTrue(t.accepts(expected: .infinity, actual: .infinity))
        XCTAssertFalse(t.accepts(expected: .infinity, actual: -.infinity))
        XCTAssertFalse(t.accepts(expected: 1e300, actual: .infinity))
    }

    func testLooseModeUsesWiderTolerancesAndNormalizesWhitespace() {
        let t = Tolerance.resolve(cell: CheckSettings(mode: .loose), notebook: nil)
        XCTAssertEqual(t, Tolerance(mode: .loose, relative: 1e-2, absolute: 1e-4))
        XCTAssertTrue(t.accepts(expected: 2.0, actual: 2.019))
        XCTAssertFalse(t.accepts(expected: 2.0, actual: 2.03))
        XCTAssertTrue(t.accepts(expected: "loss  0.5\n", actual: " loss 0.5"))
        XCTAssertFalse(t.accepts(expected: "loss 0.5", actual: "loss 0.6"))
        let exact = Tolerance.resolve(cell: nil, notebook: nil)
        XCTAssertFalse(exact.accepts(expected: "loss  0.5", actual: "loss 0.5"))
    }

    func testCellOptionBeatsFrontMatterBeatsDefaults() {
        let notebook = CheckSettings(relativeTolerance: 1e-3, absoluteTolerance: 1e-5)
        XCTAssertEqual(Tolerance.resolve(cell: nil, notebook: notebook),
                       Tolerance(mode: .exact, relative: 1e-3, absolute: 1e-5))
        XCTAssertEqual(Tolerance.resolve(cell: CheckSettings(relativeTolerance: 0.5), notebook: notebook),
                       Tolerance(mode: .exact, relative: 0.5, absolute: 1e-5))
        XCTAssertEqual(Tolerance.resolve(cell: CheckSettings(mode: .loose), notebook: notebook),
                       Tolerance(mode: .loose, relative: 1e-2, absolute: 1e-4), "the cell's check=loose is more specific")
        XCTAssertEqual(Tolerance.resolve(cell: CheckSettings(mode: .loose, absoluteTolerance: 3), notebook: notebook),
                       Tolerance(mode: .loose, relative: 1e-2, absolute: 3))
    }
}
