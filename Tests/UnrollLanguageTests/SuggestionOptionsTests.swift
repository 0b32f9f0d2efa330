import UnrollDiagnostics
import XCTest
@testable import UnrollLanguage

final class SuggestionOptionsTests: XCTestCase {
    func testAllowsHalfTheWordForShortOptionLists() {
        // "chrs" is 2 edits from "char": too far for a name, close enough among two options.
        XCTAssertNil(Suggestion.closest(to: "chrs", in: ["char", "word"]))
        XCTAssertEqual(Suggestion.closestOption(to: "chrs", in: ["char", "word"]), "char")
        XCTAssertEqual(Suggestion.closestOption(to: "wrd", in: ["char", "word"]), "word")
        XCTAssertEqual(Suggestion.closestOption(to: "perplex", in: ["loss", "perplexity", "accuracy"]), "perplexity")
        XCTAssertNil(Suggestion.closestOption(to: "sigmoid", in: ["tanh", "relu"]))
    }
}
