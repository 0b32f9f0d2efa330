@testable import UnrollRecord
import XCTest

/// The unrolled-graph output in the run record: written and read back unchanged, malformed forms refused.
final class UnrolledGraphOutputTests: XCTestCase {
    private let graph = UnrolledGraphOutput(
        title: "LanguageModel unrolled over 3 steps", cell: "GRU", state: "h", steps: 3, inputWeight: "embedding.weight",
        recurrences: [.init(layer: 1, reverse: false, inputWeight: "rnn.weight_ih_l0", recurrentWeight: "rnn.weight_hh_l0"),
                      .init(layer: 1, reverse: true, inputWeight: "rnn.weight_ih_l0_reverse", recurrentWeight: "rnn.weight_hh_l0_reverse")],
        outputWeight: "head.weight", outputs: .lastStep)

    func testAGraphReadsBackAsWritten() throws {
        let output = CellOutput.graph("show-1", graph)
        XCTAssertEqual(try CellOutput(json: output.json, path: "o"), output)
        guard case .object(let fields) = output.json else { return XCTFail("an object") }
        XCTAssertEqual(fields["kind"], .string("graph"))
        XCTAssertEqual(fields["outputs"], .string("last_step"))
    }

    func testMalformedGraphsAreRefusedWithTheirPath() throws {
        guard case .object(var fields) = CellOutput.graph("g", graph).json else { return XCTFail("an object") }
        fields["steps"] = .number("0")
        XCTAssertThrowsError(try CellOutput(json: .object(fields), path: "o")) { error in
            XCTAssertTrue("\(error)".contains("o.steps"), "\(error)")
        }
        fields["steps"] = .number("3")
        fields["recurrences"] = .array([])
        XCTAssertThrowsError(try CellOutput(json: .object(fields), path: "o"))
        guard case .object(let written) = CellOutput.graph("g", graph).json, case .array(let items)? = written["recurrences"] else {
            return XCTFail("an array")
        }
        fields["recurrences"] = .array(Array(items.reversed()))
        XCTAssertThrowsError(try CellOutput(json: .object(fields), path: "o")) { error in
            XCTAssertTrue("\(error)".contains("out of order"), "\(error)")
        }
    }
}
