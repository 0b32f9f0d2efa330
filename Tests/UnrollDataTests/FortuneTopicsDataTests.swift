import XCTest
import UnrollData
import UnrollTestSupport

/// Loads notebooks/data/fortune-topics.csv as news-rnn.md does and checks what its README row says of it.
final class FortuneTopicsDataTests: XCTestCase {
    func testFortuneTopicsCSV() throws {
        let data = try ClassificationDataset(contentsOfFile: repositoryRoot + "/notebooks/data/fortune-topics.csv")
        XCTAssertEqual(data.count, 1850)
        XCTAssertEqual(Set(data.labelNames), ["politics", "sports", "work", "science"])
        let counts = Dictionary(uniqueKeysWithValues: zip(data.labelNames, data.classCounts))
        XCTAssertEqual(counts, ["politics": 645, "work": 564, "science": 533, "sports": 108])
        let text = try String(contentsOfFile: repositoryRoot + "/notebooks/data/fortune-topics.csv", encoding: .utf8)
        XCTAssertFalse(text.contains("\u{08}"), "overstrike left in fortune-topics.csv")
        XCTAssertFalse(text.contains("\t\t-- "), "attribution lines left in fortune-topics.csv")
    }
}
