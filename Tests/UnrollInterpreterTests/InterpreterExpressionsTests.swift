import UnrollLanguage
import XCTest
@testable import UnrollInterpreter

final class InterpreterExpressionsTests: XCTestCase {
    /// A loop cannot build a value nested deeper than the limit, whose freeing or printing would overflow the stack.
    func testValuesCannotNestDeeperThanTheLimit() throws {
        let h = try NotebookHarness()
        h.assertFailure("x = []\nfor i in 1...100000 {\n  x = [x]\n}", raises: ExpressionMessage.valueTooDeep(limit: NestingLimit.depth))
        h.assertFailure("r = {a: 1}\nfor i in 1...100000 {\n  r = {a: r}\n}", raises: ExpressionMessage.valueTooDeep(limit: NestingLimit.depth))
        XCTAssertEqual(h.failure("x = []\nfor i in 1...100000 {\n  x = [x]\n}").prefix(6), "3:7: t")
        // Up to the limit is fine, and wide values are not deep.
        XCTAssertEqual(try h.printed("x = []\nfor i in 1...127 {\n  x = [x]\n}\nprint len(x)"), ["1"])
        XCTAssertEqual(try h.printed("x = []\nfor i in 1...1000 {\n  x = x + [[i]]\n}\nprint len(x)"), ["1000"])
    }

    func testLiteralsPrintTheWayTheLanguageWritesThem() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed(#"print 7, 2.5, "text", true, [1, "a", 0.5], 4...10, { a: 1, b: "x" }"#),
                       [#"7 2.5 text true [1, "a", 0.5] 4...10 { a: 1, b: "x" }"#])
        XCTAssertEqual(try h.value("[]"), "[]")
        XCTAssertEqual(try h.value("{}"), "{}")
    }

    func testParamsReadTheFrontMatterValues() throws {
        let h = try NotebookHarness(params: ["hidden": .int(64), "name": .string("poems"), "rate": .float(0.003),
                                             "sizes": .list([.int(1), .int(2)])])
        XCTAssertEqual(try h.printed("print params.hidden * 2, params.name, params.rate, params.sizes[1]"),
                       ["128 poems 0.003 2"])
        XCTAssertEqual(h.failure("x = params.hiden"), "1:5: unknown param 'params.hiden'; did you mean 'params.hidden'?")
    }

    func testIndexingCountsFromZeroAndFromTheEnd() throws {
        let h = try NotebookHarness()
        try h.run("""
        xs = [10, 20, 30]
        word = "héllo"
        t = (1...5)
        """)
        XCTAssertEqual(try h.printed("print xs[0], xs[-1], word[1], word[-1], t[2], t[-1]"), ["10 30 é o 3 5"])
        XCTAssertEqual(h.failure("y = xs[3]"), "1:8: index 3 is out of range for a list of 3")
        XCTAssertEqual(h.failure("y = xs[-4]"), "1:8: index -4 is out of range for a list of 3")
        XCTAssertEqual(h.failure("y = word[9]"), "1:10: index 9 is out of range for a string of 5")
        XCTAssertEqual(h.failure(#"y = xs["a"]"#), "1:8: an index must be an int, got string")
        XCTAssertEqual(h.failure("y = 5[0]"), "1:5: cannot index int; only lists, tuples, strings, ranges, Series and Datasets can be indexed")
    }

    func testRecordsReadTheirFields() throws {
        let h = try NotebookHarness()
        try h.run(#"r = { title: "loss", size: 3 }"#)
        XCTAssertEqual(try h.printed("print r.title, r.size + 1"), ["loss 4"])
        XCTAssertEqual(h.failure("x = r.titel"), "1:7: the record has no field 'titel'; did you mean 'title'?")
        XCTAssertEqual(h.failure("x = { a: 1, a: 2 }"), "1:13: field 'a' is given twice")
    }

    func testRangesMustBeInOrderAndOfInts() throws {
        let h = try NotebookHarness()
        try h.run("n = 3")
        XCTAssertEqual(try h.value("1...n + 1"), "1...4")
        XCTAssertEqual(h.failure("r = 5...n"), "1:5: the range 5...3 is empty; write the smaller end first")
        XCTAssertEqual(h.failure("r = 1...2.5"), "1:9: the ends of a range must be an int, got float")
    }

    func testUnknownNamesAndBuiltinsUsedAsValues() throws {
        let h = try NotebookHarness()
        try h.run("corpus_size = 3")
        XCTAssertEqual(h.failure("x = corpus_sise"), "1:5: unknown name 'corpus_sise'; did you mean 'corpus_size'?")
        XCTAssertEqual(h.failure("x = text"), "1:5: 'text' is a function; call it as 'text(...)'")
        XCTAssertEqual(h.failure("x = task"), "1:5: 'task' is a namespace; call one of its functions, such as 'task.adding(...)'")
        XCTAssertEqual(h.failure("x = params"), "1:5: 'params' holds the front-matter params; read one as 'params.NAME'")
        XCTAssertEqual(h.failure("x = task.adding"), "1:5: 'task.adding' is a function; call it as 'task.adding(...)'")
    }
}
