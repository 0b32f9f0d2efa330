import XCTest
@testable import UnrollCheck

final class ShardTests: XCTestCase {
    func testParsesValidShards() {
        XCTAssertEqual(Shard(parsing: "1/2"), Shard(parsing: "1/2"))
        XCTAssertEqual(Shard(parsing: "3/4")?.index, 3)
        XCTAssertEqual(Shard(parsing: "3/4")?.count, 4)
        XCTAssertEqual(Shard(parsing: "1/1")?.count, 1)
    }

    func testRejectsBadSyntax() {
        for text in ["0/2", "3/2", "1/0", "1", "1/2/3", "a/2", "-1/2", "1/", "/2", " 1/2", "1/2 ", "١/٢", ""] {
            XCTAssertNil(Shard(parsing: text), text)
        }
    }

    func testShardsPartitionInSortedOrderKeepingGivenOrder() {
        let paths = ["n/d.md", "n/a.md", "n/c.md", "n/b.md", "n/e.md"]
        let one = Shard(parsing: "1/2")!.select(paths), two = Shard(parsing: "2/2")!.select(paths)
        XCTAssertEqual(one, ["n/a.md", "n/c.md", "n/e.md"])
        XCTAssertEqual(two, ["n/d.md", "n/b.md"])
        XCTAssertEqual(Set(one).union(two), Set(paths))
        XCTAssertTrue(Set(one).isDisjoint(with: two))
        XCTAssertEqual(Shard(parsing: "3/3")!.select(paths), ["n/c.md"])
    }
}
