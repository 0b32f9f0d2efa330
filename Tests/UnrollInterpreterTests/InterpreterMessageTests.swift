import Foundation
import UnrollDiagnostics
import UnrollLanguage
import UnrollTestSupport
import XCTest
@testable import UnrollInterpreter

/// Renders every message the interpreter defines once and checks that no case is left out of the list.
final class InterpreterMessageTests: XCTestCase {
    /// The file the message enums are declared in.
    private static let source = "Sources/UnrollInterpreter/InterpreterMessages.swift"

    private static let files: [(FileMessage, String)] = [
        (.outsideFolder(path: "../x.txt", rootsAllowed: false),
         "'../x.txt' is outside the notebook's folder; data files must be inside it"),
        (.notRegularFile(path: "pipe", kind: "a FIFO"), "'pipe' is not a regular file (it is a FIFO); data files must be plain files"),
        (.noSuchFile(path: "data/a.tx", suggestion: "a.txt"), "'data/a.tx': no such file; did you mean 'a.txt'?"),
        (.isFolder(path: "data"), "'data': is a folder, not a file"),
        (.unreadable(path: "a.txt", reason: "permission denied"), "'a.txt' cannot be read: permission denied"),
        (.unverifiable(path: "a.txt", reason: "no such file or directory"),
         "'a.txt' is refused: where it leads cannot be checked (/proc/self/fd: no such file or directory)"),
        (.changedWhileRead(path: "a.txt"), "'a.txt' changed while it was read; run the cell again when nothing is writing it"),
        (.tooLargeForText(path: "big.txt", sizeGB: "9.0", limitGB: "1.0"),
         "'big.txt' is 9.0 GB, more than the 1.0 GB a data file read as text may have; use a sample of it"),
        (.tensorsTooLarge(path: "w.safetensors", neededGB: "48.0", machineGB: "24.0"),
         "'w.safetensors' needs 48.0 GB to load (the file and its decoded tensors); this machine has 24.0 GB and a file "
            + "may take at most half of it"),
    ]

    private static let builtins: [(BuiltinMessage, String)] = [
        (.datasetMemberUndefined(member: "classes", kinds: "labelled texts", holds: "tagged sequences"),
         "'classes' is only defined for labelled texts; this Dataset holds tagged sequences"),
        (.wrongModelKind(needs: "'translate' needs a Seq2Seq", kind: "Tagger"), "'translate' needs a Seq2Seq, not a Tagger"),
        (.modelExpected(owner: "accuracy", got: .int), "'accuracy' needs a model, got int"),
        (.tooFewClasses(got: 1), "a classifier needs at least 2 classes, got 1"),
        (.predictInput(model: "Classifier", expected: "a string", got: .int), "a Classifier predicts from a string, got int"),
        (.emptyTensorRecord, "there are no tensors to save in an empty record"),
        (.modelTooLarge(owner: "LanguageModel", weights: 40_000_000, weightsGB: "0.2", trainingGB: "0.6", machineGB: "0.5"),
         "'LanguageModel' would have 40000000 weights (0.2 GB, about 0.6 GB to train with their gradients and the optimizer's "
            + "state); this machine has 0.5 GB; make 'hidden', 'embed' or the vocabulary smaller"),
        (.notFitted(model: "esn"), "'esn' has no readout yet; fit it first, e.g. 'fit esn on data { ridge: 1e-6 }'"),
        (.forecastTooLong(warmup: 100, steps: 300, length: 200),
         "a warmup of 100 and 300 generated steps need 399 steps of truth, but the first sequence has 200; make 'steps' at most 101"),
        (.feedbackSizes(inputs: 2, outputs: 1),
         "a free run feeds each output back as the next input, so it needs as many outputs as inputs, got 1 output for 2 inputs"),
        (.perStepReadout,
         "the readout was fitted to one target per sequence; a free run needs one-step-ahead data (a target per step)"),
        (.constantTargets, "the targets do not vary, so the NRMSE (the error over their standard deviation) is undefined"),
    ]

    func testEveryMessageRendersAsWritten() {
        for (message, text) in Self.files { XCTAssertEqual(message.text, text, "\(message.id)") }
        for (message, text) in Self.builtins { XCTAssertEqual(message.text, text, "\(message.id)") }
        XCTAssertEqual(FileMessage.outsideFolder(path: "a", rootsAllowed: true).text,
                       "'a' is outside the notebook's folder; data files must be inside it or an allowed folder")
    }

    func testTheListsCoverEveryCase() throws {
        try MessageCoverage.assertCovers(Self.files.map(\.0.id), enum: "FileMessage", in: Self.source)
        try MessageCoverage.assertCovers(Self.builtins.map(\.0.id), enum: "BuiltinMessage", in: Self.source)
    }

    func testARuleAndTheCodeOfABuiltinRaiseTheSameMessage() throws {
        let h = try NotebookHarness()
        h.assertFailure("c = Classifier(vocab: 5, classes: 1, rnn: GRU(hidden: 2))", raises: BuiltinMessage.tooFewClasses(got: 1))
        let rule = BuiltinLibrary.standard.catalog.function(named: "Classifier")!.rule!
        let facts = CallFacts(arguments: ["classes": ArgumentFact(type: .int, constant: .int(1),
                                                                  range: SourceRange(start: SourceLocation(file: "f", line: 1, column: 1)))])
        XCTAssertEqual(rule(facts).problems.map(\.id), [BuiltinMessage.tooFewClasses(got: 1).id])
        XCTAssertEqual(rule(facts).problems.map(\.arguments), [["1"]])
    }

    func testASaveNameLongerThanAFileSystemTakesIsRefusedBeforeTheRun() {
        let fits = String(repeating: "w", count: 255 - ".safetensors".count) + ".safetensors"
        XCTAssertNil(BuiltinLibrary.savedFileNameProblem(fits))
        let tooLong = "w" + fits
        XCTAssertEqual(BuiltinLibrary.savedFileNameProblem(tooLong).map { $0.hasSuffix("the name is 256 bytes long and file "
                                                                                    + "names can have at most 255; choose a shorter one") }, true)
        let analysis = Analysis(cells: [CellSource(source: "save_tensors(\"\(tooLong)\", state_dict(Regressor(inputs: 1, rnn: RNN(hidden: 2))))\n",
                                                   firstLine: 1)],
                                file: "n.md", builtins: BuiltinLibrary.standard.catalog)
        XCTAssertTrue(analysis.hasErrors, "lint refuses it: \(analysis.diagnostics)")
    }

    func testAFIFOIsRefusedInsteadOfBlockingTheRead() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(mkfifo(h.folder + "/pipe", 0o600), 0)
        for call in ["text(\"pipe\")", "csv(\"pipe\")", "load_tensors(\"pipe\")"] {
            h.assertFailure("x = \(call)", raises: FileMessage.notRegularFile(path: "pipe", kind: "a FIFO"))
        }
    }

    func testAModelTooLargeForThisMachineIsRefusedBeforeAnythingIsAllocated() throws {
        let h = try NotebookHarness()
        let huge = h.failure("m = LanguageModel(vocab: 10, rnn: LSTM(hidden: 100000))")
        XCTAssertTrue(huge.hasPrefix("1:5: 'LanguageModel' would have 40014800396 weights (160.1 GB"), huge)
        let counted = h.failure("m = Classifier(vocab: 1000000000000, classes: 2, rnn: GRU(hidden: 4))")
        XCTAssertTrue(counted.contains("'Classifier' would have"), counted)
        let overflow = h.failure("m = Regressor(inputs: 9223372036854775807, rnn: RNN(hidden: 4))")
        XCTAssertTrue(overflow.contains("'Regressor' would have more weights than can be counted"), overflow)
        XCTAssertEqual(try h.printed("m = LanguageModel(vocab: 10, rnn: LSTM(hidden: 4))\nprint m.weights"), ["1052"], "a small model is built as before")
    }
}
