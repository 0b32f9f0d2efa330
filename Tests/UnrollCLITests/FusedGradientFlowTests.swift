import Foundation
import XCTest

/// `gradient_flow` and `bptt_terms` of the standard RNN, LSTM and GRU layers give the numbers they gave before the
/// measurements reached the layers that run on the tape (leaky, skip, LSTM variants), bit for bit.
final class FusedGradientFlowTests: XCTestCase {
    /// `Fixtures/fused-flow-outputs.json` holds the outputs of `Fixtures/fused-flow.md` as the release build of main
    /// at e395b0d recorded them (JSON numbers written shortest-round-trip, so equal text is equal bits).
    func testTheStandardLayersGiveTheNumbersTheyGaveBefore() throws {
        let fixtures = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let root = try makeWorkspace(self)
        try write(String(contentsOf: fixtures.appendingPathComponent("fused-flow.md"), encoding: .utf8),
                  to: "notebooks/fused-flow.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/fused-flow.md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        func outputs(_ data: Data, cells: Bool) throws -> [[String: Any]] {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            let holder = cells ? try XCTUnwrap((object["cells"] as? [[String: Any]])?.first) : object
            return try XCTUnwrap(holder["outputs"] as? [[String: Any]])
        }
        let now = try outputs(Data(read("output/fused-flow.json", in: root).utf8), cells: true)
        let before = try outputs(Data(contentsOf: fixtures.appendingPathComponent("fused-flow-outputs.json")), cells: false)
        XCTAssertEqual(now.count, 7)
        XCTAssertEqual(now.count, before.count)
        for (a, b) in zip(now, before) {
            let lines = try XCTUnwrap(a["lines"] as? [[String: Any]]), old = try XCTUnwrap(b["lines"] as? [[String: Any]])
            XCTAssertEqual(lines.count, old.count, "\(a["name"] ?? "")")
            for (line, oldLine) in zip(lines, old) {
                XCTAssertEqual(line["name"] as? String, oldLine["name"] as? String)
                let y = try XCTUnwrap(line["y"] as? [Double]), oldY = try XCTUnwrap(oldLine["y"] as? [Double])
                XCTAssertEqual(y.map(\.bitPattern), oldY.map(\.bitPattern), "\(a["name"] ?? "") \(line["name"] ?? "")")
                XCTAssertGreaterThan(y.count, 10)
            }
        }
    }
}
