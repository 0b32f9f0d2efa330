import UnrollDiagnostics
import UnrollLanguage
import XCTest
@testable import UnrollInterpreter

/// `LeakyRNN(alpha:, learned:)` and `RNN(skip:, skip_only:)` in the language: the checker refuses bad constants and
/// the interpreter the same values known only when run, with the same message; names and sizes reach the models.
final class TimeConnectionLanguageTests: XCTestCase {
    private static let refused: [(call: String, message: TimeConnectionMessage)] = [
        ("LeakyRNN(hidden: 4, alpha: 1.5)", .alphaOutOfRange(value: "1.5")),
        ("LeakyRNN(hidden: 4, alpha: [0.5, 0])", .alphaOutOfRange(value: "0")),
        ("LeakyRNN(hidden: 4, alpha: 1, learned: true)", .learnedAlphaAtBound(value: "1")),
        ("LeakyRNN(hidden: 3, alpha: [1, 0.5, 0.2, 0.1])", .tooManyAlphas(count: 4, hidden: 3)),
        ("RNN(hidden: 4, skip: 1)", .skipTooShort(got: 1)),
        ("RNN(hidden: 4, skip_only: true)", .skipOnlyWithoutSkip),
    ]

    /// Lint diagnostics of one cell.
    private func lint(_ source: String) -> [Diagnostic] {
        Analysis(cells: [CellSource(source: source + "\n", firstLine: 1)], file: "n.md",
                 builtins: BuiltinLibrary.standard.catalog).diagnostics
    }

    func testTheCheckerRefusesBadConstantsWithLocatedMessages() {
        for (call, message) in Self.refused {
            let found = lint("r = " + call).filter { $0.severity == .error }
            XCTAssertEqual(found.map(\.id), [message.id], call)
            XCTAssertEqual(found.first?.arguments, message.arguments, call)
        }
        let d = lint("r = LeakyRNN(hidden: 4, alpha: 1.5)").first
        XCTAssertEqual(d.map { "\($0.location.line):\($0.location.column)" }, "1:32", "points at the argument")
        XCTAssertTrue(lint("r = LeakyRNN(hidden: 64, alpha: [1.0, 0.1, 0.01], learned: false)\nq = RNN(hidden: 3, skip: 4)")
            .filter { $0.severity == .error }.isEmpty)
    }

    func testTheInterpreterRefusesTheSameValuesKnownOnlyWhenRun() throws {
        for (call, message) in Self.refused {
            // The harness runs cells without the checker, as a value known only when run would reach the layer.
            let h = try NotebookHarness()
            h.assertFailure("r = " + call, raises: message)
        }
        let h = try NotebookHarness()
        XCTAssertEqual(h.failure("r = LeakyRNN(hidden: 2, alpha: [\"a\"])"),
                       "1:32: argument 'alpha' of 'LeakyRNN' expects number or list of number, got list of string")
        h.assertFailure("r = LeakyRNN(hidden: 2, alpha: [])", raises: TimeConnectionMessage.emptyAlpha)
    }

    func testASeq2SeqDecoderMustStepThroughTheFusedCells() throws {
        let h = try NotebookHarness()
        h.assertFailure("m = Seq2Seq(encoder: GRU(hidden: 4), decoder: LeakyRNN(hidden: 4, alpha: 0.5))",
                        raises: TimeConnectionMessage.decoderOnTape(layer: "LeakyRNN(hidden: 4, alpha: 0.5)"))
        XCTAssertEqual(try h.printed("""
            pairs = task.reverse(count: 40, length: 3...5, vocab: 5)
            mt = Seq2Seq(embed: 4, encoder: RNN(hidden: 6, skip: 2, bidirectional: true), decoder: GRU(hidden: 6))
            fit mt on pairs.train { epochs: 1 }
            print mt.history.epochs
            """), ["1"])
    }

    func testStateDictNamesAndSizes() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.value("state_dict(Regressor(inputs: 2, rnn: LeakyRNN(hidden: 3, alpha: 0.5, learned: true)))[\"rnn.alpha_l0\"].shape"),
                       "[3]")
        XCTAssertEqual(try h.value("state_dict(Regressor(inputs: 2, rnn: RNN(hidden: 3, skip: 2, layers: 2)))[\"rnn.weight_skip_l1\"].shape"),
                       "[3, 3]")
        XCTAssertTrue(h.failure("t = state_dict(Regressor(inputs: 2, rnn: RNN(hidden: 3, skip: 2, skip_only: true)))[\"rnn.weight_hh_l0\"]")
            .contains("weight_hh_l0"))
        XCTAssertTrue(h.failure("r = Regressor(inputs: 2, rnn: RNN(hidden: 3000000000, skip: 2))").contains("would have"))
    }
}
