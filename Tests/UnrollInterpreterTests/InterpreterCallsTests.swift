import UnrollLanguage
import XCTest
@testable import UnrollInterpreter

final class InterpreterCallsTests: XCTestCase {
    func testArgumentsAreMatchedToTheCatalogWithDefaults() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed("print round(2.345, 2), round(2.5), round(-2.5), round(7)"), ["2.35 3 -3 7"])
    }

    func testBindingProblemsAreReportedWhereTheyAre() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(h.failure("l = LSTM(hiden: 4)"), "1:10: unknown argument 'hiden' for 'LSTM'; did you mean 'hidden'?")
        XCTAssertEqual(h.failure("l = LSTM(64)"), "1:10: 'LSTM' takes labelled arguments only")
        XCTAssertEqual(h.failure("l = LSTM(hidden: 4, hidden: 5)"), "1:21: argument 'hidden' is given twice")
        XCTAssertEqual(h.failure("x = round(1, 2, 3)"), "1:17: 'round' takes 2 positional arguments, got 3")
        XCTAssertEqual(h.failure("x = round(x: 1.5)"), "1:11: 'x' is passed by position; remove the label 'x:'")
        XCTAssertEqual(h.failure(#"x = LSTM(hidden: "4")"#), "1:18: argument 'hidden' of 'LSTM' expects int, got string")
    }

    func testBindingProblemsRaiseTheMessagesTheCheckerRaises() throws {
        let h = try NotebookHarness()
        h.assertFailure("l = LSTM(hiden: 4)",
                        raises: CallMessage.unknownLabel(noun: "argument", label: "hiden", owner: "LSTM", suggestion: "hidden"))
        h.assertFailure("l = LSTM(64)", raises: CallMessage.labelledOnly(owner: "LSTM", noun: "argument", suggestion: nil))
        h.assertFailure("x = round(1, 2, 3)",
                        raises: CallMessage.tooManyPositional(owner: "round", noun: "argument", accepted: 2, given: 3))
        h.assertFailure("x = round(x: 1.5)", raises: CallMessage.labelOnPositional(label: "x"))
        h.assertFailure(#"x = LSTM(hidden: "4")"#,
                        raises: CallMessage.wrongType(noun: "argument", parameter: "hidden", owner: "LSTM", expected: .int,
                                                      got: .string))
        h.assertFailure("x = LTSM(hidden: 4)", raises: CallMessage.unknownFunction(noun: "layer", name: "LTSM", suggestion: "LSTM"))
        h.assertFailure("x = task.addng(count: 2, length: 3)",
                        raises: CallMessage.unknownNamespaceFunction(namespace: "task", name: "addng", suggestion: "adding"))
        h.assertFailure("a, b = [1, 2, 3]", raises: StatementMessage.unpackCount(values: 3, names: 2))
        h.assertFailure("text = 1", raises: StatementMessage.assignToBuiltin(name: "text"))
    }

    func testConstraintsAreCheckedOnRuntimeValues() throws {
        let h = try NotebookHarness()
        try h.run("width = 4 * 2\nrate = 0 - 1")
        XCTAssertEqual(h.failure("l = LSTM(hidden: width - 8)"), "1:18: 'hidden' must be positive, got 0")
        XCTAssertEqual(h.failure("o = Adam(lr: rate)"), "1:14: 'lr' must be positive, got -1")
    }

    func testCallingThingsThatAreNotFunctions() throws {
        let h = try NotebookHarness()
        try h.run("f = 3")
        XCTAssertEqual(h.failure("x = f(1)"), "1:5: 'f' is an int, not a function")
        XCTAssertEqual(h.failure("x = lenn([1])"), "1:5: unknown function 'lenn'; did you mean 'len'?")
        XCTAssertEqual(h.failure("x = task.add(count: 2, length: 3)"), "1:10: 'task' has no function 'add'")
        XCTAssertEqual(h.failure("x = [1].count()"), "1:9: a list of int has no method 'count'")
        XCTAssertEqual(h.failure("x = (1)(2)"), "1:5: only functions and methods can be called; '1' is neither")
    }
}
