import UnrollAutograd
import UnrollLanguage
import UnrollNN
import UnrollTensor
import UnrollTraining

/// A model of the language: the network, what `fit` recorded, and what it needs to read and write text.
final class ModelValue {
    /// The network of each kind of model.
    enum Network {
        /// A next-token language model.
        case language(LanguageModel)
        /// A sequence classifier.
        case classifier(SequenceClassifier)
        /// A sequence tagger.
        case tagger(SequenceTagger)
        /// A sequence regressor (many-to-one, or per step after fitting per-step data).
        case regressor(SequenceRegressor)
    }

    /// The network; a regressor's is replaced by a per-step twin with the same weights when it meets
    /// per-step data.
    private(set) var network: Network
    /// The recurrent stack it was built with.
    let spec: RecurrentSpec
    /// The embedding width of text models.
    let embed: Int?
    /// Every epoch trained so far, over all fits.
    var history = History()
    /// How texts become ids: from the `vocab` argument, then from the data of the latest fit.
    var codec: TextCodec?
    /// The names of the labels or tags, from the data of the latest fit.
    var labelNames: [String]?
    /// The batch size of the latest fit, used when evaluating.
    var batchSize = 32
    /// The BPTT window of the latest fit, used when evaluating a language model.
    var bptt = 35

    /// A model around `network`.
    init(_ network: Network, spec: RecurrentSpec, embed: Int?, codec: TextCodec?) {
        self.network = network
        self.spec = spec
        self.embed = embed
        self.codec = codec
    }

    /// Which kind of model it is.
    var kind: ModelKind {
        switch network {
        case .language: return .languageModel
        case .classifier: return .classifier
        case .tagger: return .tagger
        case .regressor: return .regressor
        }
    }

    /// The trainable parameters.
    var parameters: [Variable] { parameterized.parameters }

    /// The number of trainable numbers.
    var weightCount: Int { parameterized.parameterCount }

    /// The number of token ids a text model reads (its embedding rows); nil for a regressor.
    var vocabularySize: Int? {
        switch network {
        case .language(let m): return m.vocabularySize
        case .classifier(let m): return m.embedding.vocabularySize
        case .tagger(let m): return m.embedding.vocabularySize
        case .regressor: return nil
        }
    }

    /// The number of classes or tags it chooses from; nil for language models and regressors.
    var labelCount: Int? {
        switch network {
        case .classifier(let m): return m.classCount
        case .tagger(let m): return m.tagCount
        default: return nil
        }
    }

    /// Input features per step of a regressor.
    var inputs: Int? {
        if case .regressor(let m) = network { return m.inputCount }
        return nil
    }

    /// Outputs per sequence (or step) of a regressor.
    var outputs: Int? {
        if case .regressor(let m) = network { return m.outputCount }
        return nil
    }

    /// The regressor, switched to per-step or many-to-one outputs as the data asks; the weights carry over.
    func regressor(perStep: Bool) -> SequenceRegressor {
        guard case .regressor(let current) = network else {
            preconditionFailure("regressor(perStep:) on a \(kind.rawValue)")
        }
        if current.perStep == perStep { return current }
        // The twin's fresh weights are overwritten at once, so its generator need not be the notebook's.
        var scratch = RandomGenerator(seed: 0)
        let twin = SequenceRegressor(inputs: current.inputCount, outputs: current.outputCount, rnn: spec,
                                     perStep: perStep, rng: &scratch)
        for (from, to) in zip(current.parameters, twin.parameters) { to.value = from.value }
        network = .regressor(twin)
        return twin
    }

    /// A short description: `LanguageModel(vocab: 67, embed: 32, rnn: LSTM(hidden: 64), weights: 28227)`.
    var summary: String {
        var parts: [String] = []
        switch network {
        case .language(let m): parts.append("vocab: \(m.vocabularySize)")
        case .classifier(let m): parts += ["vocab: \(m.embedding.vocabularySize)", "classes: \(m.classCount)"]
        case .tagger(let m): parts += ["vocab: \(m.embedding.vocabularySize)", "tags: \(m.tagCount)"]
        case .regressor(let m): parts += ["inputs: \(m.inputCount)", "outputs: \(m.outputCount)"]
        }
        if let embed { parts.append("embed: \(embed)") }
        parts += ["rnn: \(spec.summary)", "weights: \(weightCount)"]
        return "\(kind.rawValue)(" + parts.joined(separator: ", ") + ")"
    }

    /// The network as a set of named parameters (PyTorch `state_dict` names).
    var parameterized: Parameterized {
        switch network {
        case .language(let m): return m
        case .classifier(let m): return m
        case .tagger(let m): return m
        case .regressor(let m): return m
        }
    }
}
