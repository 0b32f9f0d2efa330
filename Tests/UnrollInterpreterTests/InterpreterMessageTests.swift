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
        (.primeOutsideVocabulary(tokens: ["床", "前"]),
         "the prime has 2 tokens the model's vocabulary does not know ('床', '前'); they are read as <unk>, "
            + "so the sample starts from less than the prime says"),
        (.emptyRangeCall(lower: 0, upper: 0),
         "range(0) is empty: it counts from 0 up to 0, left out; the end must be larger than the start"),
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
        (.forecastNeedsWindows,
         "a Regressor forecasts from windows of a series with the next value as each one's target "
            + "(series_csv(…, window: 20, horizon: 1)); this data has a target per step"),
        (.noWindows(data: "sine[5...4]"), "'sine[5...4]' has no windows to start a forecast from"),
        (.windowLength(data: "mixed", example: 3, steps: 10, window: 20),
         "mixed[3] has 10 steps but mixed[0] has 20; a forecast slides one window length along the series"),
        (.windowsNotConsecutive(data: "sine.test", example: 1),
         "sine.test[1] does not continue sine.test[0] by one row, so the windows are not one series in order; forecast on the "
            + "whole series_csv data (horizon 1, stride 1) or a slice of it such as data[300...379], not on a shuffled split"),
        (.warmupShorterThanWindow(warmup: 10, window: 20),
         "a forecast starts from one whole window of true values, so 'warmup' must be at least the window of 20 rows, got 10"),
        (.seriesTooShort(warmup: 300, steps: 150, rows: 400),
         "a warmup of 300 rows and 150 predicted steps need 450 rows of the series, but its windows cover 400; make 'steps' at most 100"),
        (.constantTargets, "the targets do not vary, so the NRMSE (the error over their standard deviation) is undefined"),
        (.beamTooWide(beam: 1_000_000, bytes: "about 30.2 GB", machine: "this machine has 24.0 GB"),
         "a beam of 1000000 hypotheses would hold about 30.2 GB at once; this machine has 24.0 GB; use a smaller 'beam' (2 to 10 is usual)"),
        (.variantDecoder(variant: "peephole"), "a Seq2Seq decoder steps with the standard LSTM cell; the 'peephole' variant "
            + "works in the encoder only; drop 'variant' from the decoder"),
        (.needsBuiltInCell(owner: "gates", cell: "Elman"),
         "'gates' steps the layers Unroll builds in (RNN, LSTM, GRU, LeakyRNN and the LSTM variants); this model's "
            + "layer is the declared cell 'Elman', which it does not step; use it on a model built with a built-in layer"),
        (.needsOneDirection(owner: "gradient_flow"),
         "'gradient_flow' follows the gradient back in time through one direction; this model's recurrent stack is "
            + "bidirectional; build it with 'bidirectional: false'"),
        (.identityInitNeedsRNN(kind: "LSTM"),
         "init \"identity\" is for an Elman RNN (the IRNN); LSTM has gates; use \"orthogonal\" or \"uniform\""),
    ]

    private static let timeConnections: [(TimeConnectionMessage, String)] = [
        (.alphaOutOfRange(value: "1.5"), "'alpha' must be in (0, 1], got 1.5; it is the share of the new value a unit takes "
            + "at each step (1 is the Elman RNN, 0.01 a slow unit)"),
        (.learnedAlphaAtBound(value: "1"), "a learned 'alpha' must start strictly between 0 and 1 (α is sigmoid of a "
            + "parameter), got 1; start it at 0.99 or set 'learned: false'"),
        (.tooManyAlphas(count: 4, hidden: 3), "'alpha' has 4 values for 3 hidden units; give at most one per unit"),
        (.emptyAlpha, "'alpha' is an empty list; give a number or one value per time scale, e.g. [1.0, 0.1, 0.01]"),
        (.skipTooShort(got: 1), "'skip' must be at least 2 (a distance of 1 is the ordinary connection), got 1"),
        (.skipOnlyWithoutSkip, "'skip_only: true' removes the one-step connections and needs 'skip'; add e.g. 'skip: 3'"),
        (.decoderOnTape(layer: "LeakyRNN(hidden: 4, alpha: 0.5)"), "a Seq2Seq decoder must be an RNN, LSTM or GRU without "
            + "'skip', got LeakyRNN(hidden: 4, alpha: 0.5); leaky units and skip connections can be the encoder"),
    ]

    private static let inspection: [(InspectionMessage, String)] = [
        (.emptyText, "the text has no tokens to run the model over; give at least one character or word"),
        (.textTooLong(tokens: 600, limit: 512), "the text has 600 tokens, more than the 512 steps a heat map shows; use a shorter text"),
        (.tokenOutsideVocabulary(token: "é", position: 3, vocabularySize: 40),
         "\"é\" (token 3 of the text) is not in the model's vocabulary of 40 tokens; leave it out or build the vocabulary "
            + "from a text that has it"),
        (.noSuchLayer(layer: 3, layers: 2), "the model has no layer 3: it has 2 layers, 1 to 2"),
        (.notBidirectional(rnn: "LSTM(hidden: 8)"),
         "direction \"reverse\" needs a bidirectional stack; LSTM(hidden: 8) runs forwards only (build it with bidirectional: true)"),
        (.noSuchUnit(unit: 9, hidden: 8), "the layer has no unit 9: its 8 units are 0 to 7"),
        (.noUnits, "'units' lists no units; give a count (units: 16) or unit numbers (units: [3, 7])"),
    ]

    func testEveryMessageRendersAsWritten() {
        for (message, text) in Self.inspection { XCTAssertEqual(message.text, text, "\(message.id)") }
        for (message, text) in Self.files { XCTAssertEqual(message.text, text, "\(message.id)") }
        for (message, text) in Self.builtins { XCTAssertEqual(message.text, text, "\(message.id)") }
        for (message, text) in Self.timeConnections { XCTAssertEqual(message.text, text, "\(message.id)") }
        XCTAssertEqual(FileMessage.outsideFolder(path: "a", rootsAllowed: true).text,
                       "'a' is outside the notebook's folder; data files must be inside it or an allowed folder")
    }

    func testTheListsCoverEveryCase() throws {
        try MessageCoverage.assertCovers(Self.files.map(\.0.id), enum: "FileMessage", in: Self.source)
        try MessageCoverage.assertCovers(Self.builtins.map(\.0.id), enum: "BuiltinMessage", in: Self.source)
        try MessageCoverage.assertCovers(Self.timeConnections.map(\.0.id), enum: "TimeConnectionMessage", in: Self.source)
        try MessageCoverage.assertCovers(Self.inspection.map(\.0.id), enum: "InspectionMessage", in: Self.source)
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

    /// Each `(source, start)`: running the source fails with a message that starts with `start`.
    private func assertFailures(_ cases: [(String, String)], file: StaticString = #filePath, line: UInt = #line) throws {
        let h = try NotebookHarness()
        for (source, start) in cases {
            let message = h.failure(source)
            XCTAssertTrue(message.hasPrefix(start), message, file: file, line: line)
        }
    }

    func testAModelTooLargeForThisMachineIsRefusedBeforeAnythingIsAllocated() throws {
        try assertFailures([
            ("m = LanguageModel(vocab: 10, rnn: LSTM(hidden: 100000))", "1:5: 'LanguageModel' would have 40014800396 weights (160.1 GB"),
            ("m = Classifier(vocab: 1000000000000, classes: 2, rnn: GRU(hidden: 4))", "1:5: 'Classifier' would have"),
            ("m = Regressor(inputs: 9223372036854775807, rnn: RNN(hidden: 4))", "1:5: 'Regressor' would have more weights than can be counted"),
        ])
        XCTAssertEqual(try NotebookHarness().printed("m = LanguageModel(vocab: 10, rnn: LSTM(hidden: 4))\nprint m.weights"), ["1052"],
                       "a small model is built as before")
    }

    func testGrowingAListOrAStringPastItsCapIsALocatedError() throws {
        let h = try NotebookHarness()
        h.assertFailure("xs = [1]\nfor i in 1...40 {\n  xs = xs + xs\n}",
                        raises: ExpressionMessage.listTooLong(items: 16_777_216, limit: GrowthLimit.listItems))
        h.assertFailure("s = \"ab\"\nfor i in 1...40 {\n  s = s + s\n}",
                        raises: ExpressionMessage.stringTooLong(bytes: 134_217_728, limit: GrowthLimit.stringBytes))
        XCTAssertEqual(try h.printed("xs = [1, 2]\nxs = xs + xs\nprint len(xs)"), ["4"], "lists under the cap join as before")
    }

    func testASeq2SeqOrABeamTooLargeForThisMachineIsRefused() throws {
        let small = "m = Seq2Seq(source: 6, target: 6, embed: 8, encoder: GRU(hidden: 8))\n"
        try assertFailures([
            ("m = Seq2Seq(encoder: LSTM(hidden: 100000))", "1:5: 'Seq2Seq' would have 150028400197 weights (600.1 GB"),
            ("m = Seq2Seq(encoder: GRU(hidden: 9223372036854775807, bidirectional: true))",
             "1:22: 'Seq2Seq' would have more weights than can be counted"),
            ("m = Seq2Seq(source: 1000000000000, target: 10, encoder: GRU(hidden: 8))", "1:5: 'Seq2Seq' would have 32000000003102 weights"),
            (small + "print translate(m, \"1 2 3\", beam: 9223372036854775807)",
             "2:35: a beam of 9223372036854775807 hypotheses would hold more bytes than can be counted"),
        ])
        XCTAssertEqual(try NotebookHarness().printed(small + "print m.weights"), ["1578"], "a small Seq2Seq is built as before")
    }
}
