import Foundation
import UnrollTestSupport
import XCTest
@testable import UnrollInterpreter

/// The interpreter's reads go through the sandbox, and a file too large to read is refused, by name and
/// cause, before it is read.
final class InterpreterSandboxTests: XCTestCase {
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
        try FileManager.default.createSymbolicLink(atPath: h.folder + "/data/out.txt", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: h.folder + "/data/in.txt", withDestinationPath: "a.txt")
        for call in ["text", "csv", "tagged", "tsv", "load_tensors"] {
            h.assertFailure("x = \(call)(\"data/out.txt\")", raises: FileMessage.outsideFolder(path: "data/out.txt", rootsAllowed: false))
        }
        XCTAssertEqual(try h.value(#"text("data/in.txt").size"#), "7", "a link inside the folder to a file inside it is followed")
    }

    func testMissingFilesAndFoldersAreNamedWithTheirCause() throws {
        let h = try NotebookHarness(files: ["data/tiny.txt": "a b"])
        h.assertFailure(#"x = text("data/tiny.tx")"#, raises: FileMessage.noSuchFile(path: "data/tiny.tx", suggestion: "tiny.txt"))
        h.assertFailure(#"x = load_tensors("data")"#, raises: FileMessage.isFolder(path: "data"))
    }

    func testATextFileLargerThanTheCapIsRefusedByItsSizeBeforeItIsRead() throws {
        let h = try NotebookHarness(files: [:])
        try SparseFile.write(h.folder + "/big.txt", prefix: Array("the cat sat\n".utf8), size: 9_000_000_000)
        for call in ["text", "csv", "tagged", "tsv"] {
            h.assertFailure("x = \(call)(\"big.txt\")", raises: FileMessage.tooLargeForText(path: "big.txt", sizeGB: "9.0", limitGB: "1.0"))
        }
    }

    func testASafetensorsFileThatWouldNotFitInMemoryIsRefusedFromItsHeader() throws {
        let h = try NotebookHarness(files: [:])
        // A valid header for a tensor as large as this machine's memory: the file and the decoded tensor would
        // take twice the memory, four times what a file may take.
        let memory = Int(ProcessInfo.processInfo.physicalMemory) / 4 * 4
        let prefix = SparseFile.safetensorsHeader(tensorBytes: memory)
        try SparseFile.write(h.folder + "/big.safetensors", prefix: prefix, size: prefix.count + memory)
        let gb = { (bytes: Double) in String(format: "%.1f", bytes / 1e9) }
        let started = Date()
        for statement in ["x = load_tensors(\"big.safetensors\")",
                          "load_weights(Regressor(inputs: 1, rnn: RNN(hidden: 2)), \"big.safetensors\")"] {
            h.assertFailure(statement, raises: FileMessage.tensorsTooLarge(path: "big.safetensors",
                                                                                  neededGB: gb(Double(prefix.count + 2 * memory)),
                                                                                  machineGB: gb(Double(ProcessInfo.processInfo.physicalMemory))))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "the data was not read")
    }

    func testAHeaderLongerThanTheFileIsNamed() throws {
        let h = try NotebookHarness(files: [:])
        var prefix: [UInt8] = []
        withUnsafeBytes(of: UInt64(1_000).littleEndian) { prefix.append(contentsOf: $0) }
        try SparseFile.write(h.folder + "/short.safetensors", prefix: prefix, size: 40)
        XCTAssertEqual(h.failure(#"x = load_tensors("short.safetensors")"#),
                       "1:18: 'short.safetensors': not a safetensors file we can read: header length 1000 is beyond the "
                        + "file's size: only 32 bytes follow the 8-byte length prefix")
    }
}
