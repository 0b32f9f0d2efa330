import Foundation
import UnrollFileIO
import UnrollTestSupport
import XCTest

final class AtomicFileTests: XCTestCase {
    private let temporary = TemporaryFolder(prefix: "unroll-atomic")
    private var folder: String { temporary.path }

    private func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    func testWriteCreatesAndReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let path = folder + "/out.txt"
        try AtomicFile.write(Array("first".utf8), to: path)
        try AtomicFile.write(Data("second".utf8), to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("second".utf8))
        try AtomicFile.write([UInt8](), to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data())
        XCTAssertEqual(try listing(), ["out.txt"])
    }

    func testTemporaryPathIsHiddenBesideTheFile() {
        let temporary = AtomicFile.temporaryPath(near: folder + "/report.json")
        XCTAssertTrue(temporary.hasPrefix(folder + "/.report.json.tmp-"), temporary)
        XCTAssertEqual(temporary.count, (folder + "/.report.json.tmp-").count + 8)
        XCTAssertNotEqual(temporary, AtomicFile.temporaryPath(near: folder + "/report.json"))
    }

    func testWriteNewRefusesAnExistingFile() throws {
        let path = folder + "/taken"
        try AtomicFile.writeNew(Array("mine".utf8), to: path)
        XCTAssertThrowsError(try AtomicFile.writeNew(Array("other".utf8), to: path)) { error in
            XCTAssertEqual(error as? SystemCallError, SystemCallError(path: path, code: EEXIST))
        }
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("mine".utf8))
    }

    func testFailuresNameTheFailedPathAndTheSystemReason() throws {
        let missing = folder + "/no/such/file.txt"
        XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: missing)) { error in
            let failure = error as? SystemCallError
            XCTAssertEqual(failure?.code, ENOENT)
            XCTAssertTrue(failure?.path.hasPrefix(self.folder + "/no/such/.file.txt.tmp-") ?? false, "\(error)")
            XCTAssertEqual(failure?.message, "No such file or directory")
        }
        try FileManager.default.createDirectory(atPath: folder + "/dir", withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: folder + "/dir")) { error in
            XCTAssertEqual(error as? SystemCallError, SystemCallError(path: self.folder + "/dir", code: EISDIR))
        }
        XCTAssertEqual(try listing(), ["dir"], "a failed write leaves no temporary file")
    }
}
