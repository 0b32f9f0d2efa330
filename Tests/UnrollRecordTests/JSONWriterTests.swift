import Foundation
import XCTest
@testable import UnrollRecord

final class JSONWriterTests: XCTestCase {
    func testKeysAreSortedAndIndentedWithTwoSpaces() {
        let value = JSONValue.object([
            "zeta": .integer(1),
            "alpha": .array([.bool(true), .null, .string("x")]),
            "Beta": .object([:]),
            "empty": .array([]),
        ])
        XCTAssertEqual(
            JSONWriter.write(value),
            """
            {
              "Beta": {},
              "alpha": [
                true,
                null,
                "x"
              ],
              "empty": [],
              "zeta": 1
            }

            """)
    }

    func testDoublesUseShortestRoundTripText() {
        XCTAssertEqual(JSONValue.double(0.1), .number("0.1"))
        XCTAssertEqual(JSONValue.double(1.0), .number("1.0"))
        XCTAssertEqual(JSONValue.double(1e-5), .number("1e-05"))
        XCTAssertEqual(JSONValue.double(-2.5e20), .number("-2.5e+20"))
        XCTAssertEqual(JSONValue.double(Double(Float(0.1))), .number("0.10000000149011612"))
        XCTAssertEqual(Double("0.10000000149011612"), Double(Float(0.1)))
    }

    func testNonFiniteNumbersBecomeStrings() {
        XCTAssertEqual(JSONValue.double(.nan), .string("nan"))
        XCTAssertEqual(JSONValue.double(.infinity), .string("inf"))
        XCTAssertEqual(JSONValue.double(-.infinity), .string("-inf"))
        XCTAssertTrue(JSONValue.string("nan").doubleValue!.isNaN)
        XCTAssertEqual(JSONValue.string("-inf").doubleValue, -.infinity)
        XCTAssertNil(JSONValue.string("NaN").doubleValue)
    }

    func testStringEscapes() {
        XCTAssertEqual(JSONWriter.write(.array([.string("a\"b\\c\nd\te\u{01}"), .string("床前 </script>")])),
                       "[\n  " + #""a\"b\\c\nd\te\u0001""# + ",\n  \"床前 </script>\"\n]\n")
    }

    func testKeysSortByBytesNotLocale() {
        let value = JSONValue.object(["b": .null, "B": .null, "a": .null, "é": .null, "_": .null])
        let keys = JSONWriter.write(value).split(separator: "\n").dropFirst().dropLast().map {
            $0.trimmingCharacters(in: .whitespaces).prefix(3)
        }
        XCTAssertEqual(keys, ["\"B\"", "\"_\"", "\"a\"", "\"b\"", "\"é\""])
    }
}
