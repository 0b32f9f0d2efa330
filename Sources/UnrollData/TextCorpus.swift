/// A text read as one stream of token ids, for language models.
public struct TextCorpus: Sendable {
    /// How the text is tokenized.
    public let unit: TokenUnit
    /// Whether the text was lower-cased before tokenizing.
    public let lowercase: Bool
    /// The token ↔ id map (shared by the parts of a split).
    public let vocabulary: Vocabulary
    /// The tokens of the whole text, in order.
    public let tokens: [String]
    /// The ids of `tokens` (unknown tokens map to `vocabulary.unknownIndex`).
    public let ids: [Int]
    /// The text: as loaded (line endings normalized) for a whole corpus, the tokens joined back for a part.
    public let text: String
    /// Where the text came from (a file path or a caller's label), for messages.
    public let name: String

    /// A corpus of `text`, with a vocabulary counted from it unless one is given.
    ///
    /// Throws a `DataError` when the text has no tokens.
    public init(text: String, unit: TokenUnit, lowercase: Bool = false, name: String = "text",
                minFrequency: Int = 1, maxSize: Int? = nil, vocabulary: Vocabulary? = nil) throws {
        let normalized = TextFile.normalizeNewlines(text)
        let tokens = unit.tokenize(normalized, lowercase: lowercase)
        if tokens.isEmpty { throw DataError("has no \(unit.rawValue) tokens", file: name) }
        let vocabulary = vocabulary
            ?? Vocabulary(counting: [tokens], minFrequency: minFrequency, maxSize: maxSize)
        self.init(unit: unit, lowercase: lowercase, vocabulary: vocabulary, tokens: tokens,
                  text: normalized, name: name)
    }

    /// A corpus read from the UTF-8 file at `path` (see `init(text:…)`); file problems throw `DataError`s.
    public init(contentsOfFile path: String, unit: TokenUnit, lowercase: Bool = false,
                minFrequency: Int = 1, maxSize: Int? = nil, vocabulary: Vocabulary? = nil) throws {
        try self.init(text: try TextFile.read(path), unit: unit, lowercase: lowercase, name: path,
                      minFrequency: minFrequency, maxSize: maxSize, vocabulary: vocabulary)
    }

    private init(unit: TokenUnit, lowercase: Bool, vocabulary: Vocabulary, tokens: [String], text: String,
                 name: String) {
        self.unit = unit
        self.lowercase = lowercase
        self.vocabulary = vocabulary
        self.tokens = tokens
        self.ids = vocabulary.encode(tokens)
        self.text = text
        self.name = name
    }

    /// The number of tokens.
    public var count: Int { ids.count }

    /// Cuts the stream in two without shuffling: the first `fraction` of the tokens, then the rest, both
    /// sharing this vocabulary.
    ///
    /// Throws a `DataError` unless 0 < `fraction` < 1 and both parts get at least two tokens.
    public func split(fraction: Double) throws -> (TextCorpus, TextCorpus) {
        let cut = try SplitPoint.count(fraction: fraction, total: count, minimumPart: 2, what: "tokens", name: name)
        let first = Array(tokens[..<cut]), rest = Array(tokens[cut...])
        return (part(first, suffix: "[..<\(cut)]"), part(rest, suffix: "[\(cut)...]"))
    }

    private func part(_ tokens: [String], suffix: String) -> TextCorpus {
        TextCorpus(unit: unit, lowercase: lowercase, vocabulary: vocabulary, tokens: tokens,
                   text: unit.join(tokens), name: name + suffix)
    }

    /// Text for `ids`: characters joined directly, words joined by spaces; reserved ids (pad, bos, eos) are
    /// left out and unknown ids read `<unk>`.
    public func detokenize(_ ids: [Int]) -> String {
        let kept = ids.filter { $0 == vocabulary.unknownIndex || !vocabulary.isReserved($0) }
        return unit.join(vocabulary.decode(kept))
    }

    /// The ids of `text` tokenized the way this corpus was (for priming a sampler).
    public func encode(_ text: String) -> [Int] {
        vocabulary.encode(unit.tokenize(TextFile.normalizeNewlines(text), lowercase: lowercase))
    }
}
