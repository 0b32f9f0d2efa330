import UnrollDiagnostics
import XCTest
@testable import UnrollData

final class DataErrorTests: XCTestCase {
    func testMessageNamesFileAndLine() {
        XCTAssertEqual(DataError("bad field", file: "a.csv", line: 3).message, "a.csv:3: bad field")
        XCTAssertEqual(DataError("is empty", file: "a.csv").message, "a.csv: is empty")
        XCTAssertEqual(DataError("oops", line: 4).message, "line 4: oops")
        XCTAssertEqual(DataError("count must be at least 1").description, "count must be at least 1")
    }

    func testNameSuggestionFindsCloseNamesOnly() {
        XCTAssertEqual(NameSuggestion.closest(to: "lable", in: ["text", "label"]), "label")
        XCTAssertEqual(NameSuggestion.closest(to: "TEXT", in: ["text", "label"]), "text")
        XCTAssertNil(NameSuggestion.closest(to: "category", in: ["text", "label"]))
        XCTAssertNil(NameSuggestion.closest(to: "Q", in: ["B", "E", "M", "S"]))
        XCTAssertEqual(NameSuggestion.closest(to: "b", in: ["B", "E"]), "B")
        XCTAssertEqual(Suggestion.distance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.distance("lable", "label"), 1)
        XCTAssertEqual(Suggestion.distance("", "abc"), 3)
        XCTAssertEqual(
            NameSuggestion.unknownNameMessage(kind: "column", name: "lable", available: ["text", "label"]),
            "unknown column 'lable'; did you mean 'label'? (available: 'text', 'label')")
        XCTAssertEqual(NameSuggestion.unknownNameMessage(kind: "tag", name: "X", available: []),
                       "unknown tag 'X' (there are none)")
    }
}
