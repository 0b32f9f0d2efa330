import Foundation
import UnrollSettings
import XCTest

final class ParamValueTests: XCTestCase {
    private func json(_ value: ParamValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func decode(_ text: String) throws -> ParamValue {
        try JSONDecoder().decode(ParamValue.self, from: Data(text.utf8))
    }

    func testEncodesAsPlainJSON() throws {
        XCTAssertEqual(try json(.int(64)), "64")
        XCTAssertEqual(try json(.double(0.5)), "0.5")
        XCTAssertEqual(try json(.string("LSTM")), "\"LSTM\"")
        XCTAssertEqual(try json(.bool(true)), "true")
        XCTAssertEqual(try json(.list([.int(1), .string("a"), .list([])])), "[1,\"a\",[]]")
    }

    func testRoundTrips() throws {
        let values: [ParamValue] = [
            .int(-3), .double(2.5), .string("x y"), .bool(false), .list([.double(0.25), .bool(true)]),
        ]
        for value in values {
            XCTAssertEqual(try decode(try json(value)), value)
        }
    }

    func testIntegralDoubleComesBackAsInt() throws {
        XCTAssertEqual(try decode(try json(.double(2))), .int(2))
        XCTAssertEqual(try decode(try json(.double(2))).numberValue, 2)
    }

    func testDecodeRejectsObjectsAndNull() {
        XCTAssertThrowsError(try decode("{\"a\": 1}"))
        XCTAssertThrowsError(try decode("null"))
    }

    func testNumberValueAndDescription() {
        XCTAssertEqual(ParamValue.int(3).numberValue, 3)
        XCTAssertEqual(ParamValue.double(0.1).numberValue, 0.1)
        XCTAssertNil(ParamValue.string("3").numberValue)
        XCTAssertEqual(ParamValue.list([.int(1), .double(0.1), .string("a\"b"), .bool(false)]).description,
                       "[1, 0.1, \"a\\\"b\", false]")
        XCTAssertEqual(ParamValue.string("line\none\t").description, #""line\none\t""#)
        XCTAssertEqual(ParamValue.double(3e-3).description, "0.003")
        XCTAssertEqual(ParamValue.bool(true).kindDescription, "a bool")
    }
}
