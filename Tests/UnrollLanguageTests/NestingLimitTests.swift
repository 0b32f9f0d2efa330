import UnrollDiagnostics
import XCTest
@testable import UnrollLanguage

/// Deep and long input (issue 9, item 1): the parser reports one located error instead of overflowing the
/// stack, and everything up to the limit parses, checks, prints and compares.
final class NestingLimitTests: XCTestCase {
    private let limit = NestingLimit.depth

    private func parse(_ source: String) -> (Program, [Diagnostic]) {
        Parser.parse(source: source, file: "nb.md")
    }

    /// The one diagnostic `source` gives: its message identifier, line and column.
    private func onlyError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> (MessageID?, Int, Int) {
        let (_, problems) = parse(source)
        XCTAssertEqual(problems.count, 1, problems.map(\.description).joined(separator: "\n"), file: file, line: line)
        guard let first = problems.first else { return (nil, 0, 0) }
        return (first.id, first.location.line, first.location.column)
    }

    private var nesting: MessageID { SyntaxMessage.nestingTooDeep(limit: 0, token: "").id }
    private var chain: MessageID { SyntaxMessage.chainTooLong(link: "", limit: 0).id }

    /// Column (1-based) of the `n`th occurrence (1-based) of `needle` in `text`.
    private func column(of needle: Character, occurrence n: Int, in text: String) -> Int {
        var seen = 0
        for (i, c) in text.enumerated() where c == needle {
            seen += 1
            if seen == n { return i + 1 }
        }
        return -1
    }

    func testThousandNestedParenthesesIsOneLocatedError() {
        let line = "x = " + String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000)
        let (id, l, c) = onlyError(line)
        XCTAssertEqual(id, nesting)
        XCTAssertEqual(l, 1)
        // The value after `=` is level 1, so the expression inside parenthesis `limit` would be one too many:
        // the error is at the token where it starts.
        XCTAssertEqual(c, column(of: "(", occurrence: limit + 1, in: line))
    }

    func testLongSumsAreOneLocatedError() {
        for terms in [5_000, 20_000] {
            let line = "x = " + Array(repeating: "a", count: terms).joined(separator: " + ")
            let (id, l, c) = onlyError("a = 1\n" + line)
            XCTAssertEqual(id, chain)
            XCTAssertEqual(l, 2)
            XCTAssertEqual(c, column(of: "+", occurrence: limit, in: line), "\(terms) terms")
        }
    }

    func testFiveThousandUnaryMinusesIsOneLocatedError() {
        let (id, l, _) = onlyError("x = " + String(repeating: "-", count: 5_000) + "1")
        XCTAssertEqual(id, nesting)
        XCTAssertEqual(l, 1)
        let (notID, _, _) = onlyError("x = " + String(repeating: "not ", count: 5_000) + "true")
        XCTAssertEqual(notID, nesting)
    }

    func testTenThousandNestedBlocksListsAndRecordsAreOneLocatedError() {
        let blocks = String(repeating: "if true {\n", count: 10_000) + "print 1\n" + String(repeating: "}\n", count: 10_000)
        let (blockID, blockLine, _) = onlyError(blocks)
        XCTAssertEqual(blockID, nesting)
        XCTAssertEqual(blockLine, limit + 1)
        let (listID, _, listColumn) = onlyError("x = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        XCTAssertEqual(listID, nesting)
        XCTAssertEqual(listColumn, 4 + limit + 1)
        let (recordID, _, _) = onlyError("x = " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000))
        XCTAssertEqual(recordID, nesting)
    }

    /// The 100,000-link `else if` chain; the other links at 20,000, which is as far past the limit and
    /// takes the same path (the 100,000-link `and` and member chains run end to end in the CLI tests).
    func testLongLinkChainsAreOneLocatedError() {
        let elseIf = "x = 1\nif x == 0 {\n}" + String(repeating: " else if x == 0 {\n}", count: 100_000)
        let (elseID, elseLine, _) = onlyError(elseIf)
        XCTAssertEqual(elseID, chain)
        XCTAssertEqual(elseLine, 2 + limit - 1)
        let (andID, _, _) = onlyError("x = " + Array(repeating: "true", count: 20_000).joined(separator: " and "))
        XCTAssertEqual(andID, chain)
        let (memberID, _, _) = onlyError("x = [1]\ny = x" + String(repeating: ".count", count: 20_000))
        XCTAssertEqual(memberID, chain)
        let (callID, _, _) = onlyError("y = f" + String(repeating: "(1)", count: 20_000))
        XCTAssertEqual(callID, chain)
        let (indexID, _, _) = onlyError("y = x" + String(repeating: "[0]", count: 20_000))
        XCTAssertEqual(indexID, chain)
    }

    /// The excerpt under a located error on a 20,000-term line is a window around the caret, not the line.
    func testTheExcerptOfAVeryLongLineIsAWindowAroundTheCaret() {
        let source = "x = " + Array(repeating: "a", count: 20_000).joined(separator: " + ")
        let (_, problems) = parse(source)
        let lines = DiagnosticFormatter(source: source).format(problems).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 3)
        XCTAssertLessThanOrEqual(lines[1].count, 162)
        XCTAssertTrue(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
        let caret = Array(lines[2]).firstIndex(of: "^") ?? -1
        XCTAssertEqual(Array(lines[1])[caret], "+")
        // A short line is shown whole, as before.
        let short = DiagnosticFormatter(source: "x = (1").format(parse("x = (1").1)
        XCTAssertTrue(short.hasSuffix("\nx = (1\n      ^"), short)
    }

    func testLaterCellsStillParseAfterALongChain() {
        let (program, problems) = parse("x = " + Array(repeating: "1", count: 1_000).joined(separator: " + ") + "\ny = 2")
        XCTAssertEqual(problems.map(\.id), [chain])
        XCTAssertEqual(program.statements.count, 1)
    }

    /// The deepest forms the parser accepts: they parse, check, print back and compare without trouble.
    func testInputJustInsideTheLimitParsesChecksAndPrints() {
        let n = limit - 2
        let sources = [
            "x = " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n),
            "a = 1\nx = " + Array(repeating: "a", count: n).joined(separator: " + "),
            "x = " + String(repeating: "-", count: n) + "1",
            String(repeating: "if true {\n", count: n) + "print 1\n" + String(repeating: "}\n", count: n),
            "x = " + String(repeating: "[", count: n) + String(repeating: "]", count: n),
            "x = " + String(repeating: "{a: ", count: n) + "1" + String(repeating: "}", count: n),
            "x = 1\nif x == 0 {\n}" + String(repeating: " else if x == 0 {\n}", count: n - 2) + " else {\nprint 2\n}",
            "x = " + String(repeating: "str(", count: n) + "1" + String(repeating: ")", count: n),
        ]
        for source in sources {
            let (program, problems) = parse(source)
            XCTAssertEqual(problems, [], String(source.prefix(40)))
            XCTAssertLessThanOrEqual(program.statements.map(\.depth).max() ?? 0, limit)
            XCTAssertEqual(program, parse(source).0)
            for case .assign(_, let value) in program.statements.map(\.kind) { XCTAssertFalse(value.description.isEmpty) }
            let result = Checker(builtins: .standard).check(program)
            XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }, [], String(source.prefix(40)))
        }
    }

    func testElseIfChainKeepsItsShape() {
        let (program, problems) = parse("x = 1\nif x == 0 {\n} else if x == 1 {\nprint 1\n} else {\nprint 2\n}")
        XCTAssertEqual(problems, [])
        guard case .ifElse(_, _, let otherwise?) = program.statements[1].kind,
              case .ifElse(let inner, let then, let last?)? = otherwise.first?.kind else { return XCTFail("not an else-if") }
        XCTAssertEqual(inner.description, "x == 1")
        XCTAssertEqual(then.count, 1)
        XCTAssertEqual(last.count, 1)
        XCTAssertEqual(otherwise.first?.location.line, 3)
    }

    func testDepthIsKeptByTheNodes() {
        let a = Expr(.identifier("a"), range: SourceRange(start: SourceLocation(file: "nb.md", line: 1, column: 1)))
        var sum = a
        for _ in 0..<10 { sum = Expr(.binary(.add, sum, a), range: a.range) }
        XCTAssertEqual(sum.depth, 11)
        sum.kind = .unary(.negate, a)
        XCTAssertEqual(sum.depth, 2)
        XCTAssertEqual(Statement(.print([a, sum]), at: a.location).depth, 3)
    }

    /// A tree deeper than the limit that did not come from the parser is refused by the checker, not walked.
    func testCheckerRefusesATreeDeeperThanTheLimit() {
        let place = SourceLocation(file: "nb.md", line: 3, column: 1)
        var value = Expr(.integer(1), range: SourceRange(start: place))
        for _ in 0..<(limit + 1) { value = Expr(.unary(.negate, value), range: value.range) }
        let program = Program(statements: [Statement(.assign([Identifier("x", at: place)], value), at: place)])
        let result = Checker(builtins: .standard).check(program)
        XCTAssertEqual(result.diagnostics.map(\.id), [nesting])
        XCTAssertEqual(result.diagnostics.first?.location, place)
    }
}
