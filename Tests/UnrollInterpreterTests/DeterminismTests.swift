import UnrollRecord
import XCTest
@testable import UnrollInterpreter

final class DeterminismTests: XCTestCase {
    private let notebook = [
        """
        corpus = text("data/tiny.txt")
        train, valid = corpus.split(0.8)
        lm = LanguageModel(vocab: corpus.vocab, embed: 4, rnn: LSTM(hidden: 6, layers: 2, dropout: 0.2))
        fit lm on train { epochs: 2, batch: 4, bptt: 8, validate: valid }
        plot lm.history { metric: "perplexity" }
        print sample(lm, prime: "the", length: 15)
        """,
        """
        pairs = task.reverse(count: 20, length: 2...5, vocab: 4)
        tagger = Tagger(vocab: pairs.vocab, tags: pairs.tags, embed: 3, rnn: GRU(hidden: 4))
        fit tagger on pairs.train { epochs: 2, batch: 4, validate: pairs.test }
        show evaluate(tagger, pairs.test)
        show table([["reverse", accuracy(tagger, pairs.test)]], columns: ["task", "accuracy"])
        """,
    ]

    private func run(seed: UInt64) throws -> [[CellOutput]] {
        let h = try NotebookHarness(seed: seed)
        return try notebook.map { try h.run($0) }
    }

    func testTheSameNotebookAndSeedGiveTheSameOutputs() throws {
        let first = try run(seed: 1)
        XCTAssertEqual(first.map { $0.map(\.name) }, [["fit-1", "plot-1", "print-1"], ["fit-1", "metrics-1", "table-1"]])
        XCTAssertEqual(first, try run(seed: 1))
    }

    func testAnotherSeedGivesOtherOutputs() throws {
        XCTAssertNotEqual(try run(seed: 1), try run(seed: 2))
    }

    func testASeedStatementOverridesTheFrontMatterSeed() throws {
        let cell = "seed 4\nm = Regressor(inputs: 2, rnn: RNN(hidden: 3))\nprint evaluate(m, task.adding(count: 5, length: 3)).loss"
        XCTAssertEqual(try NotebookHarness(seed: 1).printed(cell), try NotebookHarness(seed: 2).printed(cell))
    }
}
