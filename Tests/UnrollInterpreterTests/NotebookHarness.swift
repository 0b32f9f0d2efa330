import Foundation
import UnrollDiagnostics
import UnrollLanguage
import UnrollRecord
import UnrollTestSupport
import XCTest
@testable import UnrollInterpreter

/// A temporary notebook folder holding small data files, with helpers to parse and run cells in it.
final class NotebookHarness {
    /// The temporary folder, removed when the harness goes away.
    private let temporary = TemporaryFolder(prefix: "unroll-interp")
    /// The folder's path.
    var folder: String { temporary.path }
    /// The interpreter running the cells (shared environment).
    private(set) var interpreter: Interpreter
    /// The settings the interpreter was made with.
    let settings: InterpreterSettings
    private var cells = 0

    /// Small data sets every test can read.
    static let standardFiles: [String: String] = [
        "data/tiny.txt": String(repeating: "the cat sat on the mat. the dog ate the hat. ", count: 8),
        "data/reviews.csv": """
            review,sentiment
            good fun film,pos
            great acting and a fine story,pos
            a good and great film,pos
            fine fun,pos
            dull and bad,neg
            a bad boring story,neg
            boring film,neg
            bad acting,neg
            great fun,pos
            dull boring,neg

            """,
        "data/words.txt": """
            我/S 们/E 在/S 学/B 习/E
            北/B 京/E 大/B 学/E
            我/S 爱/S 北/B 京/E
            学/B 习/E 很/S 好/S

            """,
    ]

    /// A harness with `files` (path → contents) written under a fresh temporary folder.
    init(files: [String: String] = NotebookHarness.standardFiles, seed: UInt64 = 0,
         params: [String: ConstantValue] = [:], allowedRoots: [String] = [],
         events: ((InterpreterEvent) -> Void)? = nil, checkpoint: (() throws -> Void)? = nil, timings: Bool = false) throws {
        for (path, text) in files { temporary.write(path, text) }
        var settings = InterpreterSettings(notebookDirectory: temporary.path, allowedRoots: allowedRoots, params: params,
                                           seed: seed, events: events, checkpoint: checkpoint)
        settings.timings = timings
        self.settings = settings
        interpreter = Interpreter(settings: settings)
    }

    /// Parses `source` as one cell starting at line `firstLine` of `nb.md`, failing the test on syntax errors.
    static func parse(_ source: String, firstLine: Int = 1, file: StaticString = #filePath, line: UInt = #line) -> Program {
        let (program, problems) = Parser.parse(source: source, file: "nb.md", firstLine: firstLine)
        XCTAssertEqual(problems.map(\.description), [], "syntax errors", file: file, line: line)
        return program
    }

    /// Runs `source` as the next cell.
    @discardableResult
    func run(_ source: String, firstLine: Int = 1, file: StaticString = #filePath, line: UInt = #line) throws -> [CellOutput] {
        cells += 1
        return try interpreter.run(Self.parse(source, firstLine: firstLine, file: file, line: line), cellID: "cell-\(cells)")
    }

    /// The printed lines of running `source`.
    func printed(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try run(source, file: file, line: line).compactMap { output in
            if case .text(let text) = output.content, output.name.hasPrefix("print-") { return text }
            return nil
        }
    }

    /// The one printed value of `print EXPRESSION`.
    func value(_ expression: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try printed("print \(expression)", file: file, line: line).first ?? "<nothing printed>"
    }

    /// The runtime error `source` fails with, as `line:col: message`, or a note that it did not fail.
    func failure(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try run(source, file: file, line: line)
            return "<no error>"
        } catch let error as RuntimeError {
            let d = error.diagnostic
            return "\(d.location.line):\(d.location.column): \(d.message)"
        } catch {
            return "<unexpected \(error)>"
        }
    }

    /// Asserts that `source` fails with `message`: the same identifier and arguments (so a change of wording
    /// alone does not break the test, but raising another message does).
    func assertFailure(_ source: String, raises message: some DiagnosticMessage, file: StaticString = #filePath,
                       line: UInt = #line) {
        do {
            _ = try run(source, file: file, line: line)
            XCTFail("'\(source)' did not fail", file: file, line: line)
        } catch let error as RuntimeError {
            XCTAssertEqual(error.diagnostic.id, message.id, error.diagnostic.message, file: file, line: line)
            XCTAssertEqual(error.diagnostic.arguments, message.arguments, file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }

    /// A harness whose first cell fitted `lm`, a small character RNN, on `train` from `data/tiny.txt` for two
    /// epochs, measuring `valid` after each.
    static func withFittedModel() throws -> NotebookHarness {
        let h = try NotebookHarness()
        try h.run("""
        corpus = text("data/tiny.txt")
        train, valid = corpus.split(0.8)
        lm = LanguageModel(vocab: corpus.vocab, embed: 4, rnn: RNN(hidden: 4))
        fit lm on train { epochs: 2, batch: 4, validate: valid }
        """)
        return h
    }

    /// A fresh interpreter over the same folder and settings (a new run of the notebook).
    func restart() {
        interpreter = Interpreter(settings: settings)
    }
}
