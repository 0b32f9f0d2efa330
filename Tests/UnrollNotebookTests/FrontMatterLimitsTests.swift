import UnrollDiagnostics
import XCTest
@testable import UnrollNotebook

/// Front matter too deep or too large for libyaml (issue 9, item 1) is refused with a located error before
/// Yams reads it; ordinary front matter is untouched.
final class FrontMatterLimitsTests: XCTestCase {
    private func parse(_ yaml: String) -> FrontMatterParser.Result {
        FrontMatterParser(path: "nb.md").parse(SourceText("---\n" + yaml + "\n---\n# Body\n"))
    }

    private func only(_ result: FrontMatterParser.Result, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        XCTAssertEqual(result.diagnostics.count, 1, "\(result.diagnostics)", file: file, line: line)
        return result.diagnostics.first
    }

    func testFiveThousandNestedBracketsAreOneLocatedError() {
        let diagnostic = only(parse("params:\n  x: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)))
        XCTAssertEqual(diagnostic?.message, "front matter nesting deeper than 64 at '['; flatten the value")
        // `params` and `x` are two levels, so the 63rd bracket (bracket k is at column 5 + k) is one too many.
        XCTAssertEqual(diagnostic?.location, SourceLocation(file: "nb.md", line: 3, column: 5 + 63))
    }

    func testNestedBracesAndDashesAreCounted() {
        let braces = only(parse("params:\n  x: " + String(repeating: "{a: ", count: 200) + "1" + String(repeating: "}", count: 200)))
        XCTAssertEqual(braces?.message, "front matter nesting deeper than 64 at '{'; flatten the value")
        let dashes = only(parse("params:\n  x:\n    " + String(repeating: "- ", count: 3_000) + "1"))
        XCTAssertEqual(dashes?.message, "front matter nesting deeper than 64 at '-'; flatten the value")
        XCTAssertEqual(dashes?.location.line, 4)
    }

    func testThreeThousandNestedKeysAreOneLocatedError() {
        // 3,000 keys indented one more space each: too large before it is too deep.
        let keys = (0..<3_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v"
        XCTAssertEqual(only(parse(keys))?.message, "front matter is larger than 65536 bytes; move large values into a data file")
        // 100 of them fit in the size and are too deep at the 65th key, on file line 66.
        let fewer = (0..<100).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v"
        let deep = only(parse(fewer))
        XCTAssertEqual(deep?.message, "front matter nesting deeper than 64 at 'k'; flatten the value")
        XCTAssertEqual(deep?.location, SourceLocation(file: "nb.md", line: 66, column: 65))
    }

    func testLargeFrontMatterIsRefused() {
        let diagnostic = only(parse("title: \"" + String(repeating: "a", count: 70_000) + "\""))
        XCTAssertEqual(diagnostic?.message, "front matter is larger than 65536 bytes; move large values into a data file")
        XCTAssertEqual(diagnostic?.location, SourceLocation(file: "nb.md", line: 2, column: 1))
    }

    func testBracketsInStringsAndCommentsAndModestNestingAreFine() {
        let result = parse("""
            title: "a [[[[ title \\" {{{{"
            seed: 3 # [[[[[[[[
            params:
              sizes: [[1, 2], [3, 4]]
              name: 'x [ y'
            """ + "\n  deep: " + String(repeating: "[", count: 60) + "1" + String(repeating: "]", count: 60))
        XCTAssertEqual(result.diagnostics.map(\.message).filter { $0.contains("front matter") }, [])
        XCTAssertEqual(result.frontMatter.title, "a [[[[ title \" {{{{")
        XCTAssertEqual(result.frontMatter.seed, 3)
    }

    /// The YAML "billion laughs" (the 552-byte bomb has the same shape): nine levels of nine aliases each,
    /// 9⁹ strings once expanded. Refused at its first anchor.
    static let billionLaughs = "params:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + "bcdefghi".map { level in
            let previous = Character(UnicodeScalar(level.asciiValue! - 1))
            return "  \(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }.joined()

    func testAnAliasBombIsOneLocatedErrorAtTheEntryThatPassesTheBound() {
        let bomb = only(parse(Self.billionLaughs))
        // a, b, c and d expand to 10 + 91 + 820 + 7,381 values with their keys; e (66,430 more) passes 10,000.
        XCTAssertEqual(bomb?.message, "front matter expands to more than 10000 values at 'e' (each YAML alias repeats "
            + "the value it names); write fewer values or fewer aliases")
        XCTAssertEqual(bomb?.location, SourceLocation(file: "nb.md", line: 7, column: 3))
        let list = "params:\n  x: &x [" + Array(repeating: "1", count: 200).joined(separator: ",") + "]\n  y: ["
            + Array(repeating: "*x", count: 60).joined(separator: ",") + "]"
        XCTAssertEqual(only(parse(list))?.location, SourceLocation(file: "nb.md", line: 4, column: 3))
    }

    func testAliasesWithinTheBoundStillWork() {
        let result = parse("params:\n  x: &x [1, 2, 3]\n  y: [*x, *x]\ntitle: &t T\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.frontMatter.params.map(\.value), [.list([.int(1), .int(2), .int(3)]),
                                                                .list([.list([.int(1), .int(2), .int(3)]), .list([.int(1), .int(2), .int(3)])])])
        XCTAssertEqual(FrontMatterLimits.count(.sequence([.scalar(.init("a")), .scalar(.init("b"))]), upTo: 100), 3)
    }
}
