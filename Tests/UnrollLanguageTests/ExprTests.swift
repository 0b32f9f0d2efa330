import XCTest
@testable import UnrollLanguage

final class ExprTests: XCTestCase {
    private func expression(_ source: String) -> Expr {
        let (program, problems) = Parser.parse(source: "x = " + source, file: "f")
        XCTAssertEqual(problems, [], source)
        guard case .assign(_, let value)? = program.statements.first?.kind else {
            XCTFail(source)
            return Expr(.invalid, range: .init(start: .init(file: "f", line: 1, column: 1)))
        }
        return value
    }

    func testPrintsCanonicalSourceWithMinimalParentheses() {
        let cases = [
            ("(a + b) * c", "(a + b) * c"),
            ("a + (b * c)", "a + b * c"),
            ("a - (b - c)", "a - (b - c)"),
            ("(a - b) - c", "a - b - c"),
            ("-(a + b)", "-(a + b)"),
            ("not (a and b)", "not (a and b)"),
            ("(a < b) == c", "(a < b) == c"),
            ("(1 + 2)...(3 * 4)", "1 + 2...3 * 4"),
            ("f(x, lr:3e-3)[0].y", "f(x, lr: 0.003)[0].y"),
            ("{a:1,b:[1,2]}", "{ a: 1, b: [1, 2] }"),
            ("params.hidden + \"床\\n\"", "params.hidden + \"床\\n\""),
            ("(a.b)(c)", "a.b(c)"),
            ("(-a).b", "(-a).b"),
        ]
        for (source, printed) in cases {
            XCTAssertEqual(expression(source).description, printed, source)
        }
    }

    func testPrintedSourceParsesToTheSameTree() {
        for source in ["a or b and not c == d", "-(x % 3) / 2 + y.z[-1]", "1...n - 1", "not -a < b"] {
            let once = expression(source)
            let twice = expression(once.description)
            XCTAssertEqual(twice.description, once.description, source)
        }
    }

    func testComparisonAccessor() {
        XCTAssertEqual(expression("a.b <= 3").comparison?.op, .lessEqual)
        XCTAssertNil(expression("a + 3").comparison)
        XCTAssertNil(expression("a < 3 and b").comparison)
    }
}
