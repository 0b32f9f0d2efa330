/// Sequences with class labels, e.g. messages labelled spam or ham, read from a CSV file.
public struct ClassificationDataset: ExampleDataset, Sendable {
    /// The examples, in file order (or shuffled, after a split).
    public var examples: [ClassificationExample]
    /// The token ↔ id map of the texts.
    public let vocabulary: Vocabulary
    /// The class names, sorted by code point so that ids are stable; `label` indexes into this.
    public let labelNames: [String]
    /// How the texts were tokenized.
    public let unit: TokenUnit
    /// Whether the texts were lower-cased before tokenizing.
    public let lowercase: Bool

    /// A data set from its parts.
    public init(examples: [ClassificationExample], vocabulary: Vocabulary, labelNames: [String],
                unit: TokenUnit = .word, lowercase: Bool = true) {
        self.examples = examples
        self.vocabulary = vocabulary
        self.labelNames = labelNames
        self.unit = unit
        self.lowercase = lowercase
    }

    /// The same vocabulary and labels with other examples.
    public func replacingExamples(_ examples: [ClassificationExample]) -> ClassificationDataset {
        ClassificationDataset(examples: examples, vocabulary: vocabulary, labelNames: labelNames,
                              unit: unit, lowercase: lowercase)
    }

    /// The number of classes.
    public var classCount: Int { labelNames.count }

    /// Reads the CSV file at `path` (see `init(csv:…)`).
    public init(contentsOfFile path: String, textColumn: String = "text", labelColumn: String = "label",
                unit: TokenUnit = .word, lowercase: Bool = true, minFrequency: Int = 1, maxSize: Int? = nil,
                vocabulary: Vocabulary? = nil, labelNames: [String]? = nil) throws {
        try self.init(csv: try CSVTable(contentsOfFile: path), textColumn: textColumn, labelColumn: labelColumn,
                      unit: unit, lowercase: lowercase, minFrequency: minFrequency, maxSize: maxSize,
                      vocabulary: vocabulary, labelNames: labelNames)
    }

    /// Builds the data set from a parsed table: tokenizes `textColumn`, counts a vocabulary (unless one is
    /// given) and numbers the distinct values of `labelColumn` in sorted order (unless `labelNames` is given).
    ///
    /// Throws a `DataError` for an unknown column, a table without rows, an empty text or label (naming its
    /// line), or a label missing from a given `labelNames`.
    public init(csv table: CSVTable, textColumn: String = "text", labelColumn: String = "label",
                unit: TokenUnit = .word, lowercase: Bool = true, minFrequency: Int = 1, maxSize: Int? = nil,
                vocabulary: Vocabulary? = nil, labelNames: [String]? = nil) throws {
        let textIndex = try table.column(named: textColumn)
        let labelIndex = try table.column(named: labelColumn)
        guard !table.rows.isEmpty else { throw DataError("has a header but no data rows", file: table.name) }
        var texts: [[String]] = []
        var labels: [String] = []
        for (row, line) in zip(table.rows, table.lines) {
            let tokens = unit.tokenize(row[textIndex], lowercase: lowercase)
            if tokens.isEmpty {
                throw DataError("empty text in column '\(table.header[textIndex])'", file: table.name, line: line)
            }
            let label = row[labelIndex].trimmingWhitespace
            if label.isEmpty {
                throw DataError("empty label in column '\(table.header[labelIndex])'", file: table.name, line: line)
            }
            texts.append(tokens)
            labels.append(label)
        }
        let names = labelNames ?? Set(labels).sorted(by: Vocabulary.codePointLess)
        var labelIds: [String: Int] = [:]
        for (i, name) in names.enumerated() { labelIds[name] = i }
        let vocabulary = vocabulary ?? Vocabulary(counting: texts, minFrequency: minFrequency, maxSize: maxSize)
        var examples: [ClassificationExample] = []
        examples.reserveCapacity(texts.count)
        for (i, tokens) in texts.enumerated() {
            guard let label = labelIds[labels[i]] else {
                throw DataError(NameSuggestion.unknownNameMessage(kind: "label", name: labels[i], available: names),
                                file: table.name, line: table.lines[i])
            }
            examples.append(ClassificationExample(tokens: vocabulary.encode(tokens), label: label))
        }
        self.init(examples: examples, vocabulary: vocabulary, labelNames: names, unit: unit, lowercase: lowercase)
    }

    /// The ids of `text` tokenized as the data set's texts were (for classifying new text).
    public func encode(_ text: String) -> [Int] {
        vocabulary.encode(unit.tokenize(text, lowercase: lowercase))
    }

    /// How many examples each class has, indexed like `labelNames`.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: labelNames.count)
        for example in examples where example.label >= 0 && example.label < counts.count { counts[example.label] += 1 }
        return counts
    }
}
