import Foundation
import UnrollFileIO
import UnrollTestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The file-set writer: a set replaces the previous one together or not at all, a full disk is reported by name
/// with nothing changed, only files its manifest lists are removed, and what killed runs left is cleaned up.
final class FileSetWriterTests: XCTestCase {
    private let temporary = TemporaryFolder(prefix: "unroll-file-set")
    private var folder: String { temporary.path + "/out" }

    /// Every file under the output folder, by relative path, with its text.
    private func contents() throws -> [String: String] {
        var files: [String: String] = [:]
        for case let name as String in FileManager.default.enumerator(atPath: folder)?.allObjects ?? [] {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
            files[name] = isFolder.boolValue ? "/" : try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return files
    }

    /// A report set: three files beside the folder `demo/` holding `figures`.
    private func set(_ version: String, figures: [String]) -> [OutputFile] {
        ["demo.html", "demo.md", "demo.json"].map { OutputFile(path: $0, text: version + " " + $0) }
            + figures.map { OutputFile(path: "demo/" + $0, text: version + " " + $0) }
    }

    private let manifestHeader = "# files Unroll wrote in this folder; it removes only these\n"

    func testWritesTheSetWithAManifestAndLeavesNoStagingBehind() throws {
        let written = try FileSetWriter(directory: folder).write(set("v1", figures: ["a.svg", "w.safetensors"]), folder: "demo")
        XCTAssertEqual(written, ["demo.html", "demo.md", "demo.json", "demo/a.svg", "demo/w.safetensors"].map { folder + "/" + $0 })
        XCTAssertEqual(try contents(), [
            "demo.html": "v1 demo.html", "demo.md": "v1 demo.md", "demo.json": "v1 demo.json", "demo": "/",
            "demo/a.svg": "v1 a.svg", "demo/w.safetensors": "v1 w.safetensors",
            "demo/.unroll-manifest": manifestHeader + "a.svg\nw.safetensors\n",
        ])
    }

    func testRemovesOnlyWhatItsManifestListsAndTheFolderOnlyWhenEmpty() throws {
        let writer = FileSetWriter(directory: folder)
        try writer.write(set("v1", figures: ["a.svg", "b.svg"]), folder: "demo")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/demo/notes.txt"))
        try writer.write(set("v2", figures: ["b.svg"]), folder: "demo", keeping: { $0 == "none" })
        var now = try contents()
        XCTAssertNil(now["demo/a.svg"], "a file the manifest lists and the set no longer has is removed")
        XCTAssertEqual(now["demo/b.svg"], "v2 b.svg")
        XCTAssertEqual(now["demo/notes.txt"], "mine", "a file Unroll did not write stays")
        XCTAssertEqual(now["demo/.unroll-manifest"], manifestHeader + "b.svg\n")

        try writer.write(set("v3", figures: []), folder: "demo", keeping: { $0 == "b.svg" })
        XCTAssertEqual(try contents()["demo/.unroll-manifest"], manifestHeader + "b.svg\n", "kept files stay listed")
        try writer.write(set("v4", figures: []), folder: "demo")
        now = try contents()
        XCTAssertEqual(now["demo/notes.txt"], "mine")
        XCTAssertNil(now["demo/b.svg"])
        XCTAssertNil(now["demo/.unroll-manifest"])
        try FileManager.default.removeItem(atPath: folder + "/demo/notes.txt")
        try writer.write(set("v1", figures: ["a.svg"]), folder: "demo")
        try writer.write(set("v5", figures: []), folder: "demo")
        XCTAssertEqual(try contents().keys.sorted(), ["demo.html", "demo.json", "demo.md"], "an emptied folder goes")
    }

    func testAFullDiskIsReportedByNameAndChangesNothing() throws {
        try FileSetWriter(directory: folder).write(set("v1", figures: ["a.svg"]), folder: "demo")
        let before = try contents()
        for victim in ["demo.json", "demo.html", "a.svg", ".unroll-manifest"] {
            let full = FileSetWriter(directory: folder, calls: .failing(with: ENOSPC) { $0.hasSuffix("/" + victim) })
            XCTAssertThrowsError(try full.write(set("v2", figures: ["a.svg", "b.svg"]), folder: "demo")) { error in
                let path = folder + "/" + (victim.hasPrefix("demo") ? victim : "demo/" + victim)
                XCTAssertEqual("\(error)", "no space left on device while writing '\(path)'; nothing was changed; "
                               + "free some space and run again")
                XCTAssertEqual((error as? FileSetError)?.isRefusal, false)
            }
            XCTAssertEqual(try contents(), before, "nothing changed when \(victim) could not be written")
        }
        let failing = FileSetWriter(directory: folder, calls: .failing(with: EIO) { $0.hasSuffix("demo.md") })
        XCTAssertThrowsError(try failing.write(set("v2", figures: []), folder: "demo")) { error in
            XCTAssertEqual((error as? FileSetError)?.message,
                           .cannotWrite(path: folder + "/demo.md", reason: "input/output error"))
        }
        XCTAssertEqual(try contents(), before)
    }

    func testRefusesToWriteOverAnInputHoweverSpelled() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("# notebook".utf8).write(to: URL(fileURLWithPath: folder + "/notes.md"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/demo.md", withDestinationPath: "notes.md")
        let writer = FileSetWriter(directory: folder + "/")
        XCTAssertThrowsError(try writer.write(set("v1", figures: []), folder: "demo", inputs: [folder + "/../out/notes.md"])) {
            error in
            XCTAssertEqual((error as? FileSetError)?.message,
                           .overInput(destination: folder + "/demo.md", input: folder + "/../out/notes.md"))
            XCTAssertEqual((error as? FileSetError)?.isRefusal, true)
        }
        XCTAssertEqual(try contents(), ["notes.md": "# notebook", "demo.md": "# notebook"])
    }

    func testRecoveryFinishesCommittedSetsRemovesStaleStagingAndKeepsEverythingElse() throws {
        let writer = FileSetWriter(directory: folder)
        try writer.write(set("v1", figures: ["a.svg"]), folder: "demo")
        // A run killed after its commit: its journal says what is left to move.
        let commit = folder + "/.unroll-commit-2147483646-0123abcd"
        try FileManager.default.createDirectory(atPath: commit + "/demo", withIntermediateDirectories: true)
        try Data("v2 a.svg".utf8).write(to: URL(fileURLWithPath: commit + "/demo/a.svg"))
        try Data("put demo/a.svg\nput demo.md\nremove demo/gone.svg\n".utf8)
            .write(to: URL(fileURLWithPath: commit + "/.unroll-journal"))
        // A run killed before its commit, one still running (this process), an older temporary file, and files
        // whose names only look like Unroll's.
        let stale = folder + "/.unroll-staging-2147483645-89abcdef"
        try FileManager.default.createDirectory(atPath: stale + "/demo", withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: stale + "/demo.json"))
        let live = ".unroll-staging-\(getpid())-00000000"
        try FileManager.default.createDirectory(atPath: folder + "/" + live, withIntermediateDirectories: true)
        for name in [".demo.json.tmp-1a2b3c4d", ".unroll-staging-notes", ".x.tmp-ABCDEF12", "demo.json.tmp-1a2b3c4d"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/demo/.a.svg.tmp-00aa11bb"))

        try writer.write([OutputFile(path: "other.json", text: "other")], folder: "other")
        let now = try contents()
        XCTAssertEqual(now["demo/a.svg"], "v2 a.svg", "the committed set was moved into place")
        XCTAssertEqual(now["demo.md"], "v1 demo.md", "a step whose file was already moved is skipped")
        XCTAssertEqual(now["other.json"], "other")
        XCTAssertEqual(now.keys.filter { $0.hasPrefix(".") }.sorted(),
                       [".unroll-staging-notes", live, ".x.tmp-ABCDEF12"].sorted())
        XCTAssertNotNil(now["demo.json.tmp-1a2b3c4d"])
        XCTAssertNotNil(now["demo/.a.svg.tmp-00aa11bb"], "temporary files in another set's folder wait for that set")
        try writer.write(set("v3", figures: []), folder: "demo")
        XCTAssertNil(try contents()["demo/.a.svg.tmp-00aa11bb"])
    }

    func testStagingNamesAreRecognisedExactly() {
        XCTAssertEqual(StagingName.parse(".unroll-staging-12-0123abcd"), .init(committed: false, pid: 12))
        XCTAssertEqual(StagingName.parse(".unroll-commit-7-ffffffff"), .init(committed: true, pid: 7))
        for name in [".unroll-staging-12-0123abc", ".unroll-staging-x-0123abcd", ".unroll-staging-12-0123ABCD",
                     ".unroll-staging-0-0123abcd", ".unroll-staging-1-2-0123abcd", "unroll-staging-12-0123abcd"] {
            XCTAssertNil(StagingName.parse(name), name)
        }
        XCTAssertTrue(StagingName.isAtomicTemporary(".atom.json.tmp-1a2b3c4d"))
        XCTAssertFalse(StagingName.isAtomicTemporary(".tmp-1a2b3c4d"))
        XCTAssertFalse(StagingName.isAtomicTemporary("atom.json.tmp-1a2b3c4d"))
        XCTAssertFalse(StagingName.isAtomicTemporary(".atom.json.tmp-1a2b3c4"))
        let fresh = StagingName.fresh()
        XCTAssertEqual(StagingName.parse(fresh), .init(committed: false, pid: getpid()))
        XCTAssertEqual(StagingName.parse(StagingName.committed(fresh)), .init(committed: true, pid: getpid()))
        XCTAssertTrue(StagingName.isRunning(getpid()))
        XCTAssertFalse(StagingName.isRunning(2147483646))
    }

    func testAManifestNeverNamesAPathOutsideItsFolder() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("# c\n../x\n/etc/passwd\n.hidden\nok.svg\n\nok.svg\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/.unroll-manifest"))
        XCTAssertEqual(FolderManifest.read(folder: folder)?.names, ["ok.svg"])
        XCTAssertNil(FolderManifest.read(folder: folder + "/missing"))
    }
}
