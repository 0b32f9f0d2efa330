/// Sequences labelled token by token, e.g. word segmentation (BMES) or named entities.
///
/// The file format has one sentence per line, written as space-separated `token/TAG` items
/// (`我/S 爱/S 北/B 京/E`); the item is cut at its last `/`, so tokens may contain slashes. Blank lines
/// are skipped.
public struct TaggingDataset: ExampleDataset, Sendable {
    /// The sentences.
    public var examples: [TaggingExample]
    /// The token ↔ id map.
    public let vocabulary: Vocabulary
    /// The tag names, sorted by code point unless given; `tags` index into this.
    public let tagNames: [String]

    /// A data set from its parts.
    public init(examples: [TaggingExample], vocabulary: Vocabulary, tagNames: [String]) {
        self.examples = examples
        self.vocabulary = vocabulary
        self.tagNames = tagNames
    }

    /// The same vocabulary and tags with other examples.
    public func replacingExamples(_ examples: [TaggingExample]) -> TaggingDataset {
        TaggingDataset(examples: examples, vocabulary: vocabulary, tagNames: tagNames)
    }

    /// The number of distinct tags.
    public var tagCount: Int { tagNames.count }

    /// Reads the `token/TAG` file at `path` (see `init(taggedText:…)`).
    public init(contentsOfFile path: String, minFrequency: Int = 1, maxSize: Int? = nil,
                vocabulary: Vocabulary? = nil, tagNames: [String]? = nil) throws {
        try self.init(taggedText: try TextFile.read(path), name: path, minFrequency: minFrequency,
                      maxSize: maxSize, vocabulary: vocabulary, tagNames: tagNames)
    }

    /// Parses `token/TAG` lines; `name` labels the errors.
    ///
    /// Throws a `DataError` (with the line) for an item without `/`, an empty token or tag, a tag missing from
    /// a given `tagNames`, or text without any sentence.
    public init(taggedText text: String, name: String = "text", minFrequency: Int = 1, maxSize: Int? = nil,
                vocabulary: Vocabulary? = nil, tagNames: [String]? = nil) throws {
        var sentences: [(tokens: [String], tags: [String], line: Int)] = []
        let lines = TextFile.normalizeNewlines(text).split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let items = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if items.isEmpty { continue }
            var tokens: [String] = [], tags: [String] = []
            for item in items {
                guard let slash = item.lastIndex(of: "/") else {
                    throw DataError("item '\(item)' has no '/TAG'; write items as token/TAG",
                                    file: name, line: offset + 1)
                }
                let token = String(item[..<slash]), tag = String(item[item.index(after: slash)...])
                if token.isEmpty || tag.isEmpty {
                    throw DataError("item '\(item)' has an empty \(token.isEmpty ? "token" : "tag")",
                                    file: name, line: offset + 1)
                }
                tokens.append(token)
                tags.append(tag)
            }
            sentences.append((tokens, tags, offset + 1))
        }
        guard !sentences.isEmpty else { throw DataError("has no tagged sentences", file: name) }
        let names = tagNames ?? Set(sentences.flatMap(\.tags)).sorted(by: Vocabulary.codePointLess)
        var tagIds: [String: Int] = [:]
        for (i, tag) in names.enumerated() { tagIds[tag] = i }
        let vocabulary = vocabulary
            ?? Vocabulary(counting: sentences.map(\.tokens), minFrequency: minFrequency, maxSize: maxSize)
        var examples: [TaggingExample] = []
        for sentence in sentences {
            var ids: [Int] = []
            for tag in sentence.tags {
                guard let id = tagIds[tag] else {
                    throw DataError(NameSuggestion.unknownNameMessage(kind: "tag", name: tag, available: names),
                                    file: name, line: sentence.line)
                }
                ids.append(id)
            }
            examples.append(TaggingExample(tokens: vocabulary.encode(sentence.tokens), tags: ids))
        }
        self.init(examples: examples, vocabulary: vocabulary, tagNames: names)
    }

    /// Builds a BMES segmentation data set from lines of space-separated words (see `BMESTagging`):
    /// tokens are the characters, tags are `B`, `E`, `M`, `S`.
    ///
    /// Throws a `DataError` when no line has a word.
    public init(segmentedText text: String, name: String = "text", minFrequency: Int = 1, maxSize: Int? = nil,
                vocabulary: Vocabulary? = nil) throws {
        var sentences: [[String]] = [], tagLines: [[String]] = []
        for line in TextFile.normalizeNewlines(text).split(separator: "\n") {
            let tagged = BMESTagging.tag(words: line.split(whereSeparator: \.isWhitespace).map(String.init))
            if tagged.characters.isEmpty { continue }
            sentences.append(tagged.characters)
            tagLines.append(tagged.tags)
        }
        guard !sentences.isEmpty else { throw DataError("has no segmented sentences", file: name) }
        let names = BMESTagging.tagNames
        let vocabulary = vocabulary
            ?? Vocabulary(counting: sentences, minFrequency: minFrequency, maxSize: maxSize)
        let examples = zip(sentences, tagLines).map { characters, tags in
            TaggingExample(tokens: vocabulary.encode(characters), tags: tags.map { names.firstIndex(of: $0)! })
        }
        self.init(examples: examples, vocabulary: vocabulary, tagNames: names)
    }
}
