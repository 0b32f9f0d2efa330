import Foundation
import XCTest

final class BenchCommandTests: XCTestCase {
    func testPrintsOneJSONLineWithTorchKeys() throws {
        let root = try makeWorkspace(self)
        let result = try UnrollProcess.run(["bench", "--hidden", "8", "--embed", "4", "--batch", "2", "--seq", "5",
                                            "--steps", "2", "--vocab", "11"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        for key in ["cell", "hidden", "layers", "batch", "seq", "train_tokens_per_s", "infer_tokens_per_s"] {
            XCTAssertNotNil(object?[key], key)
        }
        XCTAssertEqual(object?["hidden"] as? Int, 8)
        XCTAssertGreaterThan(object?["train_tokens_per_s"] as? Int ?? 0, 0)
    }

    func testRejectsUnknownCell() throws {
        let root = try makeWorkspace(self)
        XCTAssertEqual(try UnrollProcess.run(["bench", "--cell", "lstn"], in: root).status, 64)
    }
}
