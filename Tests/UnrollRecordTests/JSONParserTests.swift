import XCTest
@testable import UnrollRecord

final class JSONParserTests: XCTestCase {
    func testParsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#" { "a": [1, -0.5e3, true, false, null], "b": "x\u00e9\ud83d\ude00\n" } "#)
        XCTAssertEqual(
            value,
            .object([
                "a": .array([.number("1"), .number("-0.5e3"), .bool(true), .bool(false), .null]),
                "b": .string("xé😀\n"),
            ]))
    }

    func testWriteThenParseIsIdentity() throws {
        let value = JSONValue.object([
            "text": .string("line\none \"quoted\" \\ tab\t \u{7f} 床"),
            "numbers": .array([.double(0.1), .double(-0.0), .double(1e300), .integer(UInt64.max)]),
            "nested": .object(["deep": .array([.array([]), .object([:])])]),
        ])
        let text = JSONWriter.write(value)
        XCTAssertEqual(try JSONParser.parse(text), value)
        XCTAssertEqual(JSONWriter.write(try JSONParser.parse(text)), text)
    }

    func testSyntaxErrorsReportLineAndColumn() {
        XCTAssertThrowsError(try JSONParser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}")) { error in
            XCTAssertEqual(error as? JSONSyntaxError, JSONSyntaxError(line: 3, column: 7, message: "unexpected '2'; expected ':'"))
        }
        XCTAssertThrowsError(try JSONParser.parse("[1, 2")) { error in
            XCTAssertEqual((error as? JSONSyntaxError)?.message, "unexpected end of input; expected ',' or ']'")
        }
    }

    func testRejectsInvalidDocuments() {
        let bad = [
            "", "01", "1.", ".5", "-", "1e", "[1,]", "{\"a\":1,}", "\"abc", "\"a\u{01}\"", "tru", "nul",
            "{\"a\":1,\"a\":2}", "\"\\x\"", "\"\\ud800\"", "1 2", "{1:2}", "NaN",
        ]
        for text in bad {
            XCTAssertThrowsError(try JSONParser.parse(text), "accepted \(text.debugDescription)")
        }
        XCTAssertThrowsError(try JSONParser.parse([0x22, 0xff, 0x22]), "accepted invalid utf-8")
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try JSONParser.parse(deep)) { error in
            XCTAssertEqual((error as? JSONSyntaxError)?.message, "nesting deeper than 256 levels")
        }
        XCTAssertNoThrow(try JSONParser.parse(String(repeating: "[", count: 200) + String(repeating: "]", count: 200)))
    }

    func testNumbersKeepTheirText() throws {
        XCTAssertEqual(try JSONParser.parse("18446744073709551615").integerValue(as: UInt64.self), UInt64.max)
        XCTAssertEqual(try JSONParser.parse("3.0").integerValue(as: Int.self), nil)
        XCTAssertEqual(try JSONParser.parse("1E+2").doubleValue, 100)
    }
}
