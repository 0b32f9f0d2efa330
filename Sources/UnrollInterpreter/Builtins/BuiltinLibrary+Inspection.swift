import UnrollData
import UnrollLanguage
import UnrollRecord

extension BuiltinLibrary {
    /// Looking at data: its first examples, and the tokens and ids a text becomes.
    static let inspection: [Builtin] = [
        .function(Signature(
            name: "head", family: .data,
            parameters: [
                .positional("data", .anyDataset, doc: "a data set"),
                .positional("count", .int, .value(.int(5)), .positive, doc: "how many examples, from the start"),
            ],
            result: .table,
            doc: "A table of the first examples: for texts the text, its tokens and the label or tags; for numeric sequences the inputs and the target; for pairs the source and the target. `data[i]` is one example as a record, `data[a...b]` a data set of some."
        )) { _, arguments in
            guard case .dataset(let data) = try arguments.value("data") else {
                throw arguments.error("'head' needs a Dataset", at: "data")
            }
            let count = min(try arguments.int("count"), data.count)
            let rows = (0..<count).map { i in [TableCell.number(Double(i))] + data.example(at: i).map { exampleCell($0.value) } }
            return .table(TableOutput(title: "first \(count) of \(data.count) examples", columns: ["#"] + data.kind.exampleFields.map(\.name),
                                      rows: rows))
        },
        .function(Signature(
            name: "tokenize", family: .data,
            parameters: [
                .positional("data", .oneOf([.corpus, .anyDataset, .vocabulary]), doc: "a Corpus, a Dataset of texts or a Vocabulary"),
                .positional("text", .string, doc: "the text to cut into tokens"),
            ],
            result: .table,
            doc: "A table of the tokens `text` becomes with the data's tokenization and vocabulary: each token, its id, and whether the vocabulary knows it (unknown tokens get the id of `<unk>`)."
        )) { _, arguments in
            let codec: TextCodec
            switch try arguments.value("data") {
            case .corpus(let corpus): codec = TextCodec(corpus)
            case .vocabulary(let vocabulary): codec = vocabulary
            case .dataset(let data):
                guard let dataCodec = data.codec else {
                    throw arguments.error("numeric sequences have no tokens; 'tokenize' is for text and symbol data", at: "data")
                }
                codec = dataCodec
            case let other: throw arguments.error("'tokenize' needs a Corpus, a Dataset or a Vocabulary, got \(other.type)", at: "data")
            }
            let tokens = codec.tokens(try arguments.string("text"))
            let rows = tokens.enumerated().map { i, token -> [TableCell] in
                let known = codec.vocabulary.contains(token)
                return [.number(Double(i)), .text(token), .number(Double(codec.vocabulary.index(of: token))), .text(known ? "yes" : "no")]
            }
            return .table(TableOutput(title: "\(tokens.count) token\(tokens.count == 1 ? "" : "s")", columns: ["#", "token", "id", "known"],
                                      rows: rows))
        },
    ]

    /// One field of an example as a table cell: a single number as a number, steps of one feature as one list, the rest as written.
    private static func exampleCell(_ value: Value) -> TableCell {
        switch value {
        case .float(let x): return .number(x)
        case .string(let s): return .text(s)
        case .list(let items) where items.count == 1 && items[0].number != nil: return .number(items[0].number!)
        case .list(let steps) where steps.allSatisfy({ if case .list(let f) = $0 { return f.count == 1 }; return false }):
            return .text(Value.list(steps.map { if case .list(let f) = $0 { return f[0] }; return $0 }).literal)
        default: return .text(value.literal)
        }
    }
}
