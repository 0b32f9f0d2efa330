import UnrollDiagnostics
import UnrollRecord
import XCTest
@testable import UnrollInterpreter

final class InterpreterTests: XCTestCase {
    func testAssignmentAndDestructuring() throws {
        let h = try NotebookHarness()
        try h.run("""
        hidden = 2 * 64
        a, b = [1, 2]
        c, d = ["x" + "y", 3]
        """)
        XCTAssertEqual(try h.printed("print hidden, a, b, c, d"), ["128 1 2 xy 3"])
        XCTAssertEqual(h.failure("x, y, z = [1, 2]"), "1:11: cannot unpack 2 values into 3 names")
        XCTAssertEqual(h.failure("x, y = 5"), "1:8: cannot unpack int into 2 names; only tuples and lists can be unpacked")
        XCTAssertEqual(h.failure("text = 1"), "1:1: cannot assign to 'text'; it is a builtin name")
    }

    func testTheEnvironmentIsSharedBetweenCells() throws {
        let h = try NotebookHarness()
        try h.run("x = 5")
        try h.run("y = x + 1")
        XCTAssertEqual(try h.value("y"), "6")
    }

    func testNamesFirstAssignedInABodyAreLocalButOuterNamesUpdate() throws {
        let h = try NotebookHarness()
        try h.run("""
        total = 0
        for i in 1...4 {
          step = i * 2
          total = total + step
        }
        if total > 10 {
          inner = 1
          total = total + inner
        }
        """)
        XCTAssertEqual(try h.value("total"), "21")
        XCTAssertEqual(h.failure("x = step"), "1:5: unknown name 'step'")
        XCTAssertEqual(h.failure("x = inner"), "1:5: unknown name 'inner'")
        XCTAssertEqual(h.failure("x = i"), "1:5: unknown name 'i'")
    }

    func testForLoopsOverListsRangesTuplesAndSeries() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed("""
        for x in ["a", "b"] { print x }
        for n in 3...5 { print n }
        for v in (1...2).count...2 { print "count", v }
        """), ["a", "b", "3", "4", "5", "count 2"])
        XCTAssertEqual(h.failure("for c in 5 { print c }"), "1:10: cannot loop over int; 'for' takes a list, a range or a Series")
    }

    func testIfElseChains() throws {
        let h = try NotebookHarness()
        let program = """
        for loss in [1, 3, 5] {
          if loss < 2 {
            print "converged"
          } else if loss < 4 {
            print "learning"
          } else {
            print "stuck"
          }
        }
        """
        XCTAssertEqual(try h.printed(program), ["converged", "learning", "stuck"])
        XCTAssertEqual(h.failure("if 1 { print 2 }"), "1:4: 'if' needs a condition that is true or false, got int")
    }

    func testOutputNamesAreNumberedPerKindInRunOrderAndRestartPerCell() throws {
        let h = try NotebookHarness()
        let outputs = try h.run("""
        for i in 1...2 {
          print i
          show i
        }
        print "done"
        expect 1 < 2
        """)
        XCTAssertEqual(outputs.map(\.name), ["print-1", "value-1", "print-2", "value-2", "print-3", "expect-1"])
        XCTAssertEqual(try h.run("print 1").map(\.name), ["print-1"])
    }

    func testPrintJoinsValuesWithSpaces() throws {
        let h = try NotebookHarness()
        let outputs = try h.run(#"print "validation perplexity", 12.3456789, [1.5, 2]"#)
        XCTAssertEqual(outputs, [.text("print-1", "validation perplexity 12.3457 [1.5, 2]")])
    }

    func testSeedReseedsTheOneGenerator() throws {
        let h = try NotebookHarness()
        try h.run("""
        seed 3
        a = task.adding(count: 5, length: 4)
        seed 3
        b = task.adding(count: 5, length: 4)
        c = task.adding(count: 5, length: 4)
        """)
        // The same seed gives the same data; drawing on gives other data.
        let values = try h.printed("""
        seed 11
        m = Regressor(inputs: 2, rnn: RNN(hidden: 3))
        print evaluate(m, a).loss == evaluate(m, b).loss, evaluate(m, a).loss == evaluate(m, c).loss
        """)
        XCTAssertEqual(values, ["true false"])
        XCTAssertEqual(h.failure("seed -1"), "1:6: 'seed' must be non-negative, got -1")
        XCTAssertEqual(h.failure("seed 1.5"), "1:6: 'seed' needs an int, got float")
    }

    func testARuntimeErrorCarriesTheOutputsMadeBeforeIt() throws {
        let h = try NotebookHarness()
        do {
            _ = try h.run("print 1\nshow 2\nx = [1][3]\nprint 4", firstLine: 10)
            XCTFail("expected a failure")
        } catch let error as RuntimeError {
            XCTAssertEqual(error.outputs.map(\.name), ["print-1", "value-1"])
            XCTAssertEqual(error.diagnostic.location, SourceLocation(file: "nb.md", line: 12, column: 9))
            XCTAssertEqual(error.diagnostic.message, "index 3 is out of range for a list of 1")
            XCTAssertEqual(error.description, "nb.md:12:9: error: index 3 is out of range for a list of 1")
        }
    }

    func testCheckpointErrorsPropagateUnchanged() throws {
        struct Timeout: Error, Equatable {}
        var calls = 0
        let h = try NotebookHarness(checkpoint: {
            calls += 1
            if calls > 5 { throw Timeout() }
        })
        XCTAssertThrowsError(try h.run("for i in 1...100 { x = i }")) { error in
            XCTAssertEqual(error as? Timeout, Timeout())
        }
        XCTAssertEqual(calls, 6)
    }

    func testExpressionStatementsRunForTheirEffect() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.run("len([1, 2])\n1 + 2"), [])
        XCTAssertEqual(h.failure("len(5)"), "1:5: argument 'value' of 'len' expects list, string, range, Series, Corpus, Dataset or Vocabulary, got int")
    }
}
