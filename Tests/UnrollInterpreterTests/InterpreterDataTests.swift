import XCTest
@testable import UnrollInterpreter

final class InterpreterDataTests: XCTestCase {
    func testTextReadsCharactersOrWords() throws {
        let h = try NotebookHarness(files: ["poem.txt": "Ab ab\nAB b"])
        try h.run("""
        chars = text("poem.txt")
        words = text("poem.txt", tokens: "word", lowercase: true)
        rare = text("poem.txt", tokens: "word", min_freq: 2)
        """)
        XCTAssertEqual(try h.printed("print chars.size, len(chars), chars.vocab.size, words.size, words.vocab.size, rare.vocab.size"),
                       // 10 characters over A b a B space newline (+ pad, unk); lower-cased words ab ab ab b;
                       // as written no word occurs twice, so min_freq 2 keeps only pad and unk.
                       ["10 10 8 4 4 2"])
    }

    func testCorpusSplitCutsTheStreamInOrder() throws {
        let h = try NotebookHarness(files: ["t.txt": "abcdefghij"])
        try h.run(#"a, b = text("t.txt").split(0.8)"#)
        XCTAssertEqual(try h.printed("print a.size, b.size, a.vocab.size == b.vocab.size"), ["8 2 true"])
        XCTAssertEqual(h.failure(#"a, b = text("t.txt").split(0.95)"#),
                       "1:28: 't.txt': splitting 10 tokens at 0.95 leaves a part with fewer than 2 tokens; use more data or a fraction nearer 0.5")
        XCTAssertEqual(h.failure(#"a, b = text("t.txt").split(1.5)"#), "1:28: 'fraction' must be in (0, 1), got 1.5")
    }

    func testCSVReadsLabelledTexts() throws {
        let h = try NotebookHarness()
        try h.run(#"reviews = csv("data/reviews.csv", text: "review", label: "sentiment")"#)
        XCTAssertEqual(try h.printed("print reviews.size, reviews.classes, reviews.vocab.size, len(reviews)"), ["10 2 14 10"])
        XCTAssertEqual(h.failure(#"r = csv("data/reviews.csv", text: "body")"#),
                       "1:9: 'data/reviews.csv': unknown column 'body' (available: 'review', 'sentiment')")
    }

    func testTaggedReadsTokenTagItems() throws {
        let h = try NotebookHarness(files: ["w.txt": "我/S 们/E\n北/B 京/E 好/S\n", "ner.txt": "Alice_PER went_O to_O Paris_LOC\n",
                                            "bad.txt": "a/B b\n"])
        try h.run(#"words = tagged("w.txt")"#)
        XCTAssertEqual(try h.printed("print words.size, words.tags, words.vocab.size"), ["2 3 7"])
        try h.run(#"ner = tagged("ner.txt", separator: "_", lowercase: true)"#)
        XCTAssertEqual(try h.printed("print ner.size, ner.tags, ner.vocab.size"), ["1 3 6"])
        XCTAssertEqual(h.failure(#"b = tagged("bad.txt")"#),
                       "1:12: 'bad.txt', line 1: item 'b' has no '/TAG'; write items as token/TAG")
        XCTAssertEqual(h.failure(##"b = tagged("ner.txt", separator: "#")"##),
                       "1:12: 'ner.txt', line 1: item 'Alice_PER' has no '#TAG'; write items as token#TAG")
        XCTAssertEqual(h.failure(#"b = tagged("w.txt", separator: "")"#), "1:32: 'separator' must not be empty")
    }

    func testFileProblemsPointAtThePathArgument() throws {
        let h = try NotebookHarness(files: ["data/poems.txt": "x", "data/empty.txt": ""])
        XCTAssertEqual(h.failure(#"c = text("data/poems.tx")"#), "1:10: 'data/poems.tx': no such file; did you mean 'poems.txt'?")
        XCTAssertEqual(h.failure(#"c = text("data/empty.txt")"#), "1:10: 'data/empty.txt': is empty")
        XCTAssertEqual(h.failure(#"c = text("data")"#), "1:10: 'data': is a folder, not a file")
        XCTAssertEqual(h.failure(#"c = text("data/poems.txt", tokens: "chr")"#),
                       #"1:36: 'tokens' must be one of "char", "word", got "chr"; did you mean "char"?"#)
    }

    func testDatasetSplitShufflesAndTrainTestAreOneFixedSplit() throws {
        let h = try NotebookHarness()
        try h.run("""
        pairs = task.copy(count: 20, length: 3, vocab: 5)
        a, b = pairs.split(0.75)
        """)
        XCTAssertEqual(try h.printed("print a.size, b.size, pairs.train.size, pairs.test.size"), ["15 5 18 2"])
        // Reading .test again gives the same examples, not a new draw.
        try h.run("""
        seed 1
        m = Tagger(vocab: 5, tags: 5, rnn: GRU(hidden: 2))
        l1 = evaluate(m, pairs.test).loss
        l2 = evaluate(m, pairs.test).loss
        """)
        XCTAssertEqual(try h.value("l1 == l2"), "true")
        XCTAssertEqual(h.failure("x, y = task.copy(count: 1, length: 2, vocab: 3).split(0.5)"),
                       "1:55: splitting 1 examples at 0.5 leaves an empty part; use more data or a fraction nearer 0.5")
    }
}
