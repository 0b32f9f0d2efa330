import XCTest
@testable import UnrollTraining

/// Reference values come from `scripts/bleu_reference.py` (NLTK 3.10.4 `corpus_bleu` and sacrebleu 2.6.0
/// `corpus_bleu(tokenize="none", smooth_method="none")`, which printed the same numbers to 12 decimals).
final class CorpusBLEUTests: XCTestCase {
    /// Corpus A of the script: one reference each; an exact match, partial matches, clipping, a short hypothesis.
    static let corpusA: [(String, String)] = [
        ("the cat sat on the mat", "the cat sat on the mat"),
        ("a quick brown dog jumps over the lazy fox", "the quick brown fox jumps over the lazy dog"),
        ("it is a guide to action which ensures that the military always obeys the commands of the party",
         "it is a guide to action that ensures that the military will forever heed party commands"),
        ("he read the book", "he read the book because he was interested in world history"),
        ("there is a cat on the mat", "the cat is on the mat"),
        ("1 2 3 4 5 6 7 8", "1 2 3 5 4 6 7 8"),
        ("the the the the the the the", "the cat is on the mat"),
    ]

    /// Corpus B of the script: two references each.
    static let corpusB: [(String, [String])] = [
        ("it is a guide to action which ensures that the military always obeys the commands of the party",
         ["it is a guide to action that ensures that the military will forever heed party commands",
          "it is the guiding principle which guarantees the military forces always being under the command of the party"]),
        ("he read the book because he was interested in world history",
         ["he was interested in world history because he read the book",
          "because he was interested in world history he read the book"]),
        ("the cat the cat on the mat", ["the cat is on the mat", "there is a cat on the mat"]),
        ("on the mat sat a small cat", ["a small cat sat on the mat", "the little cat sat on a mat"]),
    ]

    private func words(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

    func testSingleReferenceCorpusMatchesNLTKAndSacrebleu() {
        let score = CorpusBLEU.score(
            hypotheses: Self.corpusA.map { words($0.0) }, references: Self.corpusA.map { words($0.1) })
        XCTAssertEqual(score.matches, [45, 26, 17, 9])
        XCTAssertEqual(score.totals, [59, 52, 45, 38])
        XCTAssertEqual(score.hypothesisLength, 59)
        XCTAssertEqual(score.referenceLength, 62)
        XCTAssertEqual(score.brevityPenalty, 0.950423639352, accuracy: 1e-11)
        XCTAssertEqual(score.precisions[0], 0.762711864407, accuracy: 1e-11)
        XCTAssertEqual(score.precisions[3], 0.236842105263, accuracy: 1e-11)
        XCTAssertEqual(score.bleu, 0.408482717284, accuracy: 1e-9)
        XCTAssertEqual((score.bleu * 10_000).rounded(), 4085, "agrees to 4 decimal places")
        XCTAssertLessThan(score.brevityPenalty, 1)
    }

    func testMultipleReferenceCorpusMatchesNLTKAndSacrebleu() {
        let score = CorpusBLEU.score(
            hypotheses: Self.corpusB.map { words($0.0) }, references: Self.corpusB.map { $0.1.map(words) })
        XCTAssertEqual(score.matches, [40, 27, 18, 10])
        XCTAssertEqual(score.totals, [43, 39, 35, 31])
        XCTAssertEqual(score.hypothesisLength, 43)
        XCTAssertEqual(score.referenceLength, 43)
        XCTAssertEqual(score.brevityPenalty, 1)
        XCTAssertEqual(score.bleu, 0.571719973554, accuracy: 1e-9)
    }

    func testPerfectMatchScoresOne() {
        let sentence = words("a b c d e f")
        let score = CorpusBLEU.score(hypotheses: [sentence, sentence], references: [sentence, sentence])
        XCTAssertEqual(score.bleu, 1, accuracy: 1e-15)
        XCTAssertEqual(score.precisions, [1, 1, 1, 1])
    }

    func testShortHypothesisGetsBrevityPenalty() {
        let score = CorpusBLEU.score(hypotheses: [words("a b c d")], references: [words("a b c d e f g h")])
        XCTAssertEqual(score.precisions, [1, 1, 1, 1])
        XCTAssertEqual(score.brevityPenalty, exp(-1), accuracy: 1e-15, "exp(1 - 8/4)")
        XCTAssertEqual(score.bleu, exp(-1), accuracy: 1e-15)
        let long = CorpusBLEU.score(hypotheses: [words("a b c d e f g h i")], references: [words("a b c d")])
        XCTAssertEqual(long.brevityPenalty, 1, "no penalty for longer hypotheses")
    }

    func testNoFourGramMatchGivesZeroAndMaxOrderChangesTheMean() {
        let hypothesis = words("a b c d e"), reference = words("a b c x d e")
        let four = CorpusBLEU.score(hypotheses: [hypothesis], references: [reference])
        XCTAssertEqual(four.matches, [5, 3, 1, 0])
        XCTAssertEqual(four.totals, [5, 4, 3, 2])
        XCTAssertEqual(four.bleu, 0)
        let three = CorpusBLEU.score(hypotheses: [hypothesis], references: [reference], maxOrder: 3)
        XCTAssertEqual(three.maxOrder, 3)
        XCTAssertEqual(three.bleu, exp(1 - 6.0 / 5) * pow(1 * 0.75 * (1.0 / 3), 1.0 / 3), accuracy: 1e-15)
    }

    func testEmptyAndTooShortHypotheses() {
        let empty = CorpusBLEU.score(hypotheses: [[String]()], references: [words("a b")])
        XCTAssertEqual(empty.bleu, 0)
        XCTAssertEqual(empty.brevityPenalty, 0)
        XCTAssertEqual(empty.totals, [0, 0, 0, 0])
        XCTAssertEqual(empty.precisions, [0, 0, 0, 0])
        XCTAssertEqual(empty.referenceLength, 2)
        let short = CorpusBLEU.score(hypotheses: [words("a b")], references: [words("a b")])
        XCTAssertEqual(short.totals, [2, 1, 0, 0], "a two-token hypothesis has no 3-grams to count")
        XCTAssertEqual(short.bleu, 0)
        let none = CorpusBLEU.score(hypotheses: [[Int]](), references: [[Int]]())
        XCTAssertEqual(none.bleu, 0)
        XCTAssertEqual(none.lengthRatio, 0)
    }

    func testClippingAndClosestReferenceLength() {
        let clipped = CorpusBLEU.score(
            hypotheses: [words("the the the the the the the")], references: [words("the cat is on the mat")], maxOrder: 1)
        XCTAssertEqual(clipped.matches, [2], "'the' counts at most twice, as in the reference")
        XCTAssertEqual(clipped.bleu, 2.0 / 7, accuracy: 1e-15)
        let twoRefs = CorpusBLEU.score(
            hypotheses: [words("the the the the the the the")],
            references: [[words("the cat is on the mat"), words("the the the cat")]], maxOrder: 1)
        XCTAssertEqual(twoRefs.matches, [3], "clipped by the reference with the most 'the'")
        XCTAssertEqual(CorpusBLEU.closestLength([4, 6], to: 5), 4, "a tie takes the shorter")
        XCTAssertEqual(CorpusBLEU.closestLength([9, 6, 3], to: 8), 9)
    }

    func testIntegerTokens() {
        let score = CorpusBLEU.score(hypotheses: [[1, 2, 3, 4, 5]], references: [[1, 2, 3, 4, 5]])
        XCTAssertEqual(score.bleu, 1, accuracy: 1e-15)
        XCTAssertEqual(score.totals, [5, 4, 3, 2])
    }
}
