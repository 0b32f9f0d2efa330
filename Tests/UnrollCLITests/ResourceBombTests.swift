import Foundation
import XCTest

/// Issue 9, item 2, end to end on the built binary: sizes this machine cannot hold are a located error with the
/// size (exit 1 at run time, 65 when the front matter is refused, 64 for `bench`), never an abort or a crash.
final class ResourceBombTests: XCTestCase {
    /// A notebook whose one cell is `code`, after optional front matter.
    private func notebook(_ code: String, frontMatter: String? = nil) -> String {
        (frontMatter.map { "---\n\($0)\n---\n" } ?? "") + "# Bomb\n\n```rnn\n" + code + "\n```\n"
    }

    private let trained = "pairs = task.reverse(count: 40, length: 3...5, vocab: 6)\n"
        + "mt = Seq2Seq(embed: 8, encoder: GRU(hidden: 8))\nfit mt on pairs.train { epochs: 1 }\n"

    /// Each example of the issue with the start of the one diagnostic `run` must give.
    private var examples: [(name: String, text: String, diagnostic: String)] {
        [
            ("seq2seq", notebook("m = Seq2Seq(encoder: LSTM(hidden: 100000))"),
             "seq2seq.md:4:5: error: 'Seq2Seq' would have 150028400197 weights (600.1 GB, about 2400.5 GB to train"),
            ("seq2seqvocab", notebook("m = Seq2Seq(source: 1000000000000, target: 10, embed: 64, encoder: GRU(hidden: 8))"),
             "seq2seqvocab.md:4:5: error: 'Seq2Seq' would have 64000000005086 weights"),
            ("seq2seqmax", notebook("m = Seq2Seq(encoder: GRU(hidden: 9223372036854775807, bidirectional: true))"),
             "seq2seqmax.md:4:22: error: 'Seq2Seq' would have more weights than can be counted"),
            ("layers", notebook("m = LanguageModel(vocab: 10, rnn: LSTM(hidden: 1, layers: 9223372036854775807))"),
             "layers.md:4:5: error: 'LanguageModel' would have more weights than can be counted"),
            ("beammax", notebook(trained + "print translate(mt, \"1 2 3\", beam: 9223372036854775807)"),
             "beammax.md:7:36: error: a beam of 9223372036854775807 hypotheses would hold more bytes than can be counted at once"),
            ("beambleu", notebook(trained + "print bleu(mt, pairs.test, beam: 9223372036854775807)"),
             "beambleu.md:7:34: error: a beam of 9223372036854775807 hypotheses would hold more bytes than can be counted"),
            ("beamwide", notebook("m = Seq2Seq(source: 6, target: 6, embed: 32, encoder: GRU(hidden: 128, bidirectional: true))\n"
                                  + "print translate(m, \"1 2 3 4 5\", beam: 1000000)"),
             "beamwide.md:5:39: error: a beam of 1000000 hypotheses would hold about 54.6 GB at once"),
            // The count is only known at run time here (the checker refuses constant sizes: see below).
            ("addingrun", notebook("n = 1\nfor i in 1...12 {\n  n = n * 10\n}\nd = task.adding(count: n, length: 10)"),
             "addingrun.md:8:5: error: adding: the examples (count 1000000000000, length up to 10) would need about 192000.0 GB"),
            ("lists", notebook("xs = [1]\nfor i in 1...40 {\n  xs = xs + xs\n}"),
             "lists.md:6:8: error: this list would have 16777216 items, more than the 10000000 a list may hold"),
            ("strings", notebook("s = \"ab\"\nfor i in 1...40 {\n  s = s + s\n}"),
             "strings.md:6:7: error: this string would have 134217728 bytes, more than the 100000000 a string may hold"),
            ("sample", notebook("c = text(\"c.txt\", tokens: \"char\")\nlm = LanguageModel(vocab: c.vocab, embed: 4, rnn: RNN(hidden: 4))\n"
                                + "print sample(lm, prime: \"a\", length: 1000000000000)"),
             "sample.md:6:38: error: this string would have 1000000000000 bytes"),
        ]
    }

    func testEveryExampleIsOneLocatedErrorAndExitOne() throws {
        let root = try makeWorkspace(self)
        try write("abcabc\n", to: "notebooks/c.txt", in: root)
        for example in examples {
            try write(example.text, to: "notebooks/\(example.name).md", in: root)
            let result = try UnrollProcess.run(["run", "notebooks/\(example.name).md"], in: root)
            XCTAssertEqual(result.status, 1, "\(example.name): \(result.stderr.prefix(1_000))")
            let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("notebooks/\(example.name).md:") }
            XCTAssertEqual(lines.count, 1, "\(example.name): \(result.stderr.prefix(1_000))")
            XCTAssertTrue(lines.first?.hasPrefix("notebooks/" + example.diagnostic) ?? false,
                          "\(example.name): \(lines.first ?? "nothing")")
            XCTAssertTrue(lines.first?.contains("this machine has") ?? false || example.name == "lists"
                            || example.name == "strings" || example.name == "sample", "\(example.name) names the memory")
        }
    }

    /// Tasks whose sizes are constants are refused by the checker, with the message the generator would give.
    func testSyntheticTasksWithConstantSizesTooLargeAreRefusedBeforeRunning() throws {
        let root = try makeWorkspace(self)
        let examples = [
            ("adding", "d = task.adding(count: 1000000000000, length: 10)",
             "adding.md:4:5: error: adding: the examples (count 1000000000000, length up to 10) would need about 192000.0 GB"),
            ("copy", "d = task.copy(count: 10, length: 9223372036854775807, vocab: 4)",
             "copy.md:4:5: error: copy: the examples (count 10, length up to 9223372036854775807, vocab 4) would need more bytes"),
            ("reverse", "d = task.reverse(count: 10, length: 2...5, vocab: 1000000000000)",
             "reverse.md:4:5: error: reverse: the examples (count 10, length up to 5, vocab 1000000000000) would need about 160000.0 GB"),
            ("sine", "d = task.sine(count: 1000000000, length: 100)",
             "sine.md:4:5: error: sine: the examples (count 1000000000, length up to 100) would need about 912.0 GB"),
        ]
        for (name, code, diagnostic) in examples {
            try write(notebook(code), to: "notebooks/\(name).md", in: root)
            for command in ["lint", "run"] {
                let result = try UnrollProcess.run([command, "notebooks/\(name).md"], in: root)
                XCTAssertEqual(result.status, 65, "\(command) \(name): \(result.stderr)")
                XCTAssertTrue(result.stderr.hasPrefix("notebooks/" + diagnostic), "\(command) \(name): \(result.stderr)")
            }
        }
        try write(notebook("d = task.copy(count: 10, length: 3...5, vocab: 4)\nprint len(d.train)"), to: "notebooks/fits.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["lint", "notebooks/fits.md"], in: root).status, 0, "sizes that fit pass")
    }

    func testAYAMLAliasBombIsRefusedBeforeItIsExpanded() throws {
        let root = try makeWorkspace(self)
        let levels = "bcdefghi".map { level in
            let previous = Character(UnicodeScalar(level.asciiValue! - 1))
            return "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]"
        }
        let bomb = (["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"] + levels).joined(separator: "\n")
        try write(notebook("print 1", frontMatter: bomb), to: "notebooks/laughs.md", in: root)
        for command in ["lint", "run"] {
            let result = try UnrollProcess.run([command, "notebooks/laughs.md"], in: root)
            XCTAssertEqual(result.status, 65, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("notebooks/laughs.md:6:1: error: front matter expands to more than 10000 values "
                                                  + "at 'e' (each YAML alias repeats the value it names)"), "\(command): \(result.stderr)")
        }
    }

    func testBenchWithAHiddenSizeThisMachineCannotHoldIsAUsageError() throws {
        let root = try makeWorkspace(self)
        let result = try UnrollProcess.run(["bench", "--hidden", "1000000000"], in: root)
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("--hidden 1000000000 --layers 1 --batch 32 --seq 64 would need more bytes than "
                                             + "can be counted to train (4000000329000004225 weights); this machine has"), result.stderr)
        let large = try UnrollProcess.run(["bench", "--hidden", "100000"], in: root)
        XCTAssertEqual(large.status, 64, large.stderr)
        XCTAssertTrue(large.stderr.contains("would need about 655.3 GB to train (40032904225 weights)"), large.stderr)
    }
}
