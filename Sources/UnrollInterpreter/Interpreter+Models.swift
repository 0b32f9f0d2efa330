import UnrollData
import UnrollDiagnostics
import UnrollNN
import UnrollTensor

extension Interpreter {
    /// `LanguageModel(vocab:, embed:, rnn:, dropout:)`.
    func languageModel(_ arguments: Arguments) throws -> Value {
        let (size, codec) = try vocabulary(arguments)
        let embed = try arguments.int("embed"), spec = try recurrent(arguments)
        try prepareCell(spec, inputSize: embed, prefix: "rnn.", owner: arguments.owner, at: arguments.place("rnn"))
        let dropout = Float(try arguments.double("dropout"))
        try checkFits(WeightCount.tokenModel(vocabulary: size, embed: embed, rnn: spec, outputs: size), arguments)
        let network = LanguageModel(vocabulary: size, embed: embed, rnn: spec, dropout: dropout, rng: &rng)
        return .model(ModelValue(.language(network), spec: spec, embed: embed, codec: codec))
    }

    /// `Classifier(vocab:, classes:, embed:, rnn:, dropout:, readout:)`.
    func classifier(_ arguments: Arguments) throws -> Value {
        let (size, codec) = try vocabulary(arguments)
        let classes = try arguments.int("classes")
        guard classes >= 2 else { throw arguments.error(BuiltinMessage.tooFewClasses(got: classes), at: "classes") }
        let embed = try arguments.int("embed"), spec = try recurrent(arguments)
        try prepareCell(spec, inputSize: embed, prefix: "rnn.", owner: arguments.owner, at: arguments.place("rnn"))
        let dropout = Float(try arguments.double("dropout"))
        try checkFits(WeightCount.tokenModel(vocabulary: size, embed: embed, rnn: spec, outputs: classes), arguments)
        let readout = try classifierReadout(arguments)
        let network = SequenceClassifier(vocabulary: size, classes: classes, embed: embed, rnn: spec,
                                         dropout: dropout, readout: readout, rng: &rng)
        return .model(ModelValue(.classifier(network), spec: spec, embed: embed, codec: codec))
    }

    /// The `readout` argument of a `Classifier` (its constraint has already refused other strings).
    private func classifierReadout(_ arguments: Arguments) throws -> ClassifierReadout {
        let name = try arguments.string("readout")
        guard let readout = ClassifierReadout(rawValue: name) else {
            throw arguments.error("unknown readout '\(name)'; use last, mean or max", at: "readout")
        }
        return readout
    }

    /// `Tagger(vocab:, tags:, embed:, rnn:, dropout:)`.
    func tagger(_ arguments: Arguments) throws -> Value {
        let (size, codec) = try vocabulary(arguments)
        let tags = try arguments.int("tags"), embed = try arguments.int("embed"), spec = try recurrent(arguments)
        try prepareCell(spec, inputSize: embed, prefix: "rnn.", owner: arguments.owner, at: arguments.place("rnn"))
        let dropout = Float(try arguments.double("dropout"))
        try checkFits(WeightCount.tokenModel(vocabulary: size, embed: embed, rnn: spec, outputs: tags), arguments)
        let network = SequenceTagger(vocabulary: size, tags: tags, embed: embed, rnn: spec, dropout: dropout, rng: &rng)
        return .model(ModelValue(.tagger(network), spec: spec, embed: embed, codec: codec))
    }

    /// `Regressor(inputs:, outputs:, rnn:)`; it becomes a per-step regressor when fitted on per-step data.
    func regressor(_ arguments: Arguments) throws -> Value {
        let inputs = try arguments.int("inputs"), outputs = try arguments.int("outputs"), spec = try recurrent(arguments)
        try prepareCell(spec, inputSize: inputs, prefix: "rnn.", owner: arguments.owner, at: arguments.place("rnn"))
        try checkFits(WeightCount.regressor(inputs: inputs, outputs: outputs, rnn: spec), arguments)
        let network = SequenceRegressor(inputs: inputs, outputs: outputs, rnn: spec, perStep: false, rng: &rng)
        return .model(ModelValue(.regressor(network), spec: spec, embed: nil, codec: nil))
    }

    /// Refuses a model of `weights` weights (nil: too many to count) when training it would not fit in this
    /// machine's memory: 4 bytes per weight, four times over (weights, gradients, two optimizer moments).
    func checkFits(_ weights: Int?, _ arguments: Arguments) throws {
        try checkFits(weights, owner: arguments.owner, at: arguments.site)
    }

    /// `checkFits(_:_:)` for a model named `owner`, with the error at `place`.
    func checkFits(_ weights: Int?, owner: String, at place: SourceRange) throws {
        if MachineMemory.holds(CheckedSize.product([weights, 16])) { return }
        throw modelTooLarge(weights, owner: owner, at: place)
    }

    /// The error for a model named `owner` of `weights` weights (nil: too many to count) that does not fit.
    func modelTooLarge(_ weights: Int?, owner: String, at place: SourceRange) -> RuntimeError {
        let bytes = Double(weights ?? 0) * 4
        return RuntimeError(BuiltinMessage.modelTooLarge(owner: owner, weights: weights,
                                                        weightsGB: MachineMemory.gigabytes(bytes),
                                                        trainingGB: MachineMemory.gigabytes(bytes * 4),
                                                        machineGB: MachineMemory.gigabytes(Double(MachineMemory.bytes))),
                            at: place)
    }

    /// `RNN(hidden:, layers:, bidirectional:, dropout:, nonlinearity:, skip:, skip_only:)`.
    func rnnLayer(_ arguments: Arguments) throws -> Value {
        let kind: RecurrentCellKind = try arguments.string("nonlinearity") == "relu" ? .rnnRelu : .rnnTanh
        var spec = try recurrentSpec(kind, arguments)
        spec.connections = try skipConnections(arguments)
        return .recurrent(spec)
    }

    /// `LSTM(hidden:, layers:, bidirectional:, dropout:, variant:)`.
    func lstmLayer(_ arguments: Arguments) throws -> Value {
        var spec = try recurrentSpec(.lstm, arguments)
        spec.variant = LSTMVariant(rawValue: try arguments.string("variant")) ?? .standard
        return .recurrent(spec)
    }

    /// `GRU(hidden:, layers:, bidirectional:, dropout:)`.
    func gruLayer(_ arguments: Arguments) throws -> Value { .recurrent(try recurrentSpec(.gru, arguments)) }

    /// `SGD(lr:, momentum:)`.
    func sgd(_ arguments: Arguments) throws -> Value {
        .optimizer(.sgd(lr: try arguments.double("lr"), momentum: try arguments.double("momentum")))
    }

    /// `Adam(lr:)`.
    func adam(_ arguments: Arguments) throws -> Value { .optimizer(.adam(lr: try arguments.double("lr"))) }

    /// `AdamW(lr:, weight_decay:)`.
    func adamW(_ arguments: Arguments) throws -> Value {
        .optimizer(.adamW(lr: try arguments.double("lr"), weightDecay: try arguments.double("weight_decay")))
    }

    /// `RMSprop(lr:)`.
    func rmsprop(_ arguments: Arguments) throws -> Value { .optimizer(.rmsprop(lr: try arguments.double("lr"))) }

    /// `Adagrad(lr:)`.
    func adagrad(_ arguments: Arguments) throws -> Value { .optimizer(.adagrad(lr: try arguments.double("lr"))) }

    /// The embedding rows of a text model, and its codec when `vocab` is a Vocabulary. A bare number counts
    /// the symbols; the reserved `<pad>` and `<unk>` come on top, so that `vocab: 12` fits `task.copy(vocab: 12)`.
    private func vocabulary(_ arguments: Arguments) throws -> (size: Int, codec: TextCodec?) {
        switch try arguments.value("vocab") {
        case .vocabulary(let codec): return (codec.vocabulary.count, codec)
        case .int(let n):
            guard n >= 1 else { throw arguments.error("'vocab' must be positive, got \(n)", at: "vocab") }
            return (n + 2, nil)
        case let other:
            throw arguments.error("argument 'vocab' of '\(arguments.owner)' expects int or Vocabulary, got \(other.type)", at: "vocab")
        }
    }

    private func recurrent(_ arguments: Arguments) throws -> RecurrentSpec {
        guard case .recurrent(let spec) = try arguments.value("rnn") else {
            throw arguments.error("argument 'rnn' of '\(arguments.owner)' expects a recurrent layer", at: "rnn")
        }
        return spec
    }

    func recurrentSpec(_ kind: RecurrentCellKind, _ arguments: Arguments) throws -> RecurrentSpec {
        RecurrentSpec(kind: kind, hidden: try arguments.int("hidden"), layers: try arguments.int("layers"),
                      bidirectional: try arguments.bool("bidirectional"), dropout: Float(try arguments.double("dropout")),
                      initialization: try recurrentInit(kind, arguments),
                      spectralRadius: try arguments.optionalDouble("spectral_radius"))
    }
}
