import UnrollAutograd
import UnrollData
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
        /// An encoder–decoder.
        case seq2seq(Seq2Seq)
        /// An encoder–decoder whose vocabulary sizes come from the data of its first fit.
        case pendingSeq2Seq(Seq2SeqDraft)
        /// An echo state network: a fixed reservoir and a readout fitted in closed form.
        case echoState(EchoStateNetwork)
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
    /// A Seq2Seq's vocabularies and tokenization (of both sides), from `source:`/`target:` or the latest fit.
    var pairFormat: SequencePairDataset?

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
        case .seq2seq, .pendingSeq2Seq: return .seq2seq
        case .echoState: return .echoState
        }
    }

    /// The trainable parameters (none before a pending Seq2Seq is built).
    var parameters: [Variable] { parameterized?.parameters ?? [] }

    /// The number of trainable numbers (an echo state network's readout).
    var weightCount: Int {
        if case .echoState(let m) = network { return m.readoutWeightCount }
        return parameterized?.parameterCount ?? 0
    }

    /// Builds a pending Seq2Seq for vocabularies of the given sizes (a no-op for other models).
    func buildSeq2Seq(sourceVocabulary: Int, targetVocabulary: Int, rng: inout RandomGenerator) throws {
        guard case .pendingSeq2Seq(let draft) = network else { return }
        network = .seq2seq(try Seq2Seq(draft.spec(sourceVocabulary: sourceVocabulary, targetVocabulary: targetVocabulary),
                                       rng: &rng))
    }

    /// The number of token ids a text model reads (its embedding rows); nil for a regressor.
    var vocabularySize: Int? {
        switch network {
        case .language(let m): return m.vocabularySize
        case .classifier(let m): return m.embedding.vocabularySize
        case .tagger(let m): return m.embedding.vocabularySize
        case .seq2seq(let m): return m.spec.sourceVocabulary
        case .regressor, .pendingSeq2Seq, .echoState: return nil
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

    /// Input features per step of a regressor or an echo state network.
    var inputs: Int? {
        if case .regressor(let m) = network { return m.inputCount }
        if case .echoState(let m) = network { return m.spec.inputs }
        return nil
    }

    /// Outputs per sequence (or step) of a regressor or an echo state network.
    var outputs: Int? {
        if case .regressor(let m) = network { return m.outputCount }
        if case .echoState(let m) = network { return m.spec.outputs }
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
        case .seq2seq(let m):
            parts += ["source: \(m.spec.sourceVocabulary)", "target: \(m.spec.targetVocabulary)", "embed: \(m.spec.embed)",
                      "encoder: \(m.spec.encoder.summary)", "decoder: \(m.spec.decoder.summary)",
                      "attention: \(m.spec.attention.rawValue)", "weights: \(weightCount)"]
            return "Seq2Seq(" + parts.joined(separator: ", ") + ")"
        case .pendingSeq2Seq(let d):
            parts += ["embed: \(d.embed)", "encoder: \(d.encoder.summary)", "decoder: \(d.decoder.summary)",
                      "attention: \(d.attention.rawValue)", "built at the first fit"]
            return "Seq2Seq(" + parts.joined(separator: ", ") + ")"
        case .echoState(let m):
            let s = m.spec
            parts += ["inputs: \(s.inputs)", "outputs: \(s.outputs)", "reservoir: \(s.reservoir)",
                      "spectral_radius: \(NumberText.format(s.spectralRadius))", "leak: \(NumberText.format(s.leak))",
                      "input_scale: \(NumberText.format(s.inputScale))", "density: \(NumberText.format(s.density))",
                      "connections: \(m.reservoir.connectionCount)", "readout weights: \(weightCount)"]
            return "EchoState(" + parts.joined(separator: ", ") + ")"
        }
        if let embed { parts.append("embed: \(embed)") }
        parts.append("rnn: \(spec.summary)")
        if case .classifier(let m) = network, m.readout != .last { parts.append("readout: \(m.readout.rawValue)") }
        parts.append("weights: \(weightCount)")
        return "\(kind.rawValue)(" + parts.joined(separator: ", ") + ")"
    }

    /// The network as a set of named parameters; nil while a Seq2Seq waits for its first fit.
    var parameterized: Parameterized? {
        switch network {
        case .language(let m): return m
        case .classifier(let m): return m
        case .tagger(let m): return m
        case .regressor(let m): return m
        case .seq2seq(let m): return m
        case .pendingSeq2Seq, .echoState: return nil
        }
    }
}
