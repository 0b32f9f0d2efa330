import Foundation
import UnrollTestSupport
import XCTest
@testable import UnrollInterpreter

final class PathSandboxTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = PathSandbox.resolve(try makeTemporaryDirectory(prefix: "unroll-sandbox").path)
        for folder in ["nb/data", "outside", "shared"] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        try "secret".write(toFile: "\(root)/outside/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(root)/nb/data/link", withDestinationPath: "\(root)/outside")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
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

    func testAllowedRootsWiden() {
        let sandbox = PathSandbox(notebookDirectory: "\(root)/nb", allowedRoots: ["\(root)/outside"])
        XCTAssertEqual(sandbox.resolve("../outside/secret.txt"), "\(root)/outside/secret.txt")
        XCTAssertEqual(sandbox.resolve("data/link/secret.txt"), "\(root)/outside/secret.txt")
        XCTAssertNil(sandbox.resolve("../shared/x.txt"))
    }

    func testTheInterpreterRefusesToReadOutsideWithTheLocationOfThePath() throws {
        let h = try NotebookHarness(files: ["data/a.txt": "abc abc"])
        // Beside the notebook's folder; removed by its own path, since the folder is gone by tear-down.
        let outside = URL(fileURLWithPath: h.folder).deletingLastPathComponent()
            .appendingPathComponent("unroll-outside-\(UUID().uuidString).txt").path
        try "secret".write(toFile: outside, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: outside) }
        XCTAssertEqual(h.failure(#"c = text("../x.txt")"#),
                       "1:10: '../x.txt' is outside the notebook's folder; data files must be inside it")
        XCTAssertEqual(h.failure(#"c = csv("/etc/passwd")"#),
                       "1:9: '/etc/passwd' is outside the notebook's folder; data files must be inside it")
        XCTAssertEqual(try h.value(#"text("data/../data/a.txt").size"#), "7")
    }
}
