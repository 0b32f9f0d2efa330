import UnrollData
import UnrollDiagnostics
import UnrollLanguage
import UnrollNN
import UnrollRecord
import UnrollTensor
import UnrollTraining

extension Interpreter {
    /// `Seq2Seq(source:, target:, embed:, encoder:, decoder:, attention:, dropout:)`; without the vocabulary
    /// sizes the network is built at the first fit, from the data.
    func seq2seqModel(_ arguments: Arguments) throws -> Value {
        guard case .recurrent(let encoder) = try arguments.value("encoder") else {
            throw arguments.error("argument 'encoder' of 'Seq2Seq' expects a recurrent layer", at: "encoder")
        }
        guard let width = CheckedSize.product([encoder.hidden, encoder.bidirectional ? 2 : 1]) else {
            throw modelTooLarge(nil, owner: arguments.owner, at: arguments.place("encoder"))
        }
        if let cell = encoder.cell {
            guard arguments["decoder"] != nil else {
                throw arguments.error("the encoder is the declared cell '\(cell.name)'; give 'decoder:' an RNN, LSTM or GRU, "
                    + "since a decoder runs step by step with attention and a declared cell runs as an encoder only",
                    at: "encoder")
            }
            try prepareCell(encoder, inputSize: try arguments.int("embed"), prefix: "encoder.", owner: arguments.owner,
                            at: arguments.place("encoder"))
        }
        var decoder = Seq2SeqDraft.defaultDecoder(for: encoder)
        if let given = arguments["decoder"] {
            guard case .recurrent(let spec) = given else {
                throw arguments.error("argument 'decoder' of 'Seq2Seq' expects a recurrent layer", at: "decoder")
            }
            if let cell = spec.cell {
                throw arguments.error("the declared cell '\(cell.name)' runs as an encoder only: a decoder runs step by "
                    + "step with attention; give 'decoder:' an RNN, LSTM or GRU", at: "decoder")
            }
            guard !spec.bidirectional else {
                throw arguments.error("a decoder cannot be bidirectional: it writes one token after another; "
                    + "drop 'bidirectional' from the decoder", at: "decoder")
            }
            guard spec.variant == .standard else {
                throw RuntimeError(BuiltinMessage.variantDecoder(variant: spec.variant.rawValue), at: arguments.place("decoder"))
            }
            guard spec.connections == .adjacent else {
                throw arguments.error(TimeConnectionMessage.decoderOnTape(layer: spec.summary), at: "decoder")
            }
            decoder = spec
        }
        let name = try arguments.string("attention")
        guard let attention = AttentionKind(rawValue: name) else {
            throw arguments.error("unknown attention '\(name)'; use additive, dot, general or none", at: "attention")
        }
        if attention == .dot, decoder.hidden != width {
            throw arguments.error("'dot' attention compares the decoder's state with the encoder's outputs, so their widths must "
                + "agree: the encoder gives \(width), the decoder has \(decoder.hidden); use 'general' or 'additive', "
                + "or a decoder with hidden: \(width)", at: "attention")
        }
        let embed = try arguments.int("embed")
        let draft = Seq2SeqDraft(embed: embed, encoder: encoder, decoder: decoder, attention: attention,
                                 dropout: Float(try arguments.double("dropout")))
        let model = ModelValue(.pendingSeq2Seq(draft), spec: encoder, embed: embed, codec: nil)
        // The smallest vocabularies the data could bring (one source id; pad, unk, bos, eos and one target id)
        // already refuse a model whose other sizes are too large, before any data is read.
        let source = arguments["source"] == nil ? 1 : try arguments.int("source")
        let target = arguments["target"] == nil ? 1 : try arguments.int("target")
        guard let targetIDs = CheckedSize.sum([target, 4]) else {
            throw modelTooLarge(nil, owner: arguments.owner, at: arguments.place("target"))
        }
        try checkFits(WeightCount.seq2seq(draft.spec(sourceVocabulary: source, targetVocabulary: targetIDs)), arguments)
        if arguments["source"] != nil, arguments["target"] != nil {
            let sourceVocabulary = Vocabulary(symbols: SyntheticTasks.symbols(source))
            let targetVocabulary = Vocabulary(symbols: SyntheticTasks.symbols(target), specials: true)
            try model.buildSeq2Seq(sourceVocabulary: sourceVocabulary.count, targetVocabulary: targetVocabulary.count,
                                   rng: &rng)
            model.pairFormat = SequencePairDataset(examples: [], sourceVocabulary: sourceVocabulary,
                                                   targetVocabulary: targetVocabulary, sourceUnit: .word, targetUnit: .word)
        } else if arguments["source"] != nil || arguments["target"] != nil {
            let given = arguments["source"] != nil ? "source" : "target"
            throw arguments.error("give 'source' and 'target' together, or neither to take both from the data", at: given)
        }
        return .model(model)
    }

    /// The objective of a Seq2Seq on pair data, building a pending network from the data's vocabularies.
    func seq2seqObjective(for model: ModelValue, on set: SequencePairDataset, at place: SourceRange, modelName: String,
                          teacherForcing: TeacherForcingSchedule) throws -> Objective {
        if case .pendingSeq2Seq(let draft) = model.network {
            let spec = draft.spec(sourceVocabulary: set.sourceVocabulary.count, targetVocabulary: set.targetVocabulary.count)
            try checkFits(WeightCount.seq2seq(spec), owner: modelName, at: place)
        }
        do {
            try model.buildSeq2Seq(sourceVocabulary: set.sourceVocabulary.count,
                                   targetVocabulary: set.targetVocabulary.count, rng: &rng)
        } catch let error as Seq2SeqError {
            throw RuntimeError(error.message, at: place)
        }
        guard case .seq2seq(let network) = model.network else { preconditionFailure("interpreter: Seq2Seq not built") }
        if set.sourceVocabulary.count > network.spec.sourceVocabulary {
            throw RuntimeError("the data's source vocabulary has \(set.sourceVocabulary.count) entries, but '\(modelName)' "
                + "reads only \(network.spec.sourceVocabulary) source ids; leave out 'source:' to size it from the data",
                at: place)
        }
        if set.targetVocabulary.count > network.spec.targetVocabulary {
            throw RuntimeError("the data's target vocabulary has \(set.targetVocabulary.count) entries, but '\(modelName)' "
                + "writes only \(network.spec.targetVocabulary) target ids; leave out 'target:' to size it from the data",
                at: place)
        }
        return Seq2SeqObjective(model: network, examples: set.examples, schedule: teacherForcing)
    }

    /// `token_accuracy(model, data, beam:)`: decoded tokens right at their position.
    func tokenAccuracyBuiltin(_ arguments: Arguments) throws -> Value {
        let (network, set) = try seq2seqAndPairs(arguments)
        let outputs = try decode(network, set.examples, beam: try arguments.int("beam"), at: arguments.place("beam"))
        // The end token counts too: stopping at the right place is part of getting the sequence right.
        let end = Seq2SeqObjective.end
        let accuracy = SequenceAccuracy(hypotheses: outputs.map { $0 + [end] }, references: set.examples.map { $0.target + [end] })
        return .float(accuracy.tokenAccuracy ?? .nan)
    }

    /// `bleu(model, data, beam:)`: corpus BLEU of the decoded outputs, 0 to 100.
    func bleuBuiltin(_ arguments: Arguments) throws -> Value {
        let (network, set) = try seq2seqAndPairs(arguments)
        let outputs = try decode(network, set.examples, beam: try arguments.int("beam"), at: arguments.place("beam"))
        let score = CorpusBLEU.score(hypotheses: outputs.map { $0.map(String.init) },
                                     references: set.examples.map { $0.target.map(String.init) })
        return .float(100 * score.bleu)
    }

    /// The exact-sequence accuracy of greedy decoding, for `accuracy(seq2seq, data)`.
    func sequenceAccuracy(_ arguments: Arguments) throws -> Value {
        let (network, set) = try seq2seqAndPairs(arguments)
        let outputs = try decode(network, set.examples, beam: 1, at: arguments.site)
        return .float(SequenceAccuracy(hypotheses: outputs, references: set.examples.map(\.target)).exactMatch ?? .nan)
    }

    /// `translate(model, input, beam:, max_length:)` and `predict(seq2seq, input)`: the decoded text.
    func translateBuiltin(_ arguments: Arguments) throws -> Value {
        let (_, format, decoding) = try decodeInput(arguments)
        return .string(format.decodeTarget(decoding.tokens))
    }

    /// `attention(model, input, beam:, max_length:)`: the attention table of one decoding.
    func attentionBuiltin(_ arguments: Arguments) throws -> Value {
        let (network, format, decoding) = try decodeInput(arguments)
        guard network.spec.attention != .none else {
            throw arguments.error("the model has no attention (attention: \"none\"): its decoder sees one fixed context "
                + "vector; build it with attention: \"additive\", \"dot\" or \"general\"", at: "model")
        }
        let input = try arguments.string("input")
        let sourceTokens = format.sourceUnit.tokenize(input, lowercase: format.lowercase)
        let ids = format.encodeSource(input)
        let columns = zip(sourceTokens, ids).map { token, id in id == format.sourceVocabulary.unknownIndex ? "<unk>" : token }
        let rows = decoding.tokens.map { format.targetVocabulary.decode([$0])[0] }
        return .heatmap(HeatmapOutput(title: "attention: \(input)", rowLabels: rows, columnLabels: columns,
                                      values: decoding.attention.map { $0.map(Double.init) }))
    }

    /// `translations(model, data, count:, beam:)`: a table of example decodings.
    func translationsBuiltin(_ arguments: Arguments) throws -> Value {
        let (network, set) = try seq2seqAndPairs(arguments)
        let examples = Array(set.examples.prefix(try arguments.int("count")))
        let outputs = try decode(network, examples, beam: try arguments.int("beam"), at: arguments.place("beam"))
        let rows: [[TableCell]] = zip(examples, outputs).map { example, output in
            [.text(set.decodeSource(example.source)), .text(set.decodeTarget(example.target)),
             .text(set.decodeTarget(output)), .text(output == example.target ? "yes" : "no")]
        }
        return .table(TableOutput(columns: ["source", "reference", "output", "exact"], rows: rows))
    }

    /// Decodes every example's source (greedy in batches, or beam search one by one) and returns the outputs
    /// without the end token.
    func decode(_ network: Seq2Seq, _ examples: [SequencePairExample], beam: Int, at beamPlace: SourceRange) throws
        -> [[Int]] {
        var outputs = [[Int]](repeating: [], count: examples.count)
        let end = Seq2SeqObjective.end
        if beam == 1 {
            let batches = paddedBatches(examples.map(\.source), batchSize: 64, order: Array(examples.indices))
            for batch in batches {
                let decodings = try network.greedy(source: batch.tokens, sourceLengths: batch.lengths,
                                                   sourceSteps: batch.steps, maxLength: Self.maxLength(batch.steps),
                                                   checkpoint: checkpoint)
                for (n, i) in batch.indices.enumerated() {
                    outputs[i] = Array(decodings[n].tokens.prefix { $0 != end })
                }
                try checkpoint()
            }
        } else {
            let longest = examples.map(\.source.count).max() ?? 0
            try checkBeam(network, beam: beam, sourceLength: longest, maxLength: Self.maxLength(longest), at: beamPlace)
            for (i, example) in examples.enumerated() {
                let decoding = try network.beamSearch(source: example.source, beamWidth: beam,
                                                      maxLength: Self.maxLength(example.source.count), checkpoint: checkpoint)
                outputs[i] = Array(decoding.tokens.prefix { $0 != end })
                try checkpoint()
            }
        }
        return outputs
    }

    /// Refuses a beam search whose hypotheses would not fit in this machine's memory (`Seq2Seq.beamSearchBytes`),
    /// with the error at `place` (the `beam` argument).
    func checkBeam(_ network: Seq2Seq, beam: Int, sourceLength: Int, maxLength: Int, at place: SourceRange) throws {
        guard beam > 1 else { return }
        let bytes = network.beamSearchBytes(beamWidth: beam, sourceLength: sourceLength, maxLength: maxLength)
        if MachineMemory.holds(bytes) { return }
        throw RuntimeError(BuiltinMessage.beamTooWide(beam: beam, bytes: MachineMemory.describe(bytes),
                                                      machine: MachineMemory.available), at: place)
    }

    /// The default output limit for a source of `length` tokens.
    static func maxLength(_ length: Int) -> Int { 2 * length + 10 }

    private func seq2seqAndPairs(_ arguments: Arguments) throws -> (Seq2Seq, SequencePairDataset) {
        let network = try builtSeq2Seq(arguments)
        let data = try arguments.value("data")
        guard case .dataset(let d) = data, case .pairs(let set) = d.content else {
            throw arguments.error("'\(arguments.owner)' needs sequence pairs, got \(data.type.withArticle)", at: "data")
        }
        if set.sourceVocabulary.count > network.spec.sourceVocabulary || set.targetVocabulary.count > network.spec.targetVocabulary {
            throw arguments.error("the data's vocabularies (\(set.sourceVocabulary.count) source, \(set.targetVocabulary.count) "
                + "target entries) do not fit the model (\(network.spec.sourceVocabulary), \(network.spec.targetVocabulary))",
                at: "data")
        }
        return (network, set)
    }

    private func builtSeq2Seq(_ arguments: Arguments) throws -> Seq2Seq {
        let model = try arguments.model()
        switch model.network {
        case .seq2seq(let network): return network
        case .pendingSeq2Seq:
            throw arguments.error("the Seq2Seq has not been built yet: fit it first, or give 'source:' and 'target:' sizes",
                                  at: "model")
        default:
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: "'\(arguments.owner)' needs a Seq2Seq", kind: model.kind.rawValue),
                                  at: "model")
        }
    }

    private func decodeInput(_ arguments: Arguments) throws -> (Seq2Seq, SequencePairDataset, DecodedSequence) {
        let network = try builtSeq2Seq(arguments)
        guard case .model(let model) = try arguments.value("model"), let format = model.pairFormat else {
            throw arguments.error("the model has no vocabularies to read text with; fit it first", at: "model")
        }
        let input = try arguments.string("input")
        let ids = format.encodeSource(input)
        guard !ids.isEmpty else { throw arguments.error("the input has no tokens to translate", at: "input") }
        let beam = arguments["beam"] == nil ? 1 : try arguments.int("beam")
        let limit = arguments["max_length"] == nil ? Self.maxLength(ids.count) : try arguments.int("max_length")
        try checkBeam(network, beam: beam, sourceLength: ids.count, maxLength: limit,
                      at: arguments.place("beam"))
        let decoding = beam == 1
            ? try network.greedy(source: ids, sourceLengths: [ids.count], sourceSteps: ids.count, maxLength: limit,
                                 checkpoint: checkpoint)[0]
            : try network.beamSearch(source: ids, beamWidth: beam, maxLength: limit, checkpoint: checkpoint)
        return (network, format, decoding)
    }
}
