import Foundation
import UnrollTestSupport
import XCTest

/// Issue 9, items 5 and 9, end to end on the built binary: a huge (sparse) data file is refused by its size
/// and a safetensors file by its header, each with its cause, and a symbolic link out of the notebook's folder
/// is refused at the file it leads to.
final class SandboxedReadTests: XCTestCase {
    private func notebook(_ code: String) -> String { "# Reads\n\n```rnn\n" + code + "\n```\n" }

    func testAHugeSparseTextFileIsRefusedByItsSizeWithExit1() throws {
        let root = try makeWorkspace(self)
        try write(notebook(#"c = text("data/big.txt")"#), to: "notebooks/big.md", in: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks/data"), withIntermediateDirectories: true)
        try SparseFile.write(root.appendingPathComponent("notebooks/data/big.txt").path, prefix: Array("abc\n".utf8), size: 9_000_000_000)
        let started = Date()
        let result = try UnrollProcess.run(["run", "notebooks/big.md"], in: root)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("notebooks/big.md:4:10: error: 'data/big.txt' is 9.0 GB, more than the 1.0 GB a data "
                                             + "file read as text may have; use a sample of it"), result.stderr)
        XCTAssertFalse(result.stderr.contains("permissions"), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
    }

    func testASafetensorsHeaderThatDoesNotFitTheFileIsNamed() throws {
        let root = try makeWorkspace(self)
        try write(notebook(#"t = load_tensors("w.safetensors")"#), to: "notebooks/w.md", in: root)
        let header = SparseFile.safetensorsHeader(tensorBytes: 9_000_000_000)
        try SparseFile.write(root.appendingPathComponent("notebooks/w.safetensors").path, prefix: header, size: header.count + 64)
        let result = try UnrollProcess.run(["run", "notebooks/w.md"], in: root)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("notebooks/w.md:4:18: error: 'w.safetensors': not a safetensors file we can read: "
                                             + "offsets out of range: tensor 'w' has data_offsets [0, 9000000000] but the data "
                                             + "section has 64 bytes"), result.stderr)
    }

    func testASymlinkOutOfTheFolderIsRefusedAndOneInsideIsFollowed() throws {
        let root = try makeWorkspace(self)
        try write("secret words", to: "secret.txt", in: root)
        try write("the cat sat on the mat", to: "notebooks/data/real.txt", in: root)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("notebooks/data/out.txt").path,
                                                   withDestinationPath: root.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("notebooks/data/in.txt").path,
                                                   withDestinationPath: "real.txt")
        try write(notebook(#"print text("data/in.txt").size"#), to: "notebooks/in.md", in: root)
        try write(notebook(#"print text("data/out.txt").size"#), to: "notebooks/out.md", in: root)
        let inside = try UnrollProcess.run(["run", "notebooks/in.md"], in: root)
        XCTAssertEqual(inside.status, 0, inside.stderr)
        let outside = try UnrollProcess.run(["run", "notebooks/out.md"], in: root)
        XCTAssertEqual(outside.status, 1)
        XCTAssertTrue(outside.stderr.contains("notebooks/out.md:4:12: error: 'data/out.txt' is outside the notebook's folder; "
                                              + "data files must be inside it"), outside.stderr)
        let allowed = try UnrollProcess.run(["run", "--allow-read", ".", "notebooks/out.md"], in: root)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
    }
}
