import UnrollFileIO
import XCTest

final class JSONStringTests: XCTestCase {
    func testEscapes() {
        XCTAssertEqual(JSONString.quote("a\"b\\c\nd\te\u{01}"), #""a\"b\\c\nd\te\u0001""#)
        XCTAssertEqual(JSONString.quote("\r\u{08}\u{0C}\u{1F}\u{7F}"), #""\r\b\f\u001f\u007f""#)
        XCTAssertEqual(JSONString.quote(""), #""""#)
    }

    func testNonASCIIStaysUTF8() {
        XCTAssertEqual(JSONString.quote("床前 </script> – ünïcode"), "\"床前 </script> – ünïcode\"")
    }
}
