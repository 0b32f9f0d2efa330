import UnrollDiagnostics
import XCTest
@testable import UnrollLanguage

final class ScopesTests: XCTestCase {
    private let here = SourceLocation(file: "f", line: 1, column: 1)

    func testLocalNamesDisappearWithTheirBody() {
        var scopes = Scopes()
        scopes.assign("a", type: .int, constant: .int(1), at: here)
        scopes.push()
        scopes.assign("b", type: .string, constant: nil, at: here)
        XCTAssertEqual(scopes.visibleNames, ["a", "b"])
        scopes.pop()
        XCTAssertNil(scopes.lookup("b"))
        XCTAssertEqual(scopes.globals, ["a": .int])
    }

    func testAssigningAnOuterNameInABodyWidensItAndForgetsItsValue() {
        var scopes = Scopes()
        scopes.assign("x", type: .int, constant: .int(1), at: here)
        scopes.push()
        scopes.assign("x", type: .float, constant: .float(2), at: here)
        scopes.pop()
        XCTAssertEqual(scopes.lookup("x")?.type, .number)
        XCTAssertNil(scopes.lookup("x")?.constant)
    }

    func testAssigningInTheSameScopeReplaces() {
        var scopes = Scopes()
        scopes.assign("x", type: .int, constant: .int(1), at: here)
        scopes.assign("x", type: .string, constant: .string("s"), at: SourceLocation(file: "f", line: 9, column: 1))
        XCTAssertEqual(scopes.lookup("x")?.type, .string)
        XCTAssertEqual(scopes.lookup("x")?.constant, .string("s"))
        XCTAssertEqual(scopes.lookup("x")?.location.line, 1, "the first definition is kept as the place")
    }

    func testLoopVariablesAreLocalEvenWhenTheNameExistsOutside() {
        var scopes = Scopes()
        scopes.assign("i", type: .string, constant: nil, at: here)
        scopes.push()
        scopes.defineLocal("i", Symbol(type: .int, constant: nil, location: here))
        XCTAssertEqual(scopes.lookup("i")?.type, .int)
        scopes.pop()
        XCTAssertEqual(scopes.lookup("i")?.type, .string)
    }
}
