import XCTest
import UnrollLanguage
@testable import UnrollInterpreter

final class InterpreterOperatorsTests: XCTestCase {
    /// The fix the integer-overflow message suggests.
    static let overflowFix = "; the result does not fit in a 64-bit int, so compute with floats (write '2.0' for '2')"

    /// Issue 9, item 3: arithmetic on ints at the edges of the 64-bit range fails at the operator or gives the
    /// exact answer, and never traps.
    func testIntegerEdgesNeverTrap() throws {
        let h = try NotebookHarness()
        try h.run("big = 9223372036854775807\nsmall = 0 - big - 1")
        XCTAssertEqual(try h.value("small % -1"), "0")
        XCTAssertEqual(try h.value("small % big"), "9223372036854775806")
        XCTAssertEqual(try h.value("(big - 1) % big"), "9223372036854775806")
        XCTAssertEqual(try h.value("small % 7"), "6")
        XCTAssertEqual(h.failure("x = small - 1"), "1:5: integer overflow in '-'" + Self.overflowFix)
        XCTAssertEqual(h.failure("x = -small"), "1:5: integer overflow in '-'" + Self.overflowFix)
        XCTAssertEqual(h.failure("x = small * -1"), "1:5: integer overflow in '*'" + Self.overflowFix)
        h.assertFailure("x = abs(small)", raises: ExpressionMessage.integerOverflow(op: "abs"))
        h.assertFailure("x = (small...big).count", raises: ExpressionMessage.rangeTooLarge(lower: Int.min, upper: Int.max, purpose: "count"))
        h.assertFailure("x = len(small...big)", raises: ExpressionMessage.rangeTooLarge(lower: Int.min, upper: Int.max, purpose: "count"))
        h.assertFailure("x = (small...big)[3]", raises: ExpressionMessage.rangeTooLarge(lower: Int.min, upper: Int.max, purpose: "index"))
        // 0...big holds one int more than an int can count; 1...big and (small + 1)...(0 - 1) are the widest that fit.
        h.assertFailure("x = (0...big).count", raises: ExpressionMessage.rangeTooLarge(lower: 0, upper: Int.max, purpose: "count"))
        XCTAssertEqual(try h.value("(1...big).count"), "9223372036854775807")
        XCTAssertEqual(try h.value("(small...(0 - 2)).count"), "9223372036854775807")
        XCTAssertEqual(try h.value("((small + 1)...(0 - 1))[-1]"), "-1")
        XCTAssertEqual(try h.value("((small + 1)...(0 - 1))[0]"), "-9223372036854775807")
    }

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
        XCTAssertEqual(h.failure("x = big + 1"), "1:5: integer overflow in '+'" + Self.overflowFix)
        XCTAssertEqual(h.failure("x = big * 2"), "1:5: integer overflow in '*'" + Self.overflowFix)
        XCTAssertEqual(h.failure("x = -big - 2"), "1:5: integer overflow in '-'" + Self.overflowFix)
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
