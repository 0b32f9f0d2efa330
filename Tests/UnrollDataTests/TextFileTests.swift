import XCTest
import UnrollData
import UnrollTestSupport

final class TextFileTests: XCTestCase {
    func testReadsUTF8DroppingTheBOMAndNormalizingNewlines() throws {
        let folder = TemporaryFolder()
        let path = folder.write("a.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("一\r\n二\r三\n".utf8))
        XCTAssertEqual(try TextFile.read(path), "一\n二\n三\n")
    }

    func testMissingFileSuggestsASibling() {
        let folder = TemporaryFolder()
        folder.write("poems.txt", "x")
        XCTAssertThrowsError(try TextFile.read(folder.path + "/poem.txt")) { error in
            XCTAssertEqual(error as? DataError,
                           DataError("no such file; did you mean 'poems.txt'?", file: folder.path + "/poem.txt"))
        }
        XCTAssertThrowsError(try TextFile.read(folder.path + "/zzzzzzzzz.csv")) { error in
            XCTAssertEqual((error as? DataError)?.reason, "no such file")
        }
        XCTAssertThrowsError(try TextFile.read("/nonexistent-folder/x.txt")) { error in
            XCTAssertEqual((error as? DataError)?.message, "/nonexistent-folder/x.txt: no such file")
        }
    }

    func testFolderEmptyAndInvalidUTF8AreErrors() {
        let folder = TemporaryFolder()
        XCTAssertThrowsError(try TextFile.read(folder.path)) { error in
            XCTAssertEqual((error as? DataError)?.reason, "is a folder, not a file")
        }
        let empty = folder.write("empty.txt", "")
        XCTAssertThrowsError(try TextFile.read(empty)) { error in
            XCTAssertEqual(error as? DataError, DataError("is empty", file: empty))
        }
        let latin1 = folder.write("latin1.txt", bytes: Array("ok\nok\ncaf".utf8) + [0xE9, 0x0A])
        XCTAssertThrowsError(try TextFile.read(latin1)) { error in
            XCTAssertEqual(error as? DataError,
                           DataError("is not valid utf-8 text (save it with utf-8 encoding)", file: latin1, line: 3))
        }
    }

    func testNormalizeNewlinesLeavesOtherTextAlone() {
        XCTAssertEqual(TextFile.normalizeNewlines("a\r\n\r\nb\r"), "a\n\nb\n")
        XCTAssertEqual(TextFile.normalizeNewlines("no change\n"), "no change\n")
    }

    func testDecodeRejectsTruncatedAndOverlongSequences() {
        XCTAssertEqual(try TextFile.decode(Array("中".utf8), name: "b"), "中")
        XCTAssertThrowsError(try TextFile.decode(Array("中".utf8).dropLast(), name: "b")) {
            XCTAssertEqual(($0 as? DataError)?.line, 1)
        }
        XCTAssertThrowsError(try TextFile.decode([0x61, 0x0A, 0x0A, 0xC0, 0xAF], name: "b")) {
            XCTAssertEqual(($0 as? DataError)?.message, "b:3: is not valid utf-8 text (save it with utf-8 encoding)")
        }
    }
}
