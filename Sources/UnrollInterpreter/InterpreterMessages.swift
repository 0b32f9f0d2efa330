import UnrollDiagnostics
import UnrollLanguage

// The messages only the interpreter raises: about the files a notebook reads, and those a builtin's rule
// (before the run) and its code (during it) share.

/// The messages about the files a notebook reads.
enum FileMessage: DiagnosticMessage, Hashable {
    /// A path that leaves the notebook's folder (and every folder the user allowed).
    case outsideFolder(path: String, rootsAllowed: Bool)
    /// A path naming something that is neither a file nor a folder (a FIFO, a device, a socket), which reading
    /// could block on forever.
    case notRegularFile(path: String, kind: String)
    /// A path that names no file; `suggestion` is a file beside it with a close name.
    case noSuchFile(path: String, suggestion: String?)
    /// A path naming a folder.
    case isFolder(path: String)
    /// A file the system would not let us open or read; `reason` is its text (`permission denied`).
    case unreadable(path: String, reason: String)
    /// A file whose place could not be checked, because `/proc/self/fd` said nothing; it is refused.
    case unverifiable(path: String, reason: String)
    /// A file that became shorter while it was read.
    case changedWhileRead(path: String)
    /// A data file read as text larger than `Interpreter.maximumTextFileBytes`; sizes in GB.
    case tooLargeForText(path: String, sizeGB: String, limitGB: String)
    /// A safetensors file whose bytes and decoded tensors would take more than half this machine's memory.
    case tensorsTooLarge(path: String, neededGB: String, machineGB: String)

    /// Every message of this type belongs to the interpreter.
    static let domain = "UnrollInterpreter"

    /// The message as users read it.
    var text: String {
        switch self {
        case .outsideFolder(let path, let rootsAllowed):
            return "'\(path)' is outside the notebook's folder; data files must be inside it"
                + (rootsAllowed ? " or an allowed folder" : "")
        case .notRegularFile(let path, let kind):
            return "'\(path)' is not a regular file (it is \(kind)); data files must be plain files"
        case .noSuchFile(let path, let suggestion):
            return "'\(path)': no such file" + Suggestion.hint(suggestion)
        case .isFolder(let path):
            return "'\(path)': is a folder, not a file"
        case .unreadable(let path, let reason):
            return "'\(path)' cannot be read: \(reason)"
        case .unverifiable(let path, let reason):
            return "'\(path)' is refused: where it leads cannot be checked (/proc/self/fd: \(reason))"
        case .changedWhileRead(let path):
            return "'\(path)' changed while it was read; run the cell again when nothing is writing it"
        case .tooLargeForText(let path, let sizeGB, let limitGB):
            return "'\(path)' is \(sizeGB) GB, more than the \(limitGB) GB a data file read as text may have; "
                + "use a sample of it"
        case .tensorsTooLarge(let path, let neededGB, let machineGB):
            return "'\(path)' needs \(neededGB) GB to load (the file and its decoded tensors); this machine has "
                + "\(machineGB) GB and a file may take at most half of it"
        }
    }
}

/// The messages of particular builtins, raised by their rules before a run and by their code during one.
enum BuiltinMessage: DiagnosticMessage, Hashable {
    /// A dataset member that only some kinds of dataset have (`classes` of tagged sequences).
    case datasetMemberUndefined(member: String, kinds: String, holds: String)
    /// A model of a kind the builtin does not take; `needs` says what it takes (`'translate' needs a Seq2Seq`).
    case wrongModelKind(needs: String, kind: String)
    /// A builtin that works on a model given something else.
    case modelExpected(owner: String, got: ValueType)
    /// A Classifier for one class.
    case tooFewClasses(got: Int)
    /// `predict` with an input of the wrong form; `expected` is `a string` or `a list of steps`.
    case predictInput(model: String, expected: String, got: ValueType)
    /// `save_tensors` of an empty record.
    case emptyTensorRecord
    /// A `prime:` with tokens the model's vocabulary does not know (a warning: they are read as `<unk>`).
    case primeOutsideVocabulary(tokens: [String])
    /// `range(a, b)` (or `range(b)`, from 0) with no int from `lower` up to `upper`, left out.
    case emptyRangeCall(lower: Int, upper: Int)
    /// A model whose weights this machine cannot hold while training; `weights` is nil when the count
    /// overflows, the sizes are in GB.
    case modelTooLarge(owner: String, weights: Int?, weightsGB: String, trainingGB: String, machineGB: String)
    /// An EchoState used before `fit` has solved its readout; `model` is the model as written.
    case notFitted(model: String)
    /// A free run longer than the first sequence's targets can check.
    case forecastTooLong(warmup: Int, steps: Int, length: Int)
    /// A free run of a model whose outputs cannot be its next inputs.
    case feedbackSizes(inputs: Int, outputs: Int)
    /// A free run of a readout fitted to one target per sequence.
    case perStepReadout
    /// A Regressor's free run on data with a target per step rather than one after each window.
    case forecastNeedsWindows
    /// A Regressor's free run on a data set with no examples; `data` is the data as written.
    case noWindows(data: String)
    /// A window (`data[example]`) of another length than the first.
    case windowLength(data: String, example: Int, steps: Int, window: Int)
    /// A window (`data[example]`) that does not continue the one before it by one row: not one series in order.
    case windowsNotConsecutive(data: String, example: Int)
    /// A Regressor's free run whose warm-up is shorter than the window it must start from.
    case warmupShorterThanWindow(warmup: Int, window: Int)
    /// A Regressor's run longer than the rows the windows cover.
    case seriesTooShort(warmup: Int, steps: Int, rows: Int)
    /// NRMSE of targets that do not vary.
    case constantTargets
    /// A beam search whose hypotheses would not fit in this machine's memory; `bytes` is `about 6.2 GB` or
    /// `more bytes than can be counted`, `machine` is `this machine has 24.0 GB`.
    case beamTooWide(beam: Int, bytes: String, machine: String)
    /// A Seq2Seq decoder declared as an LSTM variant, which only sequence layers run.
    case variantDecoder(variant: String)
    /// `init: "identity"` on a gated layer, whose `W_hh` holds several gate blocks.
    case identityInitNeedsRNN(kind: String)
    /// A builtin that unrolls a recurrent stack in time given a bidirectional one.
    case needsOneDirection(owner: String)

    /// `gates`, `gradient_flow` or `bptt_terms` on a model whose layer is a cell declared in the notebook.
    case needsBuiltInCell(owner: String, cell: String)

    /// Every message of this type belongs to the interpreter, where builtins are declared.
    static let domain = "UnrollInterpreter"

    /// Only a prime outside the vocabulary is a warning.
    var severity: Severity {
        if case .primeOutsideVocabulary = self { return .warning }
        return .error
    }

    /// The message as users read it.
    var text: String {
        switch self {
        case .datasetMemberUndefined(let member, let kinds, let holds):
            return "'\(member)' is only defined for \(kinds); this Dataset holds \(holds)"
        case .wrongModelKind(let needs, let kind):
            return "\(needs), not \(ModelKind.withArticle(kind))"
        case .modelExpected(let owner, let got):
            return "'\(owner)' needs a model, got \(got)"
        case .tooFewClasses(let got):
            return "a classifier needs at least 2 classes, got \(got)"
        case .predictInput(let model, let expected, let got):
            return "\(ModelKind.withArticle(model)) predicts from \(expected), got \(got)"
        case .emptyTensorRecord:
            return "there are no tensors to save in an empty record"
        case .primeOutsideVocabulary(let tokens):
            let shown = tokens.prefix(10).map { "'\($0)'" }.joined(separator: ", ") + (tokens.count > 10 ? ", …" : "")
            return "the prime has \(tokens.count) token\(tokens.count == 1 ? "" : "s") the model's vocabulary does not know "
                + "(\(shown)); they are read as <unk>, so the sample starts from less than the prime says"
        case .emptyRangeCall(let lower, let upper):
            let call = lower == 0 ? "range(\(upper))" : "range(\(lower), \(upper))"
            return "\(call) is empty: it counts from \(lower) up to \(upper), left out; the end must be larger than the start"
        case .modelTooLarge(let owner, let weights, let weightsGB, let trainingGB, let machineGB):
            let size = weights.map { "\($0) weights (\(weightsGB) GB, about \(trainingGB) GB to train with their gradients and "
                + "the optimizer's state)" } ?? "more weights than can be counted"
            let fix = owner == "EchoState" ? "make 'reservoir' smaller" : "make 'hidden', 'embed' or the vocabulary smaller"
            return "'\(owner)' would have \(size); this machine has \(machineGB) GB; \(fix)"
        case .notFitted(let model):
            return "'\(model)' has no readout yet; fit it first, e.g. 'fit \(model) on data { ridge: 1e-6 }'"
        case .forecastTooLong(let warmup, let steps, let length):
            return "a warmup of \(warmup) and \(steps) generated steps need \(warmup + steps - 1) steps of truth, but the first "
                + "sequence has \(length); make 'steps' at most \(max(0, length - warmup + 1))"
        case .feedbackSizes(let inputs, let outputs):
            return "a free run feeds each output back as the next input, so it needs as many outputs as inputs, "
                + "got \(outputs) output\(outputs == 1 ? "" : "s") for \(inputs) input\(inputs == 1 ? "" : "s")"
        case .perStepReadout:
            return "the readout was fitted to one target per sequence; a free run needs one-step-ahead data (a target per step)"
        case .forecastNeedsWindows:
            return "a Regressor forecasts from windows of a series with the next value as each one's target "
                + "(series_csv(…, window: 20, horizon: 1)); this data has a target per step"
        case .noWindows(let data):
            return "'\(data)' has no windows to start a forecast from"
        case .windowLength(let data, let example, let steps, let window):
            return "\(data)[\(example)] has \(steps) steps but \(data)[0] has \(window); a forecast slides one window length along the series"
        case .windowsNotConsecutive(let data, let example):
            return "\(data)[\(example)] does not continue \(data)[\(example - 1)] by one row, so the windows are not one series in order; "
                + "forecast on the whole series_csv data (horizon 1, stride 1) or a slice of it such as data[300...379], not on a shuffled split"
        case .warmupShorterThanWindow(let warmup, let window):
            return "a forecast starts from one whole window of true values, so 'warmup' must be at least the window of \(window) "
                + "rows, got \(warmup)"
        case .seriesTooShort(let warmup, let steps, let rows):
            return "a warmup of \(warmup) rows and \(steps) predicted step\(steps == 1 ? "" : "s") need \(warmup + steps) rows of the series, but its windows "
                + "cover \(rows); make 'steps' at most \(max(0, rows - warmup))"
        case .constantTargets:
            return "the targets do not vary, so the NRMSE (the error over their standard deviation) is undefined"
        case .beamTooWide(let beam, let bytes, let machine):
            return "a beam of \(beam) hypotheses would hold \(bytes) at once; \(machine); use a smaller 'beam' (2 to 10 is usual)"
        case .variantDecoder(let variant):
            return "a Seq2Seq decoder steps with the standard LSTM cell; the '\(variant)' variant works in the encoder "
                + "only; drop 'variant' from the decoder"
        case .needsBuiltInCell(let owner, let cell):
            return "'\(owner)' steps the layers Unroll builds in (RNN, LSTM, GRU, LeakyRNN and the LSTM variants); this "
                + "model's layer is the declared cell '\(cell)', which it does not step; use it on a model built with a "
                + "built-in layer"
        case .needsOneDirection(let owner):
            return "'\(owner)' follows the gradient back in time through one direction; this model's recurrent stack is "
                + "bidirectional; build it with 'bidirectional: false'"
        case .identityInitNeedsRNN(let kind):
            return "init \"identity\" is for an Elman RNN (the IRNN); \(kind) has gates; use \"orthogonal\" or \"uniform\""
        }
    }
}

/// Messages about leaky units and skip connections in time (`LeakyRNN(alpha:)`, `RNN(skip:, skip_only:)`), shared
/// by the layers' rules and their code.
enum TimeConnectionMessage: DiagnosticMessage, Hashable {
    /// A leak rate outside (0, 1].
    case alphaOutOfRange(value: String)
    /// A learned leak rate of exactly 1 (its parameter would be infinite).
    case learnedAlphaAtBound(value: String)
    /// More leak rates than hidden units.
    case tooManyAlphas(count: Int, hidden: Int)
    /// `alpha: []`.
    case emptyAlpha
    /// `skip` below 2.
    case skipTooShort(got: Int)
    /// `skip_only: true` without `skip`.
    case skipOnlyWithoutSkip
    /// A Seq2Seq decoder with leaky units or a skip connection.
    case decoderOnTape(layer: String)

    /// Every message of this type belongs to the interpreter, where builtins are declared.
    static let domain = "UnrollInterpreter"

    /// The message as users read it.
    var text: String {
        switch self {
        case .alphaOutOfRange(let value):
            return "'alpha' must be in (0, 1], got \(value); it is the share of the new value a unit takes at each step "
                + "(1 is the Elman RNN, 0.01 a slow unit)"
        case .learnedAlphaAtBound(let value):
            return "a learned 'alpha' must start strictly between 0 and 1 (α is sigmoid of a parameter), got \(value); "
                + "start it at 0.99 or set 'learned: false'"
        case .tooManyAlphas(let count, let hidden):
            return "'alpha' has \(count) values for \(hidden) hidden units; give at most one per unit"
        case .emptyAlpha:
            return "'alpha' is an empty list; give a number or one value per time scale, e.g. [1.0, 0.1, 0.01]"
        case .skipTooShort(let got):
            return "'skip' must be at least 2 (a distance of 1 is the ordinary connection), got \(got)"
        case .skipOnlyWithoutSkip:
            return "'skip_only: true' removes the one-step connections and needs 'skip'; add e.g. 'skip: 3'"
        case .decoderOnTape(let layer):
            return "a Seq2Seq decoder must be an RNN, LSTM or GRU without 'skip', got \(layer); leaky units and skip "
                + "connections can be the encoder"
        }
    }
}

/// The messages of the builtins that look inside a model (`gates`, `unrolled`).
enum InspectionMessage: DiagnosticMessage, Hashable {
    /// A text with no tokens to run the model over.
    case emptyText
    /// A text longer than a heat map may be wide.
    case textTooLong(tokens: Int, limit: Int)
    /// A token of the text that the model's vocabulary lacks; `position` counts from 1.
    case tokenOutsideVocabulary(token: String, position: Int, vocabularySize: Int)
    /// A `layer:` the stack does not have (layers count from 1).
    case noSuchLayer(layer: Int, layers: Int)
    /// `direction: "reverse"` of a stack that runs forwards only.
    case notBidirectional(rnn: String)
    /// A unit the layer does not have (units count from 0).
    case noSuchUnit(unit: Int, hidden: Int)
    /// `units: []`.
    case noUnits

    /// Every message of this type belongs to the interpreter, where builtins are declared.
    static let domain = "UnrollInterpreter"

    /// The message as users read it.
    var text: String {
        switch self {
        case .emptyText:
            return "the text has no tokens to run the model over; give at least one character or word"
        case .textTooLong(let tokens, let limit):
            return "the text has \(tokens) tokens, more than the \(limit) steps a heat map shows; use a shorter text"
        case .tokenOutsideVocabulary(let token, let position, let vocabularySize):
            return "\(ConstantValue.quote(token)) (token \(position) of the text) is not in the model's vocabulary of "
                + "\(vocabularySize) tokens; leave it out or build the vocabulary from a text that has it"
        case .noSuchLayer(let layer, let layers):
            let range = layers == 1 ? "it has 1 layer, layer 1" : "it has \(layers) layers, 1 to \(layers)"
            return "the model has no layer \(layer): \(range)"
        case .notBidirectional(let rnn):
            return "direction \"reverse\" needs a bidirectional stack; \(rnn) runs forwards only (build it with bidirectional: true)"
        case .noSuchUnit(let unit, let hidden):
            return "the layer has no unit \(unit): its \(hidden) units are 0 to \(hidden - 1)"
        case .noUnits:
            return "'units' lists no units; give a count (units: 16) or unit numbers (units: [3, 7])"
        }
    }
}
