import XCTest
@testable import UnrollInterpreter

final class InterpreterTasksTests: XCTestCase {
    func testAddingTaskHasTwoInputsAndOneTarget() throws {
        let h = try NotebookHarness()
        try h.run("sums = task.adding(count: 12, length: 3...6)")
        XCTAssertEqual(try h.printed("print sums.size, sums.inputs, sums.outputs"), ["12 2 1"])
        XCTAssertEqual(h.failure("s = task.adding(count: 5, length: 1)"),
                       "1:5: adding: length must be at least 2, got 1")
        XCTAssertEqual(h.failure("s = task.adding(count: 0, length: 4)"), "1:24: 'count' must be positive, got 0")
        XCTAssertEqual(h.failure("s = sums.vocab"), "1:10: numeric sequences have no vocabulary; 'vocab' is for text and symbol datasets")
        XCTAssertEqual(h.failure("s = sums.classes"), "1:10: 'classes' is only defined for labelled texts; this Dataset holds numeric sequences")
    }

    func testSymbolTasksGivePairsWithTagsPerSymbol() throws {
        let h = try NotebookHarness()
        try h.run("""
        copy = task.copy(count: 6, length: 4, vocab: 7)
        rev = task.reverse(count: 8, length: 2...5, vocab: 3)
        """)
        XCTAssertEqual(try h.printed("print copy.size, copy.tags, copy.vocab.size, rev.size, rev.tags"), ["6 7 9 8 3"])
        XCTAssertEqual(h.failure("r = task.reverse(count: 2, length: 3, vocab: 1)"),
                       "1:5: reverse: vocabulary must have at least 2 symbols, got 1")
        XCTAssertEqual(h.failure("r = task.copy(count: 2, length: 0...3, vocab: 4)"), "1:33: 'length' must be positive, got 0...3")
        XCTAssertEqual(h.failure("r = copy.inputs"), "1:10: 'inputs' is only defined for numeric sequences; this Dataset holds sequence pairs")
    }

    func testSineTaskHasPerStepTargets() throws {
        let h = try NotebookHarness()
        try h.run("waves = task.sine(count: 4, length: 10, noise: 0.1)")
        XCTAssertEqual(try h.printed("print waves.size, waves.inputs, waves.outputs"), ["4 1 1"])
        XCTAssertEqual(h.failure("w = task.sine(count: 4, length: 10, noise: -1)"), "1:44: 'noise' must be non-negative, got -1")
    }

    func testTasksDrawFromTheNotebookSeed() throws {
        let program = """
        seed 5
        pairs = task.copy(count: 4, length: 3, vocab: 9)
        m = Tagger(vocab: 9, tags: 9, rnn: RNN(hidden: 2))
        print evaluate(m, pairs).loss
        """
        let a = try NotebookHarness().printed(program)
        let b = try NotebookHarness().printed(program)
        let c = try NotebookHarness().printed(program.replacingOccurrences(of: "seed 5", with: "seed 6"))
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
    }
}
