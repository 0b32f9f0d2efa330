import XCTest
@testable import UnrollReport

final class ReportFormatTests: XCTestCase {
    func testParsesCommaSeparatedLists() throws {
        XCTAssertEqual(try ReportFormat.list(from: "html,md,json"), [.html, .md, .json])
        XCTAssertEqual(try ReportFormat.list(from: "json, HTML,json"), [.html, .json])
    }

    func testUnknownFormatsSuggestAFix() {
        XCTAssertThrowsError(try ReportFormat.list(from: "hmtl,md")) { error in
            XCTAssertEqual("\(error)", "unknown report format 'hmtl'; did you mean 'html'?")
        }
        XCTAssertThrowsError(try ReportFormat.list(from: "pdf")) { error in
            XCTAssertEqual("\(error)", "unknown report format 'pdf'; expected a comma-separated list of html, md, json")
        }
        XCTAssertThrowsError(try ReportFormat.list(from: "html,")) { error in
            XCTAssertEqual("\(error)", "empty report format in 'html,'; expected a comma-separated list of html, md, json")
        }
    }
}
