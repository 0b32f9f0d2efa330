import XCTest
import UnrollData
import UnrollTestSupport

final class CSVTableTests: XCTestCase {
    func testQuotesDoubledQuotesCommasAndNewlinesInsideQuotes() throws {
        let text = "text,label\n\"Hello, \"\"world\"\"\",ham\n\"two\nlines\",spam\r\nplain,ham\n,empty\n"
        let table = try CSVTable(parsing: text, name: "t.csv")
        XCTAssertEqual(table.header, ["text", "label"])
        XCTAssertEqual(table.rows, [["Hello, \"world\"", "ham"], ["two\nlines", "spam"], ["plain", "ham"],
                                    ["", "empty"]])
        XCTAssertEqual(table.lines, [2, 3, 5, 6])
    }

    func testCRLFNoFinalNewlineBlankLinesAndHeaderSpaces() throws {
        let table = try CSVTable(parsing: " a , b\r\n\r\n1,2\r\n\r\n\"3\r\n4\",5", name: "t.csv")
        XCTAssertEqual(table.header, ["a", "b"])
        XCTAssertEqual(table.rows, [["1", "2"], ["3\n4", "5"]])
        XCTAssertEqual(table.lines, [3, 5])
    }

    func testQuoteInsideAnUnquotedFieldIsLiteral() throws {
        let table = try CSVTable(parsing: "a,b\n5\" screen,\"\"\n", name: "t.csv")
        XCTAssertEqual(table.rows, [["5\" screen", ""]])
    }

    func testUTF8Fields() throws {
        let table = try CSVTable(parsing: "text,label\n\"我爱北京, 天安门\",正面\n", name: "t.csv")
        XCTAssertEqual(table.rows, [["我爱北京, 天安门", "正面"]])
    }

    func testUnterminatedQuoteNamesTheLineItOpensOn() {
        XCTAssertThrowsError(try CSVTable(parsing: "a,b\n1,2\n\"open,3\n4,5\n", name: "t.csv")) { error in
            XCTAssertEqual((error as? DataError)?.message,
                           "t.csv:3: unterminated quoted field (the quote opened here is never closed)")
        }
    }

    func testTextAfterClosingQuote() {
        XCTAssertThrowsError(try CSVTable(parsing: "a,b\n\"x\"y,2\n", name: "t.csv")) { error in
            XCTAssertEqual((error as? DataError)?.message,
                           "t.csv:2: unexpected 'y' after a closing quote; write a quote inside a quoted field as \"\"")
        }
    }

    func testWrongFieldCount() {
        XCTAssertThrowsError(try CSVTable(parsing: "a,b\n1,2\n1,2,3\n", name: "t.csv")) { error in
            XCTAssertEqual((error as? DataError)?.message,
                           "t.csv:3: expected 2 fields (as in the header), found 3; quote fields that contain commas")
        }
        XCTAssertThrowsError(try CSVTable(parsing: "a,b\nonly\n", name: "t.csv")) { error in
            XCTAssertEqual((error as? DataError)?.message, "t.csv:2: expected 2 fields (as in the header), found 1")
        }
    }

    func testEmptyTableAndBadHeaders() {
        XCTAssertThrowsError(try CSVTable(parsing: "\n\n", name: "t.csv")) { error in
            XCTAssertEqual((error as? DataError)?.message, "t.csv: has no header row (the file is empty)")
        }
        XCTAssertThrowsError(try CSVTable(parsing: "a,a\n1,2\n", name: "t.csv")) { error in
            XCTAssertEqual((error as? DataError)?.message, "t.csv:1: the header names column 'a' twice")
        }
        XCTAssertThrowsError(try CSVTable(parsing: "a,,c\n", name: "t.csv")) { error in
            XCTAssertEqual((error as? DataError)?.message, "t.csv:1: the header has an empty column name")
        }
    }

    func testColumnLookup() throws {
        let table = try CSVTable(parsing: "Text,label\nx,y\n", name: "t.csv")
        XCTAssertEqual(try table.column(named: "label"), 1)
        XCTAssertEqual(try table.column(named: "text"), 0)
        XCTAssertThrowsError(try table.column(named: "lable")) { error in
            XCTAssertEqual((error as? DataError)?.message,
                           "t.csv: unknown column 'lable'; did you mean 'label'? (available: 'Text', 'label')")
        }
        XCTAssertThrowsError(try table.column(named: "category")) { error in
            XCTAssertEqual((error as? DataError)?.message,
                           "t.csv: unknown column 'category' (available: 'Text', 'label')")
        }
    }

    func testFileLoading() throws {
        let folder = TemporaryFolder()
        let path = folder.write("a.csv", "x,y\n1,2\n")
        let table = try CSVTable(contentsOfFile: path)
        XCTAssertEqual(table.rows, [["1", "2"]])
        XCTAssertEqual(table.name, path)
    }
}
