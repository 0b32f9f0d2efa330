import UnrollData
import UnrollLanguage
import UnrollTensor

/// A data set of one of the four kinds, with the split that `.train` and `.test` share.
final class DatasetValue {
    /// The examples and their metadata.
    enum Content {
        /// Labelled texts (`csv`).
        case labelled(ClassificationDataset)
        /// Tagged sequences (`tagged`).
        case tagged(TaggingDataset)
        /// Numeric sequences (`task.adding`, `task.sine`).
        case sequences(RegressionDataset)
        /// Symbol sequence pairs (`task.copy`, `task.reverse`).
        case pairs(SequencePairDataset)
    }

    /// The data.
    let content: Content
    /// The builtin that made it, such as `task.adding`, for messages.
    let origin: String
    /// Whether tagged tokens were lower-cased when read (the other kinds record this themselves).
    let lowercaseTokens: Bool
    /// The parts `.train` and `.test` return, drawn once on first use so that they never overlap.
    private var standardSplit: (DatasetValue, DatasetValue)?

    /// A data set from its content and origin; `lowercaseTokens` tells whether tagged tokens were lower-cased.
    init(_ content: Content, origin: String, lowercaseTokens: Bool = false) {
        self.content = content
        self.origin = origin
        self.lowercaseTokens = lowercaseTokens
    }

    /// The kind of examples.
    var kind: DatasetKind {
        switch content {
        case .labelled: return .labelled
        case .tagged: return .tagged
        case .sequences: return .sequences
        case .pairs: return .pairs
        }
    }

    /// What the checker would know about it.
    var facts: DatasetFacts {
        if case .sequences(let d) = content {
            return DatasetFacts(kind: .sequences, inputs: d.featureCount, outputs: d.outputCount, origin: origin)
        }
        return DatasetFacts(kind: kind, origin: origin)
    }

    /// The number of examples.
    var count: Int {
        switch content {
        case .labelled(let d): return d.count
        case .tagged(let d): return d.count
        case .sequences(let d): return d.count
        case .pairs(let d): return d.count
        }
    }

    /// How the input texts are tokenized and numbered; nil for numeric sequences.
    var codec: TextCodec? {
        switch content {
        case .labelled(let d):
            return TextCodec(vocabulary: d.vocabulary, splitting: .unit(d.unit), lowercase: d.lowercase)
        case .tagged(let d): return TextCodec.tagged(d.vocabulary, lowercase: lowercaseTokens)
        case .pairs(let d):
            return TextCodec(vocabulary: d.sourceVocabulary, splitting: .unit(d.sourceUnit), lowercase: d.lowercase)
        case .sequences: return nil
        }
    }

    /// The names of the labels (classes, or tags, or target symbols of pairs); nil for numeric sequences.
    var labelNames: [String]? {
        switch content {
        case .labelled(let d): return d.labelNames
        case .tagged(let d): return d.tagNames
        case .pairs(let d): return Array(d.targetVocabulary.tokens.dropFirst(d.targetVocabulary.reservedCount))
        case .sequences: return nil
        }
    }

    /// Shuffles with `rng` and cuts into the first `fraction` and the rest; throws a `DataError` when a
    /// part would be empty.
    func split(_ fraction: Double, rng: inout RandomGenerator) throws -> (DatasetValue, DatasetValue) {
        func wrap(_ a: Content, _ b: Content) -> (DatasetValue, DatasetValue) {
            (DatasetValue(a, origin: origin, lowercaseTokens: lowercaseTokens),
             DatasetValue(b, origin: origin, lowercaseTokens: lowercaseTokens))
        }
        switch content {
        case .labelled(let d):
            let (a, b) = try d.split(fraction: fraction, rng: &rng)
            return wrap(.labelled(a), .labelled(b))
        case .tagged(let d):
            let (a, b) = try d.split(fraction: fraction, rng: &rng)
            return wrap(.tagged(a), .tagged(b))
        case .sequences(let d):
            let (a, b) = try d.split(fraction: fraction, rng: &rng)
            return wrap(.sequences(a), .sequences(b))
        case .pairs(let d):
            let (a, b) = try d.split(fraction: fraction, rng: &rng)
            return wrap(.pairs(a), .pairs(b))
        }
    }

    /// The `split(0.9)` behind `.train` and `.test`, drawn from `rng` the first time either is read.
    func standardParts(rng: inout RandomGenerator) throws -> (train: DatasetValue, test: DatasetValue) {
        if let standardSplit { return standardSplit }
        let parts = try split(0.9, rng: &rng)
        standardSplit = parts
        return parts
    }
}
