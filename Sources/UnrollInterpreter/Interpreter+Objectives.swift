import UnrollData
import UnrollDiagnostics
import UnrollLanguage
import UnrollTraining

extension Interpreter {
    /// The objective that trains or measures `model` on `data`, after checking that the data is of the kind
    /// the model reads and fits its sizes; `place` is the data expression and `modelName` the model as written.
    func objective(for model: ModelValue, on data: Value, at place: SourceRange, modelName: String,
                   bptt: Int, teacherForcing: TeacherForcingSchedule = .init(start: 1)) throws -> Objective {
        if model.kind == .seq2seq, case .dataset(let d) = data, case .pairs(let set) = d.content {
            return try seq2seqObjective(for: model, on: set, at: place, modelName: modelName, teacherForcing: teacherForcing)
        }
        switch (model.network, data) {
        case (.language(let network), .corpus(let corpus)):
            guard corpus.count >= 2 else {
                throw RuntimeError("the corpus has only \(corpus.count) token; a language model needs at least 2", at: place)
            }
            try checkVocabulary(corpus.vocabulary.count, of: model, at: place, modelName: modelName)
            return LanguageModelObjective(model: network, ids: corpus.ids, bptt: bptt)
        case (.classifier(let network), .dataset(let d)):
            guard case .labelled(let set) = d.content else { break }
            try checkVocabulary(set.vocabulary.count, of: model, at: place, modelName: modelName)
            try checkLabels(set.classCount, "classes", of: model, at: place, modelName: modelName)
            return ClassifierObjective(model: network, examples: set.examples)
        case (.tagger(let network), .dataset(let d)):
            let examples: [TaggingExample], vocabulary: Int, tags: Int
            switch d.content {
            case .tagged(let set):
                (examples, vocabulary, tags) = (set.examples, set.vocabulary.count, set.tagCount)
            case .pairs(let set):
                let reserved = set.targetVocabulary.reservedCount
                var converted: [TaggingExample] = []
                for (i, pair) in set.examples.enumerated() {
                    guard pair.source.count == pair.target.count else {
                        throw RuntimeError("pair \(i + 1) has \(pair.source.count) source and \(pair.target.count) target "
                            + "symbols; a Tagger needs one target symbol per source symbol", at: place)
                    }
                    converted.append(TaggingExample(tokens: pair.source, tags: pair.target.map { $0 - reserved }))
                }
                (examples, vocabulary, tags) = (converted, set.sourceVocabulary.count, set.targetVocabulary.count - reserved)
            default:
                throw kindMismatch(model, data, at: place)
            }
            try checkVocabulary(vocabulary, of: model, at: place, modelName: modelName)
            try checkLabels(tags, "tags", of: model, at: place, modelName: modelName)
            return TaggerObjective(model: network, examples: examples)
        case (.regressor(let network), .dataset(let d)):
            guard case .sequences(let set) = d.content else { break }
            if set.featureCount != network.inputCount {
                throw RuntimeError(TrainingMessage.inputFeatures(have: set.featureCount, origin: d.origin, model: modelName,
                                                                 want: network.inputCount), at: place)
            }
            if set.outputCount != network.outputCount {
                throw RuntimeError(TrainingMessage.targetValues(have: set.outputCount, origin: d.origin, model: modelName,
                                                                want: network.outputCount), at: place)
            }
            return RegressorObjective(model: model.regressor(perStep: set.perStep), dataset: set)
        default:
            break
        }
        throw kindMismatch(model, data, at: place)
    }

    /// Remembers how the data of a fit reads and names things, for `predict` and `sample` later.
    func adopt(_ data: Value, into model: ModelValue) {
        switch data {
        case .corpus(let corpus): model.codec = TextCodec(corpus)
        case .dataset(let d):
            if model.kind == .seq2seq, case .pairs(let set) = d.content { model.pairFormat = set.replacingExamples([]) }
            if let codec = d.codec { model.codec = codec }
            if let names = d.labelNames { model.labelNames = names }
        default: break
        }
    }

    private func kindMismatch(_ model: ModelValue, _ data: Value, at place: SourceRange) -> RuntimeError {
        RuntimeError(TrainingMessage.wrongData(model: model.kind.rawValue, trainsOn: model.kind.trainsOn, described: data.type.withArticle),
                     at: place)
    }

    private func checkVocabulary(_ entries: Int, of model: ModelValue, at place: SourceRange, modelName: String) throws {
        guard let size = model.vocabularySize, entries > size else { return }
        throw RuntimeError("the data's vocabulary has \(entries) entries, but '\(modelName)' reads only \(size) token ids; "
            + "build the model with the data's 'vocab'", at: place)
    }

    private func checkLabels(_ count: Int, _ noun: String, of model: ModelValue, at place: SourceRange,
                             modelName: String) throws {
        guard let size = model.labelCount, count > size else { return }
        throw RuntimeError("the data has \(count) \(noun), but '\(modelName)' was built for \(size); "
            + "build it with '\(noun): data.\(noun)'", at: place)
    }
}
