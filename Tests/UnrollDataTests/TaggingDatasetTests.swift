import XCTest
import UnrollData
import UnrollTensor
import UnrollTestSupport

final class TaggingDatasetTests: XCTestCase {
    func testParsesTokenSlashTagLines() throws {
        let text = "我/S 爱/S 北/B 京/E\n\n1/2/CD  pages/NNS\r\n"
        let data = try TaggingDataset(taggedText: text, name: "t.txt")
        XCTAssertEqual(data.count, 2)
        XCTAssertEqual(data.tagNames, ["B", "CD", "E", "NNS", "S"])
        XCTAssertEqual(data.tagCount, 5)
        XCTAssertEqual(data.examples[0].tags, [4, 4, 0, 2])
        XCTAssertEqual(data.vocabulary.decode(data.examples[0].tokens), ["我", "爱", "北", "京"])
        XCTAssertEqual(data.vocabulary.decode(data.examples[1].tokens), ["1/2", "pages"])
        XCTAssertEqual(data.examples[1].tags, [1, 3])
    }

    func testErrorsNameTheLine() {
        XCTAssertThrowsError(try TaggingDataset(taggedText: "a/X\nb/X c\n", name: "t.txt")) {
            XCTAssertEqual(($0 as? DataError)?.message, "t.txt:2: item 'c' has no '/TAG'; write items as token/TAG")
        }
        XCTAssertThrowsError(try TaggingDataset(taggedText: "a/\n", name: "t.txt")) {
            XCTAssertEqual(($0 as? DataError)?.message, "t.txt:1: item 'a/' has an empty tag")
        }
        XCTAssertThrowsError(try TaggingDataset(taggedText: "/X\n", name: "t.txt")) {
            XCTAssertEqual(($0 as? DataError)?.message, "t.txt:1: item '/X' has an empty token")
        }
        XCTAssertThrowsError(try TaggingDataset(taggedText: "\n \n", name: "t.txt")) {
            XCTAssertEqual(($0 as? DataError)?.message, "t.txt: has no tagged sentences")
        }
        XCTAssertThrowsError(try TaggingDataset(taggedText: "a/B\nb/Q\n", name: "t.txt", tagNames: BMESTagging.tagNames)) {
            XCTAssertEqual(($0 as? DataError)?.message, "t.txt:2: unknown tag 'Q' (available: 'B', 'E', 'M', 'S')")
        }
        XCTAssertThrowsError(try TaggingDataset(contentsOfFile: "/nonexistent/seg.txt")) {
            XCTAssertEqual(($0 as? DataError)?.reason, "no such file")
        }
    }

    func testSegmentedTextBecomesBMESCharacters() throws {
        let data = try TaggingDataset(segmentedText: "我 爱 北京\n\n中华人民 共和国\n")
        XCTAssertEqual(data.tagNames, ["B", "E", "M", "S"])
        XCTAssertEqual(data.count, 2)
        XCTAssertEqual(data.examples[0].tags, [3, 3, 0, 1])
        XCTAssertEqual(data.examples[1].tags, [0, 2, 2, 1, 0, 2, 1])
        XCTAssertEqual(data.vocabulary.decode(data.examples[1].tokens), ["中", "华", "人", "民", "共", "和", "国"])
        XCTAssertThrowsError(try TaggingDataset(segmentedText: "  \n")) {
            XCTAssertEqual(($0 as? DataError)?.message, "text: has no segmented sentences")
        }
    }

    func testFileAndSplit() throws {
        let folder = TemporaryFolder()
        let path = folder.write("seg.txt", (0..<6).map { "w\($0)/S x/B y/E" }.joined(separator: "\n"))
        let data = try TaggingDataset(contentsOfFile: path)
        var rng = RandomGenerator(seed: 1)
        let (train, test) = try data.split(fraction: 0.5, rng: &rng)
        XCTAssertEqual(train.count, 3)
        XCTAssertEqual(test.count, 3)
        XCTAssertEqual(test.tagNames, ["B", "E", "S"])
        XCTAssertEqual(Set((train.examples + test.examples).map(\.tokens)), Set(data.examples.map(\.tokens)))
    }
}
