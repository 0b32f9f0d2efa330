import UnrollDiagnostics
import XCTest
@testable import UnrollLanguage

/// Issue 9, item 3: the checker's constant folding never traps; an overflow it can see is a located error.
final class IntegerOverflowTests: XCTestCase {
    private let min = "(0 - 9223372036854775807 - 1)"

    private func check(_ source: String) -> [Diagnostic] {
        let (program, problems) = Parser.parse(source: source, file: "nb.md")
        XCTAssertEqual(problems, [], source)
        return Checker(builtins: .standard).check(program).diagnostics.filter { $0.severity == .error }
    }

    func testRemainderAtTheEdgesFoldsExactly() {
        // The folded value is proved by indexing a one-element list with it: 0 is fine, anything else is not.
        XCTAssertEqual(check("x = \(min) % -1\ny = [5][x]"), [])
        XCTAssertEqual(check("x = 9223372036854775806 % 9223372036854775807\ny = [5][x - 9223372036854775806]"), [])
        XCTAssertEqual(check("x = \(min) % 9223372036854775807\ny = [5][x - 9223372036854775806]"), [])
        XCTAssertEqual(check("x = -7 % 3\ny = [5][x - 2]"), [])
        XCTAssertEqual(check("x = 7 % -3\ny = [5][x + 2]"), [])
    }

    func testOverflowingConstantsAreLocatedErrors() {
        let add = check("x = 1\ny = 9223372036854775807 + x")
        XCTAssertEqual(add.map(\.id), [ExpressionMessage.integerOverflow(op: "+").id])
        XCTAssertEqual(add.first?.arguments, ["+"])
        XCTAssertEqual(add.first?.location, SourceLocation(file: "nb.md", line: 2, column: 5))
        XCTAssertEqual(check("y = \(min) - 1").first?.arguments, ["-"])
        XCTAssertEqual(check("y = 4611686018427387904 * 2").first?.arguments, ["*"])
        let negate = check("y = -\(min)")
        XCTAssertEqual(negate.map(\.id), [ExpressionMessage.integerOverflow(op: "-").id])
        XCTAssertEqual(negate.first?.location.column, 5)
    }

    func testCountOfAFullWidthRangeIsALocatedError() {
        let diagnostics = check("r = \(min)...9223372036854775807\nn = r.count")
        XCTAssertEqual(diagnostics.map(\.id), [ExpressionMessage.rangeTooLarge(lower: 0, upper: 0, purpose: "").id])
        XCTAssertEqual(diagnostics.first?.arguments, ["-9223372036854775808", "9223372036854775807", "count"])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "nb.md", line: 2, column: 7))
        XCTAssertEqual(check("r = 0...9223372036854775807\nn = r.count").first?.arguments, ["0", "9223372036854775807", "count"])
        XCTAssertEqual(check("r = 1...9223372036854775807\nn = r.count\ny = [5][n - 9223372036854775807]"), [])
    }

    func testSharedArithmetic() {
        XCTAssertEqual(IntegerArithmetic.apply(.remainder, Int.min, -1), 0)
        XCTAssertEqual(IntegerArithmetic.apply(.remainder, Int.max - 1, Int.max), Int.max - 1)
        XCTAssertEqual(IntegerArithmetic.apply(.remainder, -1, Int.max), Int.max - 1)
        XCTAssertNil(IntegerArithmetic.apply(.add, Int.max, 1))
        XCTAssertNil(IntegerArithmetic.apply(.multiply, Int.min, -1))
        XCTAssertNil(IntegerArithmetic.negate(Int.min))
        XCTAssertNil(IntegerArithmetic.count(lower: Int.min, upper: Int.max))
        XCTAssertNil(IntegerArithmetic.count(lower: -1, upper: Int.max))
        XCTAssertEqual(IntegerArithmetic.count(lower: 0, upper: Int.max), nil)
        XCTAssertEqual(IntegerArithmetic.count(lower: 1, upper: Int.max), Int.max)
    }
}
