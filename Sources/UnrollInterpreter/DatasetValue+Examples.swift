import UnrollData
import UnrollLanguage

extension DatasetValue {
    /// Example `index` (counted from 0, already in range) as a record with the fields of `DatasetKind.exampleFields`:
    /// the text as the vocabulary reads it (unknown tokens as `<unk>`), its tokens and its label, tags or target.
    func example(at index: Int) -> [RecordField] {
        let values: [Value]
        switch content {
        case .labelled(let d):
            let example = d.examples[index]
            let tokens = d.vocabulary.decode(example.tokens)
            values = [.string(joined(tokens, d.unit)), strings(tokens), .string(d.labelNames[example.label])]
        case .tagged(let d):
            let example = d.examples[index]
            let tokens = d.vocabulary.decode(example.tokens)
            values = [.string(codec?.join(tokens) ?? tokens.joined(separator: " ")), strings(tokens),
                      strings(example.tags.map { d.tagNames[$0] })]
        case .sequences(let d):
            let example = d.examples[index]
            let features = example.featureCount
            let steps = (0..<example.steps).map { t in
                Value.list(example.inputs[(t * features)..<((t + 1) * features)].map { .float(Double($0)) })
            }
            values = [.list(steps), .list(example.targets.map { .float(Double($0)) })]
        case .pairs(let d):
            let example = d.examples[index]
            values = [.string(joined(d.sourceVocabulary.decode(example.source), d.sourceUnit)),
                      .string(joined(d.targetVocabulary.decode(example.target), d.targetUnit))]
        }
        return zip(kind.exampleFields, values).map { RecordField(name: $0.name, value: $1) }
    }

    /// The examples at `indices`, as a data set of the same kind and origin.
    func subset(_ indices: [Int]) -> DatasetValue {
        let part: Content
        switch content {
        case .labelled(let d): part = .labelled(d.subset(indices))
        case .tagged(let d): part = .tagged(d.subset(indices))
        case .sequences(let d): part = .sequences(d.subset(indices))
        case .pairs(let d): part = .pairs(d.subset(indices))
        }
        return DatasetValue(part, origin: origin, lowercaseTokens: lowercaseTokens)
    }

    private func strings(_ items: [String]) -> Value { .list(items.map(Value.string)) }

    private func joined(_ tokens: [String], _ unit: TokenUnit) -> String {
        unit == .char ? tokens.joined() : tokens.joined(separator: " ")
    }
}
