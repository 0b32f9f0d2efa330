import UnrollData
import UnrollLanguage
import UnrollNN
import UnrollRecord
import UnrollTraining

extension Interpreter {
    /// `segment(model, input, separator:, count:)`: a text cut into words by a BMES tagger, or for a data set a
    /// table of its first sentences with the true and the predicted words.
    func segmentBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        guard case .tagger(let network) = model.network else {
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: "'segment' needs a Tagger of BMES tags", kind: model.kind.rawValue),
                                  at: "model")
        }
        let separator = try arguments.string("separator")
        let input = try arguments.value("input")
        if case .dataset(let data) = input { return try segmentedSentences(model, network, data, separator: separator, arguments) }
        guard case .string(let text) = input else {
            throw arguments.error("'segment' cuts a text (a string) or the sentences of a Dataset into words, not \(input.type.withArticle)",
                                  at: "input")
        }
        let names = try bmesTagNames(of: model, arguments)
        let codec = try textCodec(of: model, arguments)
        guard codec.splitting == .unit(.char) else {
            throw arguments.error("'segment' tags a text character by character, but this Tagger's tokens are words; "
                + "train it on BMES tags of single characters (`中/B 国/E`)", at: "model")
        }
        // The characters as written (whitespace left out); the ids as the vocabulary reads them.
        let characters = TokenUnit.char.tokenize(TextFile.normalizeNewlines(text), lowercase: false)
            .filter { !$0.allSatisfy(\.isWhitespace) }
        guard !characters.isEmpty else { throw arguments.error("the text has no characters to segment", at: "input") }
        let ids = codec.vocabulary.encode(codec.lowercase ? characters.map { $0.lowercased() } : characters)
        let tags = Prediction.tags(network, of: ids).map { Self.tagName($0, in: names) }
        return .string(Self.words(characters, tags).joined(separator: separator))
    }

    /// The table of `segment(model, data)`: per sentence its true words, the predicted words and how many of the true
    /// words were predicted (same start and end, as `segmentation_f1` counts them).
    private func segmentedSentences(_ model: ModelValue, _ network: SequenceTagger, _ data: DatasetValue, separator: String,
                                    _ arguments: Arguments) throws -> Value {
        // The checks `fit` makes: tagged sequences that fit the model's vocabulary and tags.
        _ = try objective(for: model, on: .dataset(data), at: arguments.place("input"),
                          modelName: arguments.source("model", or: "model"), bptt: model.bptt)
        guard case .tagged(let set) = data.content else {
            throw arguments.error("'segment' needs tagged sentences (from tagged(...)), not \(data.kind.description)", at: "input")
        }
        let names = try bmesTagNames(of: model, arguments)
        let count = try arguments.int("count")
        var rows: [[TableCell]] = []
        for (i, example) in set.examples.enumerated() where !example.tokens.isEmpty {
            guard rows.count < count else { break }
            try checkpoint()
            let characters = set.vocabulary.decode(example.tokens)
            let truth = example.tags.map { set.tagNames[$0] }
            let predicted = Prediction.tags(network, of: example.tokens).map { Self.tagName($0, in: names) }
            let score = SegmentationF1.scores(gold: [truth], predicted: [predicted])
            rows.append([.number(Double(i)), .text(Self.words(characters, truth).joined(separator: separator)),
                         .text(Self.words(characters, predicted).joined(separator: separator)),
                         .text("\(score.correct)/\(score.actual)")])
        }
        return .table(TableOutput(
            title: "segmented by \(arguments.source("model", or: "model")): \(rows.count) of the \(data.count) sentences of "
                + arguments.source("input", or: "data"),
            columns: ["#", "true words", "predicted words", "right"], rows: rows))
    }

    /// The model's tag names, when they are BMES tags (in either case); otherwise the located error.
    private func bmesTagNames(of model: ModelValue, _ arguments: Arguments) throws -> [String] {
        guard let names = model.labelNames else {
            throw arguments.error("'segment' needs to know the Tagger's tag names, which it learns from its data; "
                + "fit it on BMES-tagged sentences first (from tagged(...))", at: "model")
        }
        if let odd = names.first(where: { !["B", "M", "E", "S"].contains($0.uppercased()) }) {
            throw arguments.error("'segment' reads BMES tags (B, M, E, S), but this Tagger has the tag '\(odd)'; "
                + "for BIO or BIOES tags use 'entity_f1' or 'predict'", at: "model")
        }
        return names
    }

    /// The name of tag `index`; beyond the names, S (a word of its own), as `segmentation_f1` reads an unknown tag.
    private static func tagName(_ index: Int, in names: [String]) -> String {
        index < names.count ? names[index] : "S"
    }

    /// The words BMES `tags` cut `characters` into, read as `segmentation_f1` reads them: `BMESTagging.segment` of
    /// the tags in upper case (a word ends after E or S and before a B or S).
    private static func words(_ characters: [String], _ tags: [String]) -> [String] {
        BMESTagging.segment(characters: characters, tags: tags.map { $0.uppercased() })
    }
}
