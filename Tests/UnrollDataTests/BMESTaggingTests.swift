import XCTest
import UnrollData

final class BMESTaggingTests: XCTestCase {
    func testTagsEveryWordLength() {
        let tagged = BMESTagging.tag(line: "我 爱  北京 天安门\t")
        XCTAssertEqual(tagged.characters, ["我", "爱", "北", "京", "天", "安", "门"])
        XCTAssertEqual(tagged.tags, ["S", "S", "B", "E", "B", "M", "E"])
        XCTAssertEqual(BMESTagging.taggedLine("我 爱 北京"), "我/S 爱/S 北/B 京/E")
        XCTAssertEqual(BMESTagging.tag(words: ["", "ab"]).tags, ["B", "E"])
    }

    func testSegmentInvertsTagging() {
        let tagged = BMESTagging.tag(line: "中华人民共和国 的 首都 是 北京")
        XCTAssertEqual(BMESTagging.segment(characters: tagged.characters, tags: tagged.tags),
                       ["中华人民共和国", "的", "首都", "是", "北京"])
    }

    func testSegmentToleratesInconsistentTags() {
        let chars = ["a", "b", "c", "d", "e"]
        XCTAssertEqual(BMESTagging.segment(characters: chars, tags: ["B", "B", "E", "M", "S"]), ["a", "bc", "d", "e"])
        XCTAssertEqual(BMESTagging.segment(characters: chars, tags: ["M", "M", "M", "M", "M"]), ["abcde"])
    }
}
