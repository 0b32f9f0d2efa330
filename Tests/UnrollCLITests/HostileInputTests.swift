import Foundation
import XCTest

/// Issue 9, items 1 and 3, end to end on the built binary: deep or long input and integer edge cases give a
/// located error and exit 65 (or run correctly), never a crash (139) or a trap (132).
final class HostileInputTests: XCTestCase {
    /// A notebook whose one cell is `code`, after optional front matter.
    private func notebook(_ code: String, frontMatter: String? = nil) -> String {
        (frontMatter.map { "---\n\($0)\n---\n" } ?? "") + "# Deep\n\n```rnn\n" + code + "\n```\n"
    }

    private func repeated(_ text: String, _ count: Int, separator: String = "") -> String {
        Array(repeating: text, count: count).joined(separator: separator)
    }

    private let nesting = "error: nesting deeper than 128 at "
    private let chain = "error: a chain of "

    /// Each example of the issue, with the start of the one diagnostic it must give (`file:line:col: error: …`).
    private var deepExamples: [(name: String, text: String, diagnostic: String)] {
        [
            ("parens", notebook("x = " + repeated("(", 1_000) + "1" + repeated(")", 1_000)), "parens.md:4:133: \(nesting)'('"),
            ("sum5k", notebook("a = 1\nx = " + repeated("a", 5_000, separator: " + ") + "\nprint x"), "sum5k.md:5:515: \(chain)'+'"),
            ("sum20k", notebook("a = 1\nx = " + repeated("a", 20_000, separator: " + ")), "sum20k.md:5:515: \(chain)'+'"),
            ("minus", notebook("x = " + repeated("-", 5_000) + "1\nprint x"), "minus.md:4:4877: \(nesting)'-'"),
            ("ifs", notebook(repeated("if true {\n", 10_000) + "print 1\n" + repeated("}\n", 10_000)), "ifs.md:132:4: \(nesting)'true'"),
            ("lists", notebook("x = " + repeated("[", 10_000) + repeated("]", 10_000)), "lists.md:4:133: \(nesting)'['"),
            ("records", notebook("x = " + repeated("{a: ", 10_000) + "1" + repeated("}", 10_000)), "records.md:4:517: \(nesting)'{'"),
            ("ands", notebook("x = " + repeated("true", 100_000, separator: " and ")), "ands.md:4:1153: \(chain)'and'"),
            ("members", notebook("x = [1]\ny = x" + repeated(".count", 100_000)), "members.md:5:768: \(chain)'.'"),
            ("elseifs", notebook("x = 1\nif x == 0 {\n}" + repeated(" else if x == 0 {\n}", 20_000)), "elseifs.md:132:8: \(chain)'else if'"),
            ("yamlflow", notebook("print 1", frontMatter: "params:\n  x: " + repeated("[", 5_000) + repeated("]", 5_000)),
             "yamlflow.md:3:68: error: front matter nesting deeper than 64 at '['"),
            ("yamlkeys", notebook("print 1", frontMatter: (0..<3_000).map { repeated(" ", $0) + "k\($0):" }.joined(separator: "\n") + " v"),
             "yamlkeys.md:2:1: error: front matter is larger than 65536 bytes"),
            ("yamldeepkeys", notebook("print 1", frontMatter: (0..<100).map { repeated(" ", $0) + "k\($0):" }.joined(separator: "\n") + " v"),
             "yamldeepkeys.md:66:65: error: front matter nesting deeper than 64 at 'k'"),
        ]
    }

    func testDeepAndLongInputIsOneLocatedErrorForLintAndRun() throws {
        let root = try makeWorkspace(self)
        let examples = deepExamples
        for example in examples { try write(example.text, to: "notebooks/\(example.name).md", in: root) }
        let paths = examples.map { "notebooks/\($0.name).md" }
        // `run` with two jobs also puts the parser and checker on worker threads.
        for arguments in [["lint"] + paths, ["run", "--jobs", "2"] + paths] {
            let result = try UnrollProcess.run(arguments, in: root)
            XCTAssertEqual(result.status, 65, "\(arguments[0]): \(result.stderr.prefix(2_000))")
            for example in examples {
                let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("notebooks/\(example.name).md:") }
                XCTAssertEqual(lines.count, 1, "\(arguments[0]) \(example.name): \(lines)")
                XCTAssertTrue(lines.first?.hasPrefix("notebooks/" + example.diagnostic) ?? false,
                              "\(arguments[0]) \(example.name): \(lines.first ?? "nothing")")
            }
        }
    }

    /// The deepest input the limit allows runs, on the main thread and on the `--jobs` worker threads.
    func testInputJustInsideTheLimitRuns() throws {
        let root = try makeWorkspace(self)
        let n = 126
        let cells = [
            "x = " + repeated("(", n) + "1" + repeated(")", n) + "\nprint x",
            "a = 1\ny = " + repeated("a", n, separator: " + ") + "\nprint y",
            "z = " + repeated("-", n) + "1\nprint z",
            repeated("if true {\n", n) + "print 1\n" + repeated("}\n", n),
            "w = " + repeated("{a: ", n) + "1" + repeated("}", n) + "\nprint w.a.a",
            "s = " + repeated("str(", n - 1) + "1" + repeated(")", n - 1) + "\nprint s",
        ]
        let text = "# Deep\n\n" + cells.map { "```rnn\n\($0)\n```\n" }.joined(separator: "\n")
        try write(text, to: "notebooks/deep.md", in: root)
        try write(text, to: "notebooks/deep2.md", in: root)
        let alone = try UnrollProcess.run(["run", "notebooks/deep.md"], in: root)
        XCTAssertEqual(alone.status, 0, alone.stderr)
        let together = try UnrollProcess.run(["run", "--jobs", "2", "notebooks/deep.md", "notebooks/deep2.md"], in: root)
        XCTAssertEqual(together.status, 0, together.stderr)
        let markdown = try String(contentsOf: root.appendingPathComponent("output/deep.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("\n1\n"), "the cells printed")
    }

    func testIntegerEdgesAreLocatedErrorsOrExactValues() throws {
        let root = try makeWorkspace(self)
        let min = "(0 - 9223372036854775807 - 1)"
        try write(notebook("print \(min) % -1, 9223372036854775806 % 9223372036854775807"), to: "notebooks/mod.md", in: root)
        try write(notebook("n = (\(min)...9223372036854775807).count"), to: "notebooks/count.md", in: root)
        try write(notebook("x = 9223372036854775807 + 1"), to: "notebooks/add.md", in: root)
        let mod = try UnrollProcess.run(["run", "notebooks/mod.md"], in: root)
        XCTAssertEqual(mod.status, 0, mod.stderr)
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent("output/mod.md"), encoding: .utf8)
            .contains("0 9223372036854775806"))
        let lint = try UnrollProcess.run(["lint", "notebooks/count.md", "notebooks/add.md"], in: root)
        XCTAssertEqual(lint.status, 65, lint.stderr)
        XCTAssertTrue(lint.stderr.contains("notebooks/count.md:4:59: error: the range -9223372036854775808...9223372036854775807 "
            + "is too large to count"), lint.stderr)
        XCTAssertTrue(lint.stderr.contains("notebooks/add.md:4:5: error: integer overflow in '+'"), lint.stderr)
    }

    func testHugeBpttTrainsWithOneWindow() throws {
        let root = try makeWorkspace(self)
        try write(String(repeating: "the quick brown fox jumps over the lazy dog. ", count: 8), to: "notebooks/text.txt", in: root)
        try write(notebook("""
            corpus = text("text.txt", tokens: "char")
            lm = LanguageModel(vocab: corpus.vocab, embed: 4, rnn: LSTM(hidden: 4))
            fit lm on corpus { epochs: 1, batch: 2, bptt: 9223372036854775807 }
            print "trained"
            """), to: "notebooks/bptt.md", in: root)
        let result = try UnrollProcess.run(["run", "notebooks/bptt.md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
    }
}
