import XCTest
@testable import UnrollNotebook

final class NotebookTests: XCTestCase {
    func testCellsAndLookupByID() {
        let first = Cell(index: 0, id: "a", source: "x\n", fenceLine: 1, sourceLine: 2, endLine: 3, options: CellOptions(id: "a"))
        let second = Cell(index: 1, id: "cell-2", source: "", fenceLine: 7, sourceLine: 8, endLine: 8, options: CellOptions())
        let notebook = Notebook(path: "nb.md", frontMatter: FrontMatter(), blocks: [
            .cell(first),
            .prose(Prose(markdown: "t\n", html: "<p>t</p>\n", startLine: 5, endLine: 5)),
            .cell(second),
        ])
        XCTAssertEqual(notebook.cells, [first, second])
        XCTAssertEqual(notebook.cell(id: "cell-2"), second)
        XCTAssertNil(notebook.cell(id: "b"))
        XCTAssertEqual(notebook.blocks.map(\.line), [1, 5, 7])
    }

    func testDefaultIDIsOneBased() {
        XCTAssertEqual(Cell.defaultID(index: 0), "cell-1")
        XCTAssertEqual(Cell.defaultID(index: 9), "cell-10")
    }
}
