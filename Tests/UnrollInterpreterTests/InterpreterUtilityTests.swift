import UnrollRecord
import XCTest
@testable import UnrollInterpreter

final class InterpreterUtilityTests: XCTestCase {
    func testNumberHelpers() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed("print min([3, 1, 2]), max([3, 1.5]), mean([1, 2, 3]), abs(-4), abs(-2.5), exp(0), log(1)"),
                       ["1 3 2 4 2.5 1 0"])
        XCTAssertEqual(try h.printed("print round(2.675, 1), round(-0.125, 2), round(1234.5)"), ["2.7 -0.13 1235"])
        XCTAssertEqual(h.failure("x = min([])"), "1:9: 'min' of an empty list has no value")
        XCTAssertEqual(h.failure(#"x = mean([1, "a"])"#), "1:10: argument 'values' of 'mean' expects list of number or Series, got list")
        XCTAssertEqual(h.failure("x = log(0)"), "1:9: 'x' must be positive, got 0")
        XCTAssertEqual(h.failure("x = round(1.5, -1)"), "1:16: 'digits' must be non-negative, got -1")
    }

    func testLenCountsEverythingWithASize() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed(#"print len([1, 2, 3]), len("ab"), len(1...10), len(task.copy(count: 7, length: 2, vocab: 3))"#),
                       ["3 2 10 7"])
    }

    func testStrFormatsLikePrint() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed(#"print str(1.0 / 3) + "|" + str([1, "a"]) + "|" + str("x") + "|" + str(true)"#),
                       [#"0.333333|[1, "a"]|x|true"#])
    }

    func testTablesCheckTheirShape() throws {
        let h = try NotebookHarness()
        let outputs = try h.run(#"show table([["GRU", 1.5, 2], ["LSTM", 0.25, true]], columns: ["model", "loss", "size"])"#)
        XCTAssertEqual(outputs, [.table("table-1", TableOutput(columns: ["model", "loss", "size"], rows: [
            [.text("GRU"), .number(1.5), .number(2)], [.text("LSTM"), .number(0.25), .text("true")],
        ]))])
        XCTAssertEqual(h.failure(#"t = table([[1, 2], [3]], columns: ["a", "b"])"#), "1:11: row 2 of the table has 1 value for 2 columns")
        XCTAssertEqual(h.failure(#"t = table([1], columns: ["a"])"#), "1:11: argument 'rows' of 'table' expects list of list, got list of int")
    }
}
