import Foundation
import XCTest

/// End-to-end tests of files a notebook saves: `unroll run` writes them into the report folder, byte-identical
/// run to run; `unroll check` runs the saves but writes nothing.
final class SavedFilesTests: XCTestCase {
    private let saving = """
        ---
        title: Saving
        seed: 5
        ---
        ```rnn id=save
        m = Regressor(inputs: 2, outputs: 1, rnn: GRU(hidden: 3))
        save_weights(m, "weights.safetensors")
        save_tensors("copy.safetensors", state_dict(m))
        ```
        """

    func testRunWritesSavedFilesIntoTheReportFolderAndCheckWritesNothing() throws {
        let root = try makeWorkspace(self)
        try write(saving, to: "notebooks/saving.md", in: root)
        let first = try UnrollProcess.run(["run", "notebooks"], in: root)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("output/saving/weights.safetensors, output/saving/copy.safetensors"), first.stdout)
        let folder = root.appendingPathComponent("output/saving")
        let weights = try Data(contentsOf: folder.appendingPathComponent("weights.safetensors"))
        XCTAssertEqual(weights, try Data(contentsOf: folder.appendingPathComponent("copy.safetensors")))
        let header = String(decoding: weights.dropFirst(8).prefix(60), as: UTF8.self)
        XCTAssertTrue(header.hasPrefix("{\"__metadata__\":{\"format\":\"pt\"},\"head.bias\":{\"dtype\":\"F32\""), header)

        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks", "--out", "again"], in: root).status, 0)
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("again/saving/weights.safetensors")), weights,
                       "the same notebook saves the same bytes")

        try FileManager.default.removeItem(at: folder)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "notebooks"], in: root).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "check --update writes no saved files")
        let check = try UnrollProcess.run(["check", "notebooks"], in: root)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "check writes no saved files")
    }
}
