import UnrollDiagnostics
import XCTest
@testable import UnrollLanguage

final class LexerTests: XCTestCase {
    private func lex(_ source: String, firstLine: Int = 1) -> ([Token], [Diagnostic]) {
        Lexer.tokenize(source: source, file: "nb.md", firstLine: firstLine)
    }

    private func kinds(_ source: String) -> [TokenKind] { lex(source).0.map(\.kind) }

    func testLocationsUseTheMarkdownLineAndUnicodeScalarColumns() {
        let (tokens, problems) = lex("x = \"床前明月光\" + y\nprint x", firstLine: 12)
        XCTAssertEqual(problems, [])
        let plus = tokens.first { $0.kind == .punctuation(.plus) }!
        // `x = ` is 4 scalars, the string 5 scalars between 2 quotes, then a space: `+` is the 13th scalar.
        XCTAssertEqual(plus.location, SourceLocation(file: "nb.md", line: 12, column: 13))
        let y = tokens.first { $0.text == "y" }!
        XCTAssertEqual(y.location.column, 15)
        let string = tokens.first { $0.kind == .string }!
        XCTAssertEqual(string.literal, .string("床前明月光"))
        XCTAssertEqual(string.length, 7)
        let print = tokens.first { $0.kind == .keyword(.print) }!
        XCTAssertEqual(print.location, SourceLocation(file: "nb.md", line: 13, column: 1))
    }

    func testCompoundAssignmentOperatorsAreOneTokenAndPlusPlusIsAHint() {
        XCTAssertEqual(kinds("n += 1 -= *= /="), [.identifier, .punctuation(.plusEqual), .integer, .punctuation(.minusEqual),
                                                  .punctuation(.starEqual), .punctuation(.slashEqual), .end])
        XCTAssertEqual(kinds("a=-1"), [.identifier, .punctuation(.equal), .punctuation(.minus), .integer, .end])
        XCTAssertEqual(Punctuation.plusEqual.compoundOperator, .add)
        XCTAssertNil(Punctuation.plus.compoundOperator)
        XCTAssertEqual(lex("n ++").1.map(\.message), ["unexpected '++'; write 'x += 1' to add one"])
    }

    func testColumnOffsetShiftsEveryColumn() {
        let (tokens, _) = Lexer.tokenize(source: "a = 1", file: "f", firstLine: 3, columnOffset: 4)
        XCTAssertEqual(tokens.map(\.location.column), [5, 7, 9, 10])
    }

    func testNumbers() {
        let (tokens, problems) = lex("3e-3 0.1 42 1E5 2.5e+2 7")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(tokens.dropLast().map(\.literal), [.float(0.003), .float(0.1), .int(42), .float(1e5), .float(250), .int(7)])
        XCTAssertEqual(tokens.dropLast().map(\.kind), [.float, .float, .integer, .float, .float, .integer])
    }

    func testRangeIsNotAFloat() {
        XCTAssertEqual(kinds("4...10"), [.integer, .punctuation(.ellipsis), .integer, .end])
        XCTAssertEqual(kinds("a.b"), [.identifier, .punctuation(.dot), .identifier, .end])
    }

    func testMalformedAndHugeNumbers() {
        let (_, problems) = lex("x = 1e\ny = 99999999999999999999\nz = 1e999")
        XCTAssertEqual(problems.map(\.description), [
            "nb.md:1:5: error: malformed number '1e'; expected digits after the exponent",
            "nb.md:2:5: error: integer '99999999999999999999' is too large",
            "nb.md:3:5: error: number '1e999' is too large",
        ])
    }

    func testStringEscapes() {
        let (tokens, problems) = lex(#""a\"b\\c\nd\te""#)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(tokens[0].literal, .string("a\"b\\c\nd\te"))
    }

    func testBadEscapeAndUnterminatedString() {
        let (tokens, problems) = lex("s = \"a\\qb\"\nt = \"open\nu = 1")
        XCTAssertEqual(problems.map(\.description), [
            "nb.md:1:7: error: unknown escape '\\q' in string; use '\\\\' for a backslash",
            "nb.md:2:5: error: unterminated string; add '\"' before the end of the line",
        ])
        // Lexing goes on after both problems.
        XCTAssertEqual(tokens.filter { $0.kind == .identifier }.map(\.text), ["s", "t", "u"])
    }

    func testKeywordsPunctuationAndComments() {
        XCTAssertEqual(kinds("fit lm on d { epochs: 3 } # train\n"), [
            .keyword(.fit), .identifier, .keyword(.on), .identifier, .punctuation(.leftBrace), .identifier,
            .punctuation(.colon), .integer, .punctuation(.rightBrace), .newline, .end,
        ])
        XCTAssertEqual(kinds("a<=b>=c==d!=e<f>g"), [
            .identifier, .punctuation(.lessEqual), .identifier, .punctuation(.greaterEqual), .identifier,
            .punctuation(.equalEqual), .identifier, .punctuation(.bangEqual), .identifier, .punctuation(.less),
            .identifier, .punctuation(.greater), .identifier, .end,
        ])
        XCTAssertEqual(lex("true false").0.dropLast().map(\.literal), [.bool(true), .bool(false)])
    }

    func testUnexpectedCharactersGetHints() {
        let (_, problems) = lex("a && b\nc ! d\ne = 'x'\nf = 1..2\ng = 床")
        XCTAssertEqual(problems.map(\.message), [
            "unexpected '&&'; use 'and'",
            "unexpected character '!'; use 'not' for negation",
            "unexpected character '''; strings use double quotes",
            "unexpected character '''; strings use double quotes",
            "unexpected '..'; use '...' for a range",
            "unexpected character '床'",
        ])
        XCTAssertEqual(problems.last?.location.column, 5)
    }

    func testEndTokenStaysOnTheLastLine() {
        let (tokens, _) = lex("a\nb\n", firstLine: 5)
        XCTAssertEqual(tokens.last?.kind, .end)
        XCTAssertEqual(tokens.last?.location.line, 6)
    }

    func testCarriageReturnsAreWhitespace() {
        XCTAssertEqual(kinds("a\r\nb"), [.identifier, .newline, .identifier, .end])
    }
}
