import UnrollDiagnostics
import XCTest
@testable import UnrollNotebook

final class FrontMatterParserTests: XCTestCase {
    private func parse(_ text: String) -> FrontMatterParser.Result {
        FrontMatterParser(path: "nb.md").parse(SourceText(text))
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: "nb.md", line: line, column: column)
    }

    func testAllFields() {
        let result = parse("""
            ---
            title: Char LM
            seed: 7
            params:
              hidden: 64
              lr: 3e-3
              cell: LSTM
              bidirectional: false
              sizes: [16, 32]
            check:
              rtol: 1e-4
              atol: 0
            ---
            # Body

            """)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.frontMatter, FrontMatter(
            title: "Char LM", seed: 7,
            params: [
                Param(name: "hidden", value: .int(64), line: 5),
                Param(name: "lr", value: .double(0.003), line: 6),
                Param(name: "cell", value: .string("LSTM"), line: 7),
                Param(name: "bidirectional", value: .bool(false), line: 8),
                Param(name: "sizes", value: .list([.int(16), .int(32)]), line: 9),
            ],
            check: CheckTolerances(rtol: 1e-4, atol: 0), lines: 1...13))
        XCTAssertEqual(result.frontMatter.param("lr"), .double(0.003))
        XCTAssertNil(result.frontMatter.param("missing"))
    }

    func testParamsKeepFileOrder() {
        let result = parse("---\nparams:\n  zeta: 1\n  alpha: 2\n  mid: 3\n---\n")
        XCTAssertEqual(result.frontMatter.params.map(\.name), ["zeta", "alpha", "mid"])
    }

    func testNoFrontMatter() {
        XCTAssertEqual(parse("# Title\n---\n").frontMatter, FrontMatter())
        XCTAssertEqual(parse("").frontMatter, FrontMatter())
        XCTAssertEqual(FrontMatterParser.locate(in: SourceText("---\n\nText\n---\n")), .none, "blank second line: a rule")
    }

    func testEmptyFrontMatterAndDotsCloser() {
        let empty = parse("---\n---\nbody\n")
        XCTAssertEqual(empty.diagnostics, [])
        XCTAssertEqual(empty.frontMatter, FrontMatter(lines: 1...2))
        let dots = parse("---\ntitle: T\n...\nbody\n")
        XCTAssertEqual(dots.frontMatter.title, "T")
        XCTAssertEqual(dots.frontMatter.lines, 1...3)
    }

    func testUnclosedFrontMatter() {
        let result = parse("---\ntitle: T\n\nText\n")
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "front matter opened with '---' on line 1 is never closed; end it with a '---' line",
        ])
        XCTAssertEqual(result.diagnostics.first?.location, at(1, 1))
        XCTAssertNil(result.frontMatter.lines)
    }

    func testUnknownKeysSuggest() {
        let result = parse("---\ntitel: T\nparams: {}\nfoo: 1\n---\n")
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "unknown front matter key 'titel'; did you mean 'title'?",
            "unknown front matter key 'foo'; expected 'title', 'seed', 'params' or 'check'",
        ])
        XCTAssertEqual(result.diagnostics.map(\.location), [at(2, 1), at(4, 1)])
        XCTAssertEqual(result.diagnostics.first?.range.length, 5)
    }

    func testYAMLSyntaxErrorAtFileLine() {
        let result = parse("---\ntitle: T\nparams:\n  a: 1\n   b: 2\n---\n")
        XCTAssertEqual(result.diagnostics.count, 1)
        let diagnostic = result.diagnostics[0]
        XCTAssertTrue(diagnostic.message.hasPrefix("bad yaml in front matter: "), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("mapping values are not allowed"), diagnostic.message)
        XCTAssertEqual(diagnostic.location, at(5, 5))
    }

    func testUnclosedQuoteErrorIsInsideTheBlock() {
        let result = parse("---\ntitle: \"T\nseed: 1\n---\nbody\n")
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertTrue(result.diagnostics[0].message.hasPrefix("bad yaml in front matter: "))
        XCTAssertTrue((2...3).contains(result.diagnostics[0].location.line), "\(result.diagnostics[0])")
    }

    func testBadFieldTypes() {
        let result = parse("""
            ---
            title: [a]
            seed: 1.5
            params: 3
            check: {rtol: -1, atol: x, rtl: 1}
            ---

            """)
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "front matter 'title' must be a string",
            "front matter 'seed' must be a non-negative integer, got '1.5'",
            "front matter 'params' must be a mapping of names to values",
            "'check.rtol' must be a non-negative number, got '-1'",
            "'check.atol' must be a non-negative number, got 'x'",
            "unknown check setting 'rtl'; did you mean 'rtol'?",
        ])
        XCTAssertEqual(result.diagnostics.map(\.location), [
            at(2, 8), at(3, 7), at(4, 9), at(5, 15), at(5, 25), at(5, 28),
        ])
        XCTAssertEqual(result.frontMatter, FrontMatter(lines: 1...6))
    }

    func testNumericTitleAndIntegerTolerance() {
        let result = parse("---\ntitle: 2024\ncheck:\n  atol: 1\n---\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.frontMatter.title, "2024")
        XCTAssertEqual(result.frontMatter.check, CheckTolerances(rtol: nil, atol: 1))
    }

    func testBadParams() {
        let result = parse("""
            ---
            params:
              hidden: 64
              2fast: 1
              hidden: 32
              empty:
              nested: {a: 1}
              list: [1, ~]
            ---

            """)
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "param name '2fast' is not an identifier; use letters, digits and '_', not starting with a digit",
            "duplicate param 'hidden'; it is already declared on line 3",
            "param 'empty' has no value; give a number, string, bool or list",
            "param 'nested' cannot be a mapping; give a number, string, bool or list",
            "item 2 of param 'list' has no value; give a number, string, bool or list",
        ])
        XCTAssertEqual(result.diagnostics.map(\.location), [at(4, 3), at(5, 3), at(6, 9), at(7, 11), at(8, 13)])
        XCTAssertEqual(result.frontMatter.params, [Param(name: "hidden", value: .int(64), line: 3)])
    }

    func testDuplicateTopLevelKey() {
        let result = parse("---\nseed: 1\nseed: 2\n---\n")
        XCTAssertEqual(result.diagnostics.map(\.message), ["duplicate front matter key 'seed'; it is already given on line 2"])
        XCTAssertEqual(result.diagnostics.first?.location, at(3, 1))
        XCTAssertEqual(result.frontMatter.seed, 1)
    }

    func testTopLevelMustBeAMapping() {
        let result = parse("---\n- a\n- b\n---\n")
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "front matter must be a mapping of keys such as 'title', 'seed' and 'params'",
        ])
        XCTAssertEqual(result.diagnostics.first?.location, at(2, 1))
    }

    func testCRLFFrontMatter() {
        let result = parse("---\r\ntitle: T\r\nseed: 3\r\n---\r\nbody\r\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.frontMatter.title, "T")
        XCTAssertEqual(result.frontMatter.seed, 3)
        XCTAssertEqual(result.frontMatter.lines, 1...4)
    }

    func testUndefinedAliasIsADiagnosticNotACrash() {
        let result = parse("---\ntitle: T\nparams:\n  a: *nowhere\n---\n")
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(result.diagnostics.first?.message, "bad yaml in front matter: found undefined alias")
        XCTAssertEqual(result.diagnostics.first?.location.line, 4)
    }

    func testAliasedValueIsCopied() {
        let result = parse("---\nparams:\n  a: &n 3\n  b: *n\n---\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.frontMatter.params.map(\.value), [.int(3), .int(3)])
    }

    func testSeedForms() {
        XCTAssertEqual(parse("---\nseed: 0x10\n---\n").frontMatter.seed, 16)
        XCTAssertEqual(parse("---\nseed: -1\n---\n").diagnostics.map(\.message), [
            "front matter 'seed' must be a non-negative integer, got '-1'",
        ])
        XCTAssertEqual(parse("---\nseed: \"7\"\n---\n").diagnostics.map(\.message), [
            "front matter 'seed' must be a non-negative integer, got '7'",
        ])
    }
}
