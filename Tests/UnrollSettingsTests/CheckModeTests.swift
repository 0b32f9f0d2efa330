import UnrollSettings
import XCTest

final class CheckModeTests: XCTestCase {
    func testNamesAreTheInfoStringWords() {
        XCTAssertEqual(CheckMode.allCases.map(\.rawValue), ["exact", "loose", "ignore"])
        XCTAssertEqual(CheckMode(rawValue: "loose"), .loose)
        XCTAssertNil(CheckMode(rawValue: "Loose"))
    }
}
