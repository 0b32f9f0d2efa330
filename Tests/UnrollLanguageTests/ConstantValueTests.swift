import XCTest
@testable import UnrollLanguage

final class ConstantValueTests: XCTestCase {
    func testTypesAndText() {
        XCTAssertEqual(ConstantValue.list([.int(1), .float(2)]).type, .list(.number))
        XCTAssertEqual(ConstantValue.list([]).type, .list(.unknown))
        XCTAssertEqual(ConstantValue.float(0.003).description, "0.003")
        XCTAssertEqual(ConstantValue.float(2).description, "2.0")
        XCTAssertEqual(ConstantValue.string("a\"b\n").description, #""a\"b\n""#)
        XCTAssertEqual(ConstantValue.range(4, 10).description, "4...10")
    }

    func testNumbers() {
        XCTAssertEqual(ConstantValue.int(3).number, 3)
        XCTAssertEqual(ConstantValue.float(0.5).number, 0.5)
        XCTAssertNil(ConstantValue.string("3").number)
        XCTAssertEqual(ConstantValue.format(.infinity), "inf")
        XCTAssertEqual(ConstantValue.format(1e-5), "1e-05")
    }
}
