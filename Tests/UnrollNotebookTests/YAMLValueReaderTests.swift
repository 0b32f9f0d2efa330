import XCTest
import Yams
@testable import UnrollNotebook

final class YAMLValueReaderTests: XCTestCase {
    func testPlainScalarsUseTheCoreSchema() {
        XCTAssertEqual(YAMLValueReader.classify(plain: "42"), .int(42))
        XCTAssertEqual(YAMLValueReader.classify(plain: "-7"), .int(-7))
        XCTAssertEqual(YAMLValueReader.classify(plain: "010"), .int(10))
        XCTAssertEqual(YAMLValueReader.classify(plain: "0x1F"), .int(31))
        XCTAssertEqual(YAMLValueReader.classify(plain: "0o17"), .int(15))
        XCTAssertEqual(YAMLValueReader.classify(plain: "99999999999999999999"), .intOverflow)
        XCTAssertEqual(YAMLValueReader.classify(plain: "3e-3"), .double(0.003))
        XCTAssertEqual(YAMLValueReader.classify(plain: "1."), .double(1))
        XCTAssertEqual(YAMLValueReader.classify(plain: ".5"), .double(0.5))
        XCTAssertEqual(YAMLValueReader.classify(plain: "-.inf"), .double(-.infinity))
        XCTAssertEqual(YAMLValueReader.classify(plain: "True"), .bool(true))
        XCTAssertEqual(YAMLValueReader.classify(plain: "false"), .bool(false))
        XCTAssertEqual(YAMLValueReader.classify(plain: "~"), .null)
        XCTAssertEqual(YAMLValueReader.classify(plain: ""), .null)
        XCTAssertEqual(YAMLValueReader.classify(plain: "no"), .string("no"))
        XCTAssertEqual(YAMLValueReader.classify(plain: "on"), .string("on"))
        XCTAssertEqual(YAMLValueReader.classify(plain: "2024-01-02"), .string("2024-01-02"))
        XCTAssertEqual(YAMLValueReader.classify(plain: "1:30"), .string("1:30"))
        XCTAssertEqual(YAMLValueReader.classify(plain: "1e"), .string("1e"))
        XCTAssertEqual(YAMLValueReader.classify(plain: "."), .string("."))
        XCTAssertEqual(YAMLValueReader.classify(plain: "abc"), .string("abc"))
    }

    func testQuotedAndTaggedScalarsAreStrings() throws {
        let node = try XCTUnwrap(try Yams.compose(yaml: "a: \"5\"\nb: '1.5'\nc: !!str true\nd: 5\n"))
        let values = try XCTUnwrap(node.mapping).map { YAMLValueReader.classify(try! XCTUnwrap($0.value.scalar)) }
        XCTAssertEqual(values, [.string("5"), .string("1.5"), .string("true"), .int(5)])
    }

    func testParamValues() throws {
        let node = try XCTUnwrap(try Yams.compose(yaml: "[1, 2.5, x, true, [3]]"))
        XCTAssertEqual(
            try YAMLValueReader.paramValue(node, what: "param 'p'").get(),
            .list([.int(1), .double(2.5), .string("x"), .bool(true), .list([.int(3)])]))
    }

    func testParamValueProblems() throws {
        func problem(_ yaml: String) throws -> YAMLValueReader.Problem? {
            let node = try XCTUnwrap(try Yams.compose(yaml: yaml))
            if case .failure(let problem) = YAMLValueReader.paramValue(node, what: "param 'p'") { return problem }
            return nil
        }
        XCTAssertEqual(try problem("{a: 1}")?.message, "param 'p' cannot be a mapping; give a number, string, bool or list")
        XCTAssertEqual(try problem(".nan")?.message, "param 'p' must be a finite number, got '.nan'")
        XCTAssertEqual(try problem("123456789012345678901")?.message,
                       "param 'p' is too large for an integer: '123456789012345678901'")
        let nested = try problem("[1,\n  ~]")
        XCTAssertEqual(nested?.message, "item 2 of param 'p' has no value; give a number, string, bool or list")
        XCTAssertEqual(nested?.line, 2)
        XCTAssertEqual(nested?.column, 3)
    }
}
