import UnrollDiagnostics
import XCTest
@testable import UnrollNotebook

final class CellOptionsParserTests: XCTestCase {
    /// Parses the options of fence line `line` (placed on file line 7 of `nb.md`).
    private func parse(_ line: String) throws -> CellOptionsParser.Result {
        let fence = try XCTUnwrap(FenceLine(line))
        return CellOptionsParser(path: "nb.md").parse(Array(fence.words.dropFirst()), line: 7)
    }

    private func location(_ column: Int) -> SourceLocation {
        SourceLocation(file: "nb.md", line: 7, column: column)
    }

    func testDefaults() throws {
        let result = try parse("```rnn")
        XCTAssertEqual(result.options, CellOptions())
        XCTAssertTrue(result.options.eval)
        XCTAssertTrue(result.options.echo)
        XCTAssertNil(result.options.timeout)
        XCTAssertNil(result.idLocation)
        XCTAssertEqual(result.diagnostics, [])
    }

    func testEveryOption() throws {
        let result = try parse("```rnn id=train_1-b eval=false echo=false timeout=120.5 check=loose rtol=1e-4 atol=0")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.options, CellOptions(
            id: "train_1-b", eval: false, echo: false, timeout: 120.5, check: .loose, rtol: 1e-4, atol: 0))
        XCTAssertEqual(result.idLocation, location(11))
    }

    func testCheckModes() throws {
        XCTAssertEqual(try parse("```rnn check=exact").options.check, .exact)
        XCTAssertEqual(try parse("```rnn check=ignore").options.check, .ignore)
        XCTAssertEqual(try parse("```rnn eval=true echo=true").options, CellOptions())
    }

    func testUnknownOptionSuggestsClosest() throws {
        let result = try parse("```rnn id=a timout=5")
        XCTAssertEqual(result.diagnostics.map(\.message), ["unknown cell option 'timout'; did you mean 'timeout'?"])
        XCTAssertEqual(result.diagnostics.first?.location, location(13))
        XCTAssertEqual(result.diagnostics.first?.range.length, 6)
        XCTAssertEqual(result.options.id, "a")
    }

    func testUnknownOptionWithoutSuggestionListsNames() throws {
        let result = try parse("```rnn colour=red")
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "unknown cell option 'colour'; expected one of 'id', 'eval', 'echo', 'timeout', 'check', 'rtol', 'atol'",
        ])
        XCTAssertEqual(result.diagnostics.first?.location, location(8))
    }

    func testWordWithoutValue() throws {
        let result = try parse("```rnn eval evl")
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "cell option 'eval' needs a value, as in 'eval=false'",
            "unknown cell option 'evl'; did you mean 'eval'?",
        ])
        XCTAssertEqual(result.diagnostics.map(\.location), [location(8), location(13)])
    }

    func testOptionWithoutName() throws {
        let result = try parse("```rnn =5")
        XCTAssertEqual(result.diagnostics.map(\.message), ["cell option '=5' has no name; write 'name=value'"])
        XCTAssertEqual(result.diagnostics.first?.location, location(8))
    }

    func testBadValuesPointAtTheValue() throws {
        let result = try parse("```rnn eval=yes echo=1 timeout=-3 check=lose rtol=x atol=nan id=a.b")
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "bad value 'yes' for 'eval'; expected 'true' or 'false'",
            "bad value '1' for 'echo'; expected 'true' or 'false'",
            "bad value '-3' for 'timeout'; expected a positive number of seconds",
            "bad value 'lose' for 'check'; did you mean 'loose'?",
            "bad value 'x' for 'rtol'; expected a non-negative number",
            "bad value 'nan' for 'atol'; expected a non-negative number",
            "bad cell id 'a.b'; use only letters, digits, '_' and '-'",
        ])
        XCTAssertEqual(result.diagnostics.map(\.location.column), [13, 22, 32, 41, 51, 58, 65])
        XCTAssertEqual(result.diagnostics.map(\.range.length), [3, 1, 2, 4, 1, 3, 3])
        XCTAssertEqual(result.options, CellOptions())
        XCTAssertNil(result.idLocation)
    }

    func testCheckValueFarFromAnyMode() throws {
        let result = try parse("```rnn check=strict")
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "bad value 'strict' for 'check'; expected 'exact', 'loose' or 'ignore'",
        ])
    }

    func testEmptyValues() throws {
        let result = try parse("```rnn id= timeout=0")
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "cell option 'id' needs a value, as in 'id=train'",
            "bad value '0' for 'timeout'; expected a positive number of seconds",
        ])
        XCTAssertEqual(result.diagnostics.map(\.location.column), [8, 20])
    }

    func testDuplicateOption() throws {
        let result = try parse("```rnn timeout=5 timeout=6")
        XCTAssertEqual(result.diagnostics.map(\.message), ["cell option 'timeout' is given twice; keep one"])
        XCTAssertEqual(result.diagnostics.first?.location, location(18))
        XCTAssertEqual(result.options.timeout, 5)
    }
}
