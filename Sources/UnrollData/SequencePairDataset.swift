/// Pairs of sequences for encoder–decoder models, e.g. a toy translation set or a synthetic copy task.
///
/// The source and target sides have separate vocabularies; the target one has `<bos>`/`<eos>` (ids 2
/// and 3), which the examples themselves do not contain.
public struct SequencePairDataset: ExampleDataset, Sendable {
    /// The pairs.
    public var examples: [SequencePairExample]
    /// The source side's token ↔ id map (no specials).
    public let sourceVocabulary: Vocabulary
    /// The target side's token ↔ id map, with `<bos>` and `<eos>`.
    public let targetVocabulary: Vocabulary
    /// How source text is tokenized.
    public let sourceUnit: TokenUnit
    /// How target text is tokenized.
    public let targetUnit: TokenUnit
    /// Whether text was lower-cased before tokenizing.
    public let lowercase: Bool

    /// A data set from its parts.
    public init(examples: [SequencePairExample], sourceVocabulary: Vocabulary, targetVocabulary: Vocabulary,
                sourceUnit: TokenUnit, targetUnit: TokenUnit, lowercase: Bool = false) {
        self.examples = examples
        self.sourceVocabulary = sourceVocabulary
        self.targetVocabulary = targetVocabulary
        self.sourceUnit = sourceUnit
        self.targetUnit = targetUnit
        self.lowercase = lowercase
    }

    /// The same vocabularies with other examples.
    public func replacingExamples(_ examples: [SequencePairExample]) -> SequencePairDataset {
        SequencePairDataset(examples: examples, sourceVocabulary: sourceVocabulary,
                            targetVocabulary: targetVocabulary, sourceUnit: sourceUnit, targetUnit: targetUnit,
                            lowercase: lowercase)
    }

    /// Reads the tab-separated file at `path` (see `init(tsv:…)`).
    public init(contentsOfFile path: String, sourceUnit: TokenUnit = .word, targetUnit: TokenUnit = .word,
                lowercase: Bool = false, minFrequency: Int = 1, maxSize: Int? = nil) throws {
        try self.init(tsv: try TextFile.read(path), name: path, sourceUnit: sourceUnit, targetUnit: targetUnit,
                      lowercase: lowercase, minFrequency: minFrequency, maxSize: maxSize)
    }

    /// Parses `source<TAB>target` lines (further tab-separated columns, e.g. attributions, are ignored;
    /// blank lines are skipped) and counts both vocabularies; `name` labels the errors.
    ///
    /// Throws a `DataError` (with the line) for a line without a tab or with an empty side, or for text
    /// without pairs.
    public init(tsv text: String, name: String = "text", sourceUnit: TokenUnit = .word,
                targetUnit: TokenUnit = .word, lowercase: Bool = false, minFrequency: Int = 1,
                maxSize: Int? = nil) throws {
        var sources: [[String]] = [], targets: [[String]] = []
        let lines = TextFile.normalizeNewlines(text).split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else {
                throw DataError("expected 'source<TAB>target', found no tab", file: name, line: offset + 1)
            }
            let source = sourceUnit.tokenize(String(fields[0]).trimmingWhitespace, lowercase: lowercase)
            let target = targetUnit.tokenize(String(fields[1]).trimmingWhitespace, lowercase: lowercase)
            if source.isEmpty || target.isEmpty {
                throw DataError("empty \(source.isEmpty ? "source" : "target") side", file: name, line: offset + 1)
            }
            sources.append(source)
            targets.append(target)
        }
        guard !sources.isEmpty else { throw DataError("has no source<TAB>target pairs", file: name) }
        let sourceVocabulary = Vocabulary(counting: sources, minFrequency: minFrequency, maxSize: maxSize)
        let targetVocabulary = Vocabulary(counting: targets, minFrequency: minFrequency, maxSize: maxSize,
                                          specials: true)
        let examples = zip(sources, targets).map {
            SequencePairExample(source: sourceVocabulary.encode($0), target: targetVocabulary.encode($1))
        }
        self.init(examples: examples, sourceVocabulary: sourceVocabulary, targetVocabulary: targetVocabulary,
                  sourceUnit: sourceUnit, targetUnit: targetUnit, lowercase: lowercase)
    }

    /// The source ids of `text`, tokenized as the sources were (for translating new input).
    public func encodeSource(_ text: String) -> [Int] {
        sourceVocabulary.encode(sourceUnit.tokenize(text, lowercase: lowercase))
    }

    /// Source text for `ids`, joined by the source unit; reserved ids other than `<unk>` are left out.
    public func decodeSource(_ ids: [Int]) -> String {
        sourceUnit.join(sourceVocabulary.decode(ids.filter { $0 == 1 || !sourceVocabulary.isReserved($0) }))
    }

    /// Target text for `ids` up to the first `<eos>`, joined by the target unit; other reserved ids except
    /// `<unk>` are left out.
    public func decodeTarget(_ ids: [Int]) -> String {
        let end = ids.firstIndex(of: 3) ?? ids.count
        let kept = ids[..<end].filter { $0 == 1 || !targetVocabulary.isReserved($0) }
        return targetUnit.join(targetVocabulary.decode(kept))
    }
}
