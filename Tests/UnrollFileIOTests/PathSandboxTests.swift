import Foundation
import UnrollTestSupport
import XCTest
@testable import UnrollFileIO

final class PathSandboxTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = PathSandbox.resolve(try makeTemporaryDirectory(prefix: "unroll-sandbox").path)
        for folder in ["nb/data", "outside", "shared"] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        try "secret".write(toFile: "\(root)/outside/secret.txt", atomically: true, encoding: .utf8)
        try "inside".write(toFile: "\(root)/nb/data/inside.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(root)/nb/data/link", withDestinationPath: "\(root)/outside")
    }

    private func text(_ sandbox: PathSandbox, _ path: String) throws -> String {
        String(decoding: try sandbox.open(path).readAll(), as: UTF8.self)
    }

    private func assertRefused(_ sandbox: PathSandbox, _ path: String, _ expected: SandboxError,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try sandbox.open(path), path, file: file, line: line) { error in
            XCTAssertEqual(error as? SandboxError, expected, path, file: file, line: line)
        }
    }

    func testPathsInsideTheNotebookFolderResolve() {
        let sandbox = PathSandbox(notebookDirectory: "\(root)/nb", allowedRoots: [])
        XCTAssertEqual(sandbox.resolve("data/poems.txt"), "\(root)/nb/data/poems.txt")
        XCTAssertEqual(sandbox.resolve("./data/../data/x.txt"), "\(root)/nb/data/x.txt")
        XCTAssertEqual(sandbox.resolve("\(root)/nb/data/y.txt"), "\(root)/nb/data/y.txt")
    }

    func testDotDotAndSymlinksOutOfTheFolderAreRefused() {
        let sandbox = PathSandbox(notebookDirectory: "\(root)/nb", allowedRoots: [])
        XCTAssertNil(sandbox.resolve("../outside/secret.txt"))
        XCTAssertNil(sandbox.resolve("data/link/secret.txt"))
        XCTAssertNil(sandbox.resolve("/etc/passwd"))
        XCTAssertNil(sandbox.resolve("\(root)/nbx/file.txt"), "a folder whose name merely starts with the notebook's")
    }

    func testAllowedRootsWiden() throws {
        let sandbox = PathSandbox(notebookDirectory: "\(root)/nb", allowedRoots: ["\(root)/outside"])
        XCTAssertEqual(sandbox.resolve("../outside/secret.txt"), "\(root)/outside/secret.txt")
        XCTAssertEqual(sandbox.resolve("data/link/secret.txt"), "\(root)/outside/secret.txt")
        XCTAssertNil(sandbox.resolve("../shared/x.txt"))
        XCTAssertEqual(try text(sandbox, "../outside/secret.txt"), "secret")
        XCTAssertEqual(try text(sandbox, "data/link/secret.txt"), "secret")
        XCTAssertEqual(try sandbox.open("data/link/secret.txt").path, "\(root)/outside/secret.txt")
    }

    func testOpeningReadsInsideAndRefusesDotDotAbsolutePathsAndSymlinksOut() throws {
        let sandbox = PathSandbox(notebookDirectory: "\(root)/nb", allowedRoots: [])
        XCTAssertEqual(try text(sandbox, "data/inside.txt"), "inside")
        XCTAssertEqual(try text(sandbox, "\(root)/nb/data/../data/inside.txt"), "inside")
        assertRefused(sandbox, "../outside/secret.txt", .outside)
        assertRefused(sandbox, "\(root)/outside/secret.txt", .outside)
        assertRefused(sandbox, "/etc/passwd", .outside)
        assertRefused(sandbox, "data/link/secret.txt", .outside)
        assertRefused(sandbox, "data/missing.txt", .missing)
        assertRefused(sandbox, "data/inside.txt/x", .missing)
        assertRefused(sandbox, "data", .folder)
    }

    func testASymlinkInsideThatLeadsInsideIsFollowedAndOneOutIsRefusedAtTheFile() throws {
        let sandbox = PathSandbox(notebookDirectory: "\(root)/nb", allowedRoots: [])
        try FileManager.default.createSymbolicLink(atPath: "\(root)/nb/alias.txt", withDestinationPath: "data/inside.txt")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/nb/absolute.txt", withDestinationPath: "\(root)/nb/data/inside.txt")
        XCTAssertEqual(try text(sandbox, "alias.txt"), "inside")
        XCTAssertEqual(try text(sandbox, "absolute.txt"), "inside")
        XCTAssertEqual(try sandbox.open("alias.txt").path, "\(root)/nb/data/inside.txt")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/nb/out.txt", withDestinationPath: "../outside/secret.txt")
        assertRefused(sandbox, "out.txt", .outside)
    }

    func testSpecialFilesAreRefusedWithoutBlocking() throws {
        XCTAssertEqual(mkfifo("\(root)/nb/pipe", 0o600), 0)
        let sandbox = PathSandbox(notebookDirectory: "\(root)/nb", allowedRoots: ["/dev"])
        assertRefused(sandbox, "pipe", .special(kind: "a FIFO"))
        assertRefused(sandbox, "/dev/null", .special(kind: "a device"))
        XCTAssertThrowsError(try OpenedFile(path: "/dev/zero")) { XCTAssertEqual($0 as? SandboxError, .special(kind: "a device")) }
    }

    func testReadingOnlyARangeAndAFileThatShrankIsSaidSo() throws {
        let sandbox = PathSandbox(notebookDirectory: "\(root)/nb", allowedRoots: [])
        let file = try sandbox.open("data/inside.txt")
        XCTAssertEqual(file.size, 6)
        XCTAssertEqual(try file.read(count: 3, at: 2), Array("sid".utf8))
        XCTAssertEqual(truncate("\(root)/nb/data/inside.txt", 2), 0)
        XCTAssertThrowsError(try file.readAll()) { XCTAssertEqual($0 as? SandboxError, .changed) }
    }

    /// A thread swaps `nb/data` between the real folder and a symbolic link to `outside` (which holds a file of
    /// the same name) as fast as it can, while this one opens and reads `data/inside.txt` through the sandbox:
    /// every read gets the inside file or a refusal, never the outside file's bytes, and both happen.
    func testAFolderSwappedForASymlinkDuringReadsNeverLeadsOutside() throws {
        try "SECRET".write(toFile: "\(root)/outside/inside.txt", atomically: true, encoding: .utf8)
        let sandbox = PathSandbox(notebookDirectory: "\(root)/nb", allowedRoots: [])
        let data = "\(root)/nb/data", parked = "\(root)/nb/data.real", link = "\(root)/nb/data.link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "\(root)/outside")
        let stop = Flag()
        let swapper = Thread {
            while !stop.isSet {
                rename(data, parked); rename(link, data)    // data is now the link to outside
                rename(data, link); rename(parked, data)    // and the folder again
            }
            stop.finish()
        }
        swapper.start()
        defer { stop.set(); stop.waitUntilFinished() }
        var inside = 0, refused = 0, iterations = 0
        let deadline = Date().addingTimeInterval(2)
        while iterations < 100_000, Date() < deadline || iterations < 300 {
            iterations += 1
            do {
                let contents = try text(sandbox, "data/inside.txt")
                XCTAssertNotEqual(contents, "SECRET", "iteration \(iterations) read the outside file")
                if contents == "SECRET" { break }
                inside += 1
            } catch let error as SandboxError {
                XCTAssertTrue([.outside, .missing].contains(error), "\(error)")
                refused += 1
            }
        }
        XCTAssertGreaterThan(inside, 0, "no read found the folder in place in \(iterations) iterations")
        XCTAssertGreaterThan(refused, 0, "no read met the symbolic link in \(iterations) iterations: the race was not run")
    }
}

/// A stop flag and a finished signal shared with the swapping thread.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private let finished = DispatchSemaphore(value: 0)
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
    func finish() { finished.signal() }
    func waitUntilFinished() { finished.wait() }
}
