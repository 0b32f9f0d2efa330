import UnrollData

/// How a model's texts become ids and back: the vocabulary, and how text is cut into its tokens.
struct TextCodec {
    /// How a text is cut into tokens.
    enum Splitting: Equatable {
        /// By the data module's rules for characters or words.
        case unit(TokenUnit)
        /// At whitespace only (tagged data, whose tokens are the items between spaces).
        case whitespace
    }

    /// The token ↔ id map.
    var vocabulary: Vocabulary
    /// How texts are cut into tokens.
    var splitting: Splitting
    /// Whether texts are lower-cased first.
    var lowercase: Bool

    /// The codec of a corpus.
    init(_ corpus: TextCorpus) {
        self.init(vocabulary: corpus.vocabulary, splitting: .unit(corpus.unit), lowercase: corpus.lowercase)
    }

    /// A codec from its parts.
    init(vocabulary: Vocabulary, splitting: Splitting, lowercase: Bool) {
        self.vocabulary = vocabulary
        self.splitting = splitting
        self.lowercase = lowercase
    }

    /// The codec of tagged data: characters when every token is one character (BMES segmentation), so that
    /// an unsegmented sentence can be tagged, otherwise whitespace-separated items.
    static func tagged(_ vocabulary: Vocabulary, lowercase: Bool) -> TextCodec {
        let regular = vocabulary.tokens.dropFirst(vocabulary.reservedCount)
        let characters = regular.allSatisfy { $0.count == 1 }
        return TextCodec(vocabulary: vocabulary, splitting: characters ? .unit(.char) : .whitespace,
                         lowercase: lowercase)
    }

    /// The tokens of `text`.
    func tokens(_ text: String) -> [String] {
        switch splitting {
        case .unit(let unit): return unit.tokenize(TextFile.normalizeNewlines(text), lowercase: lowercase)
        case .whitespace:
            let source = lowercase ? text.lowercased() : text
            return source.split(whereSeparator: \.isWhitespace).map(String.init)
        }
    }

    /// The ids of `text`'s tokens (unknown tokens map to `<unk>`).
    func encode(_ text: String) -> [Int] { vocabulary.encode(tokens(text)) }

    /// Text for `ids`, leaving out reserved ids other than `<unk>`.
    func decode(_ ids: [Int]) -> String {
        let kept = ids.filter { $0 == vocabulary.unknownIndex || !vocabulary.isReserved($0) }
        return join(vocabulary.decode(kept))
    }

    /// Tokens joined back into text: characters directly, words with single spaces.
    func join(_ tokens: [String]) -> String {
        splitting == .unit(.char) ? tokens.joined() : tokens.joined(separator: " ")
    }
}
