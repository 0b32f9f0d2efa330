import XCTest
@testable import UnrollDiff

/// The word diff: pieces for small examples, whitespace joining changes, the text recovered from either side,
/// and the fallback for texts too long for the table.
final class WordDiffTests: XCTestCase {
    /// The old side (shared and removed text) and the new side (shared and inserted text) of `pieces`.
    private func sides(_ pieces: [WordDiff.Piece]) -> (String, String) {
        var old = "", new = ""
        for piece in pieces {
            switch piece {
            case .same(let text): old += text; new += text
            case .changed(let a, let b): old += a; new += b
            }
        }
        return (old, new)
    }

    func testAChangedNumberIsOneReplacementAfterTheSharedWords() {
        XCTAssertEqual(WordDiff.pieces(old: "two words 0.01", new: "two words 0.02"),
                       [.same("two words "), .changed(old: "0.01", new: "0.02")])
    }

    func testAnInsertedWordKeepsTheWordsAroundIt() {
        XCTAssertEqual(WordDiff.pieces(old: "the cat sat", new: "the black cat sat"),
                       [.same("the "), .changed(old: "", new: "black "), .same("cat sat")])
        XCTAssertEqual(WordDiff.pieces(old: "the black cat", new: "the cat"),
                       [.same("the "), .changed(old: "black ", new: ""), .same("cat")])
    }

    func testChangesWithOnlyWhitespaceBetweenThemAreJoined() {
        XCTAssertEqual(WordDiff.pieces(old: "keep a b c keep", new: "keep x y z keep"),
                       [.same("keep "), .changed(old: "a b c", new: "x y z"), .same(" keep")])
    }

    func testTheLongestCommonSubsequenceOfWordsIsKept() {
        XCTAssertEqual(WordDiff.pieces(old: "a b c d", new: "a c d e"),
                       [.same("a "), .changed(old: "b ", new: ""), .same("c d"), .changed(old: "", new: " e")])
    }

    func testEqualAndEmptyTexts() {
        XCTAssertEqual(WordDiff.pieces(old: "same text\n", new: "same text\n"), [.same("same text\n")])
        XCTAssertEqual(WordDiff.pieces(old: "", new: ""), [])
        XCTAssertEqual(WordDiff.pieces(old: "", new: "new"), [.changed(old: "", new: "new")])
        XCTAssertEqual(WordDiff.pieces(old: "old", new: ""), [.changed(old: "old", new: "")])
    }

    func testTokensAreRunsOfWordsAndOfWhitespace() {
        XCTAssertEqual(WordDiff.tokens("  ab c\n\nd "), ["  ", "ab", " ", "c", "\n\n", "d", " "])
        XCTAssertEqual(WordDiff.tokens("床前 明月光"), ["床前", " ", "明月光"])
    }

    func testEitherSideIsRecoveredFromThePieces() {
        var state: UInt64 = 42
        func next(_ n: UInt64) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % n)
        }
        let words = ["a", "b", "loss", "0.5", "床", "\n", " ", "  "]
        for _ in 0..<200 {
            let old = (0..<next(12)).map { _ in words[next(UInt64(words.count))] }.joined(separator: next(2) == 0 ? " " : "")
            let new = (0..<next(12)).map { _ in words[next(UInt64(words.count))] }.joined(separator: " ")
            let pieces = WordDiff.pieces(old: old, new: new)
            let (a, b) = sides(pieces)
            XCTAssertEqual(a, old)
            XCTAssertEqual(b, new)
            for (p, q) in zip(pieces, pieces.dropFirst()) {
                if case .same = p, case .same = q { XCTFail("two shared pieces in a row: \(pieces)") }
            }
        }
    }

    func testTextsTooLongForTheTableBecomeOneReplacementBetweenTheSharedEnds() {
        let old = "start " + (0..<1200).map { "o\($0)" }.joined(separator: " ") + " end"
        let new = "start " + (0..<1200).map { "n\($0)" }.joined(separator: " ") + " end"
        let pieces = WordDiff.pieces(old: old, new: new)
        XCTAssertEqual(pieces.count, 3)
        XCTAssertEqual(pieces.first, .same("start "))
        XCTAssertEqual(pieces.last, .same(" end"))
        let (a, b) = sides(pieces)
        XCTAssertEqual(a, old)
        XCTAssertEqual(b, new)
    }

    func testMarkdownStrikesTheOldAndBoldsTheNew() {
        XCTAssertEqual(DiffMarkdown.wordDiff(old: "two words 0.01", new: "two words 0.02"), "two words ~~0.01~~ **0.02**")
        XCTAssertEqual(DiffMarkdown.wordDiff(old: "the cat", new: "the black cat"), "the **black** cat")
        XCTAssertEqual(DiffMarkdown.wordDiff(old: "a*b x", new: "a*b y\nz"), "a\\*b ~~x~~ **y<br>z**")
    }

    func testHTMLMarksRemovedAndInsertedTextAndEscapesIt() {
        let nodes = DiffHTML.wordDiff(old: "<b> old", new: "<b> new & more")
        XCTAssertEqual(nodes.map { $0.render() }.joined(), "&lt;b&gt; <del>old</del><ins>new &amp; more</ins>")
    }
}
