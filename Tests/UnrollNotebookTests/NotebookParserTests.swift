import UnrollDiagnostics
import XCTest
@testable import UnrollNotebook

final class NotebookParserTests: XCTestCase {
    /// The diagnostics `parse` throws for `source`, or an empty list (and a failure) when it does not throw.
    private func diagnostics(_ source: String, path: String = "nb.md") -> [Diagnostic] {
        do {
            _ = try NotebookParser.parse(path: path, source: source)
            XCTFail("expected diagnostics")
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    private let sample = """
        ---
        title: Reverse
        seed: 7
        params:
          hidden: 64
        ---
        # Reversing sequences

        Some *prose*.

        ```rnn id=data
        pairs = task.reverse(count: 10)
        ```

        ```python
        print("not run")
        ```

        More text.

        ```rnn echo=false
        fit mt on pairs
        ```

        """

    func testCellLinesWithFrontMatter() throws {
        let notebook = try NotebookParser.parse(path: "notebooks/rev.md", source: sample)
        XCTAssertEqual(notebook.path, "notebooks/rev.md")
        XCTAssertEqual(notebook.frontMatter.title, "Reverse")
        XCTAssertEqual(notebook.frontMatter.seed, 7)
        XCTAssertEqual(notebook.frontMatter.params, [Param(name: "hidden", value: .int(64), line: 5)])
        XCTAssertEqual(notebook.cells, [
            Cell(index: 0, id: "data", source: "pairs = task.reverse(count: 10)\n", fenceLine: 11, sourceLine: 12,
                 endLine: 13, options: CellOptions(id: "data")),
            Cell(index: 1, id: "cell-2", source: "fit mt on pairs\n", fenceLine: 21, sourceLine: 22,
                 endLine: 23, options: CellOptions(echo: false)),
        ])
        XCTAssertEqual(notebook.warnings, [])
    }

    func testBlocksInDocumentOrder() throws {
        let notebook = try NotebookParser.parse(path: "nb.md", source: sample)
        XCTAssertEqual(notebook.blocks.map(\.line), [7, 11, 15, 19, 21])
        XCTAssertEqual(notebook.blocks[0], .prose(Prose(
            markdown: "# Reversing sequences\n\nSome *prose*.\n",
            html: "<h1>Reversing sequences</h1>\n<p>Some <em>prose</em>.</p>\n", startLine: 7, endLine: 9)))
        XCTAssertEqual(notebook.blocks[2], .code(CodeBlock(
            language: "python", info: "python", code: "print(\"not run\")\n", isFenced: true, line: 15, endLine: 17)))
        XCTAssertEqual(notebook.blocks[3], .prose(Prose(
            markdown: "More text.\n", html: "<p>More text.</p>\n", startLine: 19, endLine: 19)))
        guard case .cell(let cell) = notebook.blocks[4] else { return XCTFail("expected a cell") }
        XCTAssertEqual(cell.id, "cell-2")
    }

    func testCRLFKeepsLineNumbersAndDropsCarriageReturns() throws {
        let crlf = sample.replacingOccurrences(of: "\n", with: "\r\n")
        let notebook = try NotebookParser.parse(path: "nb.md", source: crlf)
        XCTAssertEqual(notebook.cells.map(\.fenceLine), [11, 21])
        XCTAssertEqual(notebook.cells.map(\.source), ["pairs = task.reverse(count: 10)\n", "fit mt on pairs\n"])
        XCTAssertEqual(notebook, try NotebookParser.parse(path: "nb.md", source: sample))
    }

    func testProseHTMLIsSafe() throws {
        let source = "Hi <script>alert(1)</script> [x](javascript:alert(1))\n\n<script>evil()</script>\n\n```rnn\nx\n```\n"
        let notebook = try NotebookParser.parse(path: "nb.md", source: source)
        guard case .prose(let prose) = notebook.blocks.first else { return XCTFail("expected prose first") }
        XCTAssertFalse(prose.html.contains("<script"), prose.html)
        XCTAssertFalse(prose.html.contains("javascript"), prose.html)
        XCTAssertTrue(prose.html.contains("<a href=\"\">x</a>"), prose.html)
        XCTAssertEqual(prose.markdown, "Hi <script>alert(1)</script> [x](javascript:alert(1))\n\n<script>evil()</script>\n")
    }

    func testNotebookWithoutCells() throws {
        let notebook = try NotebookParser.parse(path: "nb.md", source: "# Only prose\n\nand a rule\n\n---\n")
        XCTAssertEqual(notebook.cells, [])
        XCTAssertEqual(notebook.blocks.count, 1)
        XCTAssertEqual(notebook.frontMatter, FrontMatter())
    }

    func testEmptyNotebook() throws {
        let notebook = try NotebookParser.parse(path: "nb.md", source: "")
        XCTAssertEqual(notebook.blocks, [])
        XCTAssertEqual(try NotebookParser.parse(path: "nb.md", source: "---\nseed: 1\n---\n").blocks, [])
    }

    func testEmptyCellBody() throws {
        let notebook = try NotebookParser.parse(path: "nb.md", source: "Text\n\n```rnn id=empty\n```\n")
        XCTAssertEqual(notebook.cells, [
            Cell(index: 0, id: "empty", source: "", fenceLine: 3, sourceLine: 4, endLine: 4,
                 options: CellOptions(id: "empty")),
        ])
    }

    func testUnterminatedFenceRunsToEnd() throws {
        let notebook = try NotebookParser.parse(path: "nb.md", source: "Intro\n\n```rnn\nx = 1\n\ny = 2\n\n\n")
        XCTAssertEqual(notebook.blocks.count, 2)
        let cell = try XCTUnwrap(notebook.cells.first)
        XCTAssertEqual(cell.fenceLine, 3)
        XCTAssertEqual(cell.sourceLine, 4)
        XCTAssertEqual(cell.endLine, 6)
        XCTAssertTrue(cell.source.hasPrefix("x = 1\n\ny = 2\n"), cell.source)
    }

    func testTildeFenceIndentedFenceAndIndentedCode() throws {
        let source = "  ~~~rnn id=t\n  a\n  ~~~\n\n    indented rnn-looking code\n\n````\nbare\n````\n"
        let notebook = try NotebookParser.parse(path: "nb.md", source: source)
        XCTAssertEqual(notebook.cells.map(\.id), ["t"])
        XCTAssertEqual(notebook.cells.first?.source, "a\n")
        XCTAssertEqual(notebook.blocks, [
            .cell(notebook.cells[0]),
            .code(CodeBlock(language: "", info: "", code: "indented rnn-looking code\n", isFenced: false, line: 5, endLine: 5)),
            .code(CodeBlock(language: "", info: "", code: "bare\n", isFenced: true, line: 7, endLine: 9)),
        ])
    }

    func testOptionErrorsHaveFileLocations() {
        let found = diagnostics("---\ntitle: T\n---\n\n```rnn id=a timout=5\nx\n```\n")
        XCTAssertEqual(found.map(\.description), ["nb.md:5:13: error: unknown cell option 'timout'; did you mean 'timeout'?"])
        XCTAssertEqual(DiagnosticFormatter(source: "---\ntitle: T\n---\n\n```rnn id=a timout=5\n").format(found[0]), """
            nb.md:5:13: error: unknown cell option 'timout'; did you mean 'timeout'?
            ```rnn id=a timout=5
                        ^~~~~~
            """)
    }

    func testDuplicateIDs() {
        let found = diagnostics("```rnn id=train\na\n```\n\n```rnn id=train\nb\n```\n\n```rnn\nc\n```\n\n```rnn id=cell-3\nd\n```\n")
        XCTAssertEqual(found.map(\.description), [
            "nb.md:5:11: error: duplicate cell id 'train'; the cell on line 1 already uses it; pick another id",
            "nb.md:13:11: error: duplicate cell id 'cell-3'; the cell on line 9 already uses it; pick another id",
        ])
    }

    func testDefaultIDCollidingWithExplicitOne() {
        let found = diagnostics("```rnn id=cell-2\na\n```\n\n```rnn\nb\n```\n")
        XCTAssertEqual(found.map(\.description), [
            "nb.md:5:1: error: duplicate cell id 'cell-2'; the cell on line 1 already uses it; give this cell its own 'id='",
        ])
    }

    func testEveryProblemIsReportedInLineOrder() {
        let source = "---\nseeed: 1\n---\n\n```rnn eval=no\n```\n\n```rnn check=lose\n```\n"
        XCTAssertEqual(diagnostics(source, path: "dir/x.md").map(\.description), [
            "dir/x.md:2:1: error: unknown front matter key 'seeed'; did you mean 'seed'?",
            "dir/x.md:5:13: error: bad value 'no' for 'eval'; expected 'true' or 'false'",
            "dir/x.md:8:14: error: bad value 'lose' for 'check'; did you mean 'loose'?",
        ])
    }

    func testYAMLErrorUsesFileLine() {
        let found = diagnostics("---\ntitle: a: b\n---\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.line, 2)
        XCTAssertTrue(found.first?.message.hasPrefix("bad yaml in front matter: ") ?? false)
    }

    func testWarningsForNestedAndMiscasedCells() throws {
        let source = "- item\n\n  ```rnn\n  x\n  ```\n\n```RNN\ny\n```\n"
        let notebook = try NotebookParser.parse(path: "nb.md", source: source)
        XCTAssertEqual(notebook.cells, [])
        XCTAssertEqual(notebook.warnings.map(\.description), [
            "nb.md:3:3: warning: 'rnn' block inside a list or block quote does not run; move it to the top level",
            "nb.md:7:4: warning: code block language 'RNN' is not 'rnn', so it does not run; write 'rnn' to run it",
        ])
        XCTAssertEqual(notebook.blocks.map(\.line), [1, 7])
    }

    func testWarningsTravelWithErrors() {
        let found = diagnostics("```RNN\n```\n\n```rnn bad\n```\n")
        XCTAssertEqual(found.map(\.severity), [.warning, .error])
    }

    func testReferenceDefinitionBetweenCellsStaysInProse() throws {
        let source = "```rnn\na\n```\n\n[site]: https://example.org\n\n```rnn\nb\n```\n\nSee [site].\n"
        let notebook = try NotebookParser.parse(path: "nb.md", source: source)
        XCTAssertEqual(notebook.blocks.count, 4)
        XCTAssertEqual(notebook.blocks[1], .prose(Prose(
            markdown: "[site]: https://example.org\n", html: "", startLine: 5, endLine: 5)))
        XCTAssertEqual(notebook.blocks[3], .prose(Prose(
            markdown: "See [site].\n", html: "<p>See <a href=\"https://example.org\">site</a>.</p>\n",
            startLine: 11, endLine: 11)))
    }

    func testSameInputSameOutput() throws {
        XCTAssertEqual(try NotebookParser.parse(path: "a.md", source: sample), try NotebookParser.parse(path: "a.md", source: sample))
    }
}
