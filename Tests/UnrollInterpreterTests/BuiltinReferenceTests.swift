import Foundation
import XCTest
import UnrollInterpreter
@testable import UnrollLanguage

/// Keeps `docs/language.md` in step with the language: its builtin reference is generated from the
/// catalog (run with `UNROLL_UPDATE_DOCS=1` to rewrite it), and its `rnn` examples must check cleanly.
final class BuiltinReferenceTests: XCTestCase {
    static let begin = "<!-- BEGIN BUILTIN REFERENCE: generated from the catalog by BuiltinReferenceTests; do not edit -->"
    static let end = "<!-- END BUILTIN REFERENCE -->"

    private var docURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/language.md")
    }

    private func document() throws -> String { try String(contentsOf: docURL, encoding: .utf8) }

    func testReferenceInTheDocumentIsUpToDate() throws {
        let doc = try document()
        let begin = try XCTUnwrap(doc.range(of: Self.begin), "missing begin marker")
        let end = try XCTUnwrap(doc.range(of: Self.end), "missing end marker")
        let current = String(doc[begin.upperBound..<end.lowerBound])
        let generated = "\n\n" + BuiltinReference.markdown(BuiltinLibrary.standard.catalog) + "\n"
        if current != generated, ProcessInfo.processInfo.environment["UNROLL_UPDATE_DOCS"] == "1" {
            let updated = String(doc[..<begin.upperBound]) + generated + String(doc[end.lowerBound...])
            try updated.write(to: docURL, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(current, generated, "docs/language.md is out of date; rerun the tests with UNROLL_UPDATE_DOCS=1")
    }

    func testReferenceHasEveryBuiltin() {
        let reference = BuiltinReference.markdown(BuiltinLibrary.standard.catalog)
        for f in BuiltinLibrary.standard.catalog.functions { XCTAssertTrue(reference.contains("#### `\(f.name)("), f.name) }
        for m in BuiltinLibrary.standard.catalog.members { XCTAssertTrue(reference.contains("| `.\(m.name)"), m.qualifiedName) }
        for o in BuiltinLibrary.standard.catalog.statementOptions {
            for p in o.parameters ?? [] { XCTAssertTrue(reference.contains("| `\(p.name):` |"), "\(o.name) \(p.name)") }
        }
        XCTAssertTrue(reference.contains(#"#### `text(path, tokens: "char", min_freq: 1, lowercase: false) → Corpus`"#))
        XCTAssertTrue(reference.contains(#"| `dropout:` | float | 0.0 | in [0, 1) | dropout between stacked layers |"#))
    }

    func testEveryKeywordAndOperatorIsDocumented() throws {
        let doc = try document()
        for keyword in Keyword.allCases { XCTAssertTrue(doc.contains("`\(keyword.rawValue)`"), keyword.rawValue) }
        for p in Punctuation.allCases { XCTAssertTrue(doc.contains("`\(p.rawValue)`"), p.rawValue) }
    }

    /// The document's `rnn` blocks, read as the cells of one notebook with params `hidden` and `epochs`,
    /// check without a single diagnostic.
    func testExamplesInTheDocumentCheckCleanly() throws {
        let lines = try document().split(separator: "\n", omittingEmptySubsequences: false)
        var cells: [CellSource] = []
        var current: [Substring]?
        var start = 0
        for (i, line) in lines.enumerated() {
            if current == nil, line == "```rnn" {
                current = []
                start = i + 2
            } else if current != nil, line == "```" {
                cells.append(CellSource(source: current!.joined(separator: "\n"), firstLine: start))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        XCTAssertGreaterThanOrEqual(cells.count, 10)
        let analysis = Analysis(cells: cells, file: "docs/language.md", params: ["hidden": .int(32), "epochs": .int(2)],
                                builtins: BuiltinLibrary.standard.catalog)
        XCTAssertEqual(analysis.diagnostics.map(\.description), [])
    }
}
