import XCTest
@testable import UnrollNotebook

final class ParamOverridesTests: XCTestCase {
    private let params = [
        Param(name: "hidden", value: .int(64), line: 3),
        Param(name: "lr", value: .double(0.003), line: 4),
        Param(name: "cell", value: .string("LSTM"), line: 5),
        Param(name: "bidirectional", value: .bool(false), line: 6),
        Param(name: "sizes", value: .list([.int(16)]), line: 7),
    ]

    private func messages(_ overrides: [String]) -> [String] {
        do {
            _ = try ParamOverrides.apply(overrides, to: params)
            return []
        } catch let error as ParamOverrideError {
            return error.messages
        } catch {
            return ["unexpected \(error)"]
        }
    }

    func testOverridesKeepOrderAndTypes() throws {
        let result = try ParamOverrides.apply(
            ["lr=1", "hidden=128", "cell=123", "bidirectional=true", "sizes=[8, 0.5, x]"], to: params)
        XCTAssertEqual(result, [
            Param(name: "hidden", value: .int(128), line: 3),
            Param(name: "lr", value: .double(1), line: 4),
            Param(name: "cell", value: .string("123"), line: 5),
            Param(name: "bidirectional", value: .bool(true), line: 6),
            Param(name: "sizes", value: .list([.int(8), .double(0.5), .string("x")]), line: 7),
        ])
    }

    func testNoOverridesIsIdentity() throws {
        XCTAssertEqual(try ParamOverrides.apply([], to: params), params)
    }

    func testLaterOverrideWinsAndValueMayContainEquals() throws {
        let result = try ParamOverrides.apply(["hidden=1", "hidden=2", "cell=a=b"], to: params)
        XCTAssertEqual(result[0].value, .int(2))
        XCTAssertEqual(result[2].value, .string("a=b"))
    }

    func testDoubleFromExponentAndStringKeepsSpaces() throws {
        let result = try ParamOverrides.apply(["lr=1e-2", "cell=gated unit "], to: params)
        XCTAssertEqual(result[1].value, .double(0.01))
        XCTAssertEqual(result[2].value, .string("gated unit "))
    }

    func testMalformed() {
        XCTAssertEqual(messages(["hidden"]), ["malformed parameter override 'hidden'; write it as 'name=value'"])
        XCTAssertEqual(messages(["=3"]), ["malformed parameter override '=3'; write it as 'name=value'"])
    }

    func testUnknownNames() {
        XCTAssertEqual(messages(["hiden=3"]), ["unknown param 'hiden'; did you mean 'hidden'?"])
        XCTAssertEqual(messages(["depth=3"]), [
            "unknown param 'depth'; the notebook declares 'hidden', 'lr', 'cell', 'bidirectional', 'sizes'",
        ])
        XCTAssertThrowsError(try ParamOverrides.apply(["x=1"], to: [])) { error in
            XCTAssertEqual((error as? ParamOverrideError)?.messages, ["unknown param 'x'; the notebook declares no params"])
        }
    }

    func testMismatchedValues() {
        XCTAssertEqual(messages(["hidden=ten", "hidden=2.5", "lr=fast", "bidirectional=yes", "sizes=3", "hidden="]), [
            "param 'hidden' expects an integer; got 'ten'",
            "param 'hidden' expects an integer; got '2.5'",
            "param 'lr' expects a number; got 'fast'",
            "param 'bidirectional' expects a bool; got 'yes'",
            "param 'sizes' expects a list; got '3'",
            "param 'hidden' expects an integer; got ''",
        ])
        XCTAssertEqual(messages(["sizes=[1,"]), ["param 'sizes' expects a list; got '[1,'"])
        XCTAssertEqual(messages(["lr=.inf"]), ["param 'lr' expects a number; got '.inf'"])
    }

    func testErrorDescriptionListsEveryMessage() {
        let error = ParamOverrideError(messages: ["a", "b"])
        XCTAssertEqual(error.description, "a\nb")
    }
}
