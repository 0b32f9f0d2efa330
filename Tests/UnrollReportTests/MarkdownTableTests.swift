import XCTest
@testable import UnrollReport

final class MarkdownTableTests: XCTestCase {
    func testRendersHeaderDelimiterAndRows() {
        let text = MarkdownTable.render(
            header: ["name", "value"], rows: [["a|b", "1"], ["<c>", "2.5"]], alignments: [.left, .right])
        XCTAssertEqual(text, "| name | value |\n| --- | ---: |\n| a\\|b | 1 |\n| \\<c\\> | 2.5 |\n")
    }

    func testEveryRowHasTheHeaderCellCount() {
        let text = MarkdownTable.render(header: ["", "x"], rows: [["r", "multi\nline"]])
        for line in text.split(separator: "\n") {
            let unescapedPipes = line.enumerated().filter { $0.element == "|" && (($0.offset == 0) || Array(line)[$0.offset - 1] != "\\") }
            XCTAssertEqual(unescapedPipes.count, 3, "row \(line)")
        }
        XCTAssertTrue(text.contains("| multi line |"))
    }
}
