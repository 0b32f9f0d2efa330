import UnrollDiagnostics
import UnrollLanguage
import UnrollNN
import UnrollTraining

extension Interpreter {
    /// `evaluate(model, data)`: loss, accuracy and perplexity without training.
    func evaluateBuiltin(_ arguments: Arguments) throws -> Value {
        let (model, metrics) = try measure(arguments)
        return .metrics(MetricsValue(metrics: metrics, kind: model.kind))
    }

    /// `accuracy(model, data)`: the fraction of right next tokens, labels or tags.
    func accuracyBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        guard model.kind != .regressor, model.kind != .echoState else {
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: "accuracy needs a model that predicts symbols", kind: model.kind.rawValue),
                                  at: "model")
        }
        if model.kind == .seq2seq { return try sequenceAccuracy(arguments) }
        let (_, metrics) = try measure(arguments)
        return .float(metrics.accuracy ?? .nan)
    }

    /// `perplexity(model, corpus)`: the exponential of the mean next-token cross-entropy.
    func perplexityBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        guard model.kind == .languageModel else {
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: "perplexity needs a LanguageModel", kind: model.kind.rawValue),
                                  at: "model")
        }
        let (_, metrics) = try measure(arguments)
        return .float(metrics.perplexity ?? .nan)
    }

    /// `predict(model, input)`: the next token, the label, the tags, or the numbers for one input.
    func predictBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        let input = try arguments.value("input")
        if case .tensor(let x) = input { return try predictTensor(model, x, arguments) }
        if case .dataset(let data) = input { return try predictDataset(model, data, arguments) }
        if case .regressor(let network) = model.network {
            let inputs = try stepInputs(input, features: network.inputCount, model: model, arguments)
            return .list(Prediction.values(network, inputs: inputs, steps: inputs.count / network.inputCount).map { .float(Double($0)) })
        }
        if case .echoState(let network) = model.network {
            let readout = try fitted(network, arguments)
            let inputs = try stepInputs(input, features: readout.spec.inputs, model: model, arguments)
            return .list(readout.predict(inputs: inputs, steps: inputs.count / readout.spec.inputs).map { .float(Double($0)) })
        }
        if model.kind == .seq2seq { return try translateBuiltin(arguments) }
        guard case .string(let text) = input else {
            throw arguments.error(BuiltinMessage.predictInput(model: model.kind.rawValue, expected: "a string", got: input.type),
                                  at: "input")
        }
        let codec = try textCodec(of: model, arguments)
        let ids = codec.encode(text)
        guard !ids.isEmpty else { throw arguments.error("the input has no tokens to predict from", at: "input") }
        switch model.network {
        case .language(let network):
            return .string(token(Prediction.nextToken(network, after: ids), in: codec))
        case .classifier(let network):
            return .string(label(Prediction.label(network, of: ids), of: model))
        case .tagger(let network):
            return .list(Prediction.tags(network, of: ids).map { .string(label($0, of: model)) })
        case .regressor, .seq2seq, .pendingSeq2Seq, .echoState:
            preconditionFailure("interpreter: numeric and Seq2Seq models predict elsewhere")
        }
    }

    /// `sample(model, prime:, length:, temperature:)`: generated text, prime included.
    func sampleBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        guard case .language(let network) = model.network else {
            throw arguments.error("sample needs a LanguageModel, not a \(model.kind.rawValue)", at: "model")
        }
        let codec = try textCodec(of: model, arguments)
        let prime = try arguments.string("prime")
        var unknown: [String] = []
        for token in codec.tokens(prime) where !codec.vocabulary.contains(token) && !unknown.contains(token) { unknown.append(token) }
        if !unknown.isEmpty {
            let warning = Diagnostic(BuiltinMessage.primeOutsideVocabulary(tokens: unknown), at: arguments.place("prime"))
            outputs.append(.text(names.next("warning"), warning.description))
        }
        let length = try arguments.int("length"), temperature = Float(try arguments.double("temperature"))
        // Every generated token is at least one byte of the text, so a longer sample cannot be a string.
        guard length <= GrowthLimit.stringBytes else {
            throw arguments.error(ExpressionMessage.stringTooLong(bytes: length, limit: GrowthLimit.stringBytes), at: "length")
        }
        let generated = try TextSampler.sample(network, prime: codec.encode(prime), length: length,
                                               temperature: temperature, rng: &rng, checkpoint: { try self.checkpoint() })
        let text = codec.decode(generated)
        if prime.isEmpty { return .string(text) }
        return .string(codec.splitting == .unit(.char) ? prime + text : prime + " " + text)
    }

    /// The model and its metrics on the `data` argument.
    private func measure(_ arguments: Arguments) throws -> (ModelValue, Metrics) {
        let model = try arguments.model()
        let data = try arguments.value("data")
        if case .echoState(let network) = model.network {
            let set = try sequences(data, for: model, at: arguments.place("data"), modelName: arguments.source("model", or: "model"))
            let readout = try fitted(network, arguments)
            try checkWashout(readout.washout, in: set, arguments, at: "data")
            let (predictions, targets) = try echoStatePredictions(readout, on: set, washout: readout.washout)
            var squares = 0.0
            for (p, y) in zip(predictions, targets) { squares += (p - y) * (p - y) }
            return (model, Metrics(loss: squares / Double(targets.count)))
        }
        let objective = try self.objective(for: model, on: data, at: arguments.place("data"),
                                           modelName: arguments.source("model", or: "model"), bptt: model.bptt)
        if case .language(let network) = model.network, case .corpus(let corpus) = data {
            return (model, LanguageModelEvaluation.measure(network, ids: corpus.ids, batchSize: model.batchSize, bptt: model.bptt))
        }
        return (model, Trainer.evaluate(objective, batchSize: model.batchSize, rng: &rng))
    }


    /// The model's codec, or the error that a model built from a vocabulary size has none.
    func textCodec(of model: ModelValue, _ arguments: Arguments) throws -> TextCodec {
        guard let codec = model.codec else {
            throw arguments.error("the model was built from a vocabulary size and has no tokens to read or write text; "
                + "build it with 'vocab: data.vocab' or fit it first", at: "model")
        }
        return codec
    }

    private func token(_ id: Int, in codec: TextCodec) -> String {
        codec.vocabulary.decode([id])[0]
    }

    private func label(_ index: Int, of model: ModelValue) -> String {
        guard let names = model.labelNames, index < names.count else { return String(index) }
        return names[index]
    }

    /// The `steps × features` inputs of a numeric model's `predict`, from a list of steps (each a number or a list).
    private func stepInputs(_ input: Value, features: Int, model: ModelValue, _ arguments: Arguments) throws -> [Float] {
        guard case .list(let steps) = input, !steps.isEmpty else {
            throw arguments.error("\(ModelKind.withArticle(model.kind.rawValue)) predicts from a non-empty list of steps, got \(input.literal)", at: "input")
        }
        var inputs: [Float] = []
        for (t, step) in steps.enumerated() {
            let values: [Value]
            switch step {
            case .list(let items): values = items
            case .int, .float: values = [step]
            default: values = []
            }
            let numbers = values.compactMap(\.number)
            guard numbers.count == values.count, numbers.count == features else {
                throw arguments.error("step \(t + 1) of the input must be a list of \(features) number\(features == 1 ? "" : "s"), "
                    + "got \(step.literal)", at: "input")
            }
            inputs += numbers.map(Float.init)
        }
        return inputs
    }
}
