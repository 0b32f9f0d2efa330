import XCTest
@testable import UnrollInterpreter

final class InterpreterOperatorsTests: XCTestCase {
    func testIntArithmeticStaysIntExceptDivision() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed("print 7 + 2, 7 - 9, 6 * 7, 7 / 2, 6 / 3, 2 * 64"), ["9 -2 42 3.5 2 128"])
        XCTAssertEqual(try h.value("str(6 / 3) + \"|\""), "2|")
    }

    func testRemainderTakesTheSignOfTheDivisor() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed("print 7 % 3, -7 % 3, 7 % -3, -7 % -3, (2 + 3) % 4"), ["1 2 -2 -1 1"])
        XCTAssertEqual(try h.printed("print 7.5 % 2, -7.5 % 2, 7.5 % -2"), ["1.5 0.5 -0.5"])
    }

    func testMixedArithmeticGivesFloats() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed("print 1 + 0.5, 3 * 1.5, -(2.5), 2 - 0.25"), ["1.5 4.5 -2.5 1.75"])
    }

    func testJoiningTextAndLists() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed(#"print "h=" + str(64), [1] + [2, 3]"#), ["h=64 [1, 2, 3]"])
        XCTAssertEqual(h.failure(#"x = "loss: " + 3"#),
                       "1:5: cannot apply '+' to string and int; convert with 'str(...)' to join text")
    }

    func testDivisionByZeroAndOverflowFailAtTheOperator() throws {
        let h = try NotebookHarness()
        try h.run("zero = 0\nbig = 9223372036854775807")
        XCTAssertEqual(h.failure("x = 1 + 4 / zero"), "1:9: division by zero")
        XCTAssertEqual(h.failure("x = 4 % zero"), "1:5: division by zero")
        XCTAssertEqual(h.failure("x = 1.5 / zero"), "1:5: division by zero")
        XCTAssertEqual(h.failure("x = big + 1"), "1:5: integer overflow in '+'")
        XCTAssertEqual(h.failure("x = big * 2"), "1:5: integer overflow in '*'")
        XCTAssertEqual(h.failure("x = -big - 2"), "1:5: integer overflow in '-'")
    }

    func testComparisons() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed(#"print 1 < 2, 2 <= 2, 3 > 4, 1 == 1.0, "a" < "b", "b" >= "ab", [1, 2] == [1, 2], "x" != "x""#),
                       ["true true false true true true true false"])
        XCTAssertEqual(h.failure(#"x = "a" == 1"#), "1:5: cannot compare string with int")
        XCTAssertEqual(h.failure(#"x = "a" < 1"#), "1:5: cannot compare string with int using '<'")
    }

    func testLogicShortCircuits() throws {
        let h = try NotebookHarness()
        try h.run("xs = [1]")
        // The right side would fail if it ran.
        XCTAssertEqual(try h.printed("print false and xs[5] == 1, true or xs[5] == 1, not false"), ["false true true"])
        XCTAssertEqual(h.failure("x = 1 and true"), "1:5: 'and' needs true or false on both sides, got int")
        XCTAssertEqual(h.failure("x = not 3"), "1:9: 'not' needs true or false, got int")
        XCTAssertEqual(h.failure(#"x = -"x""#), "1:5: cannot negate string")
    }
}
