extension Builtins {
    private static func property(_ receiver: String, _ name: String, _ result: ValueType, _ doc: String,
                                 rule: CallRule? = nil) -> Signature {
        Signature(name: name, receiver: receiver, family: .members, parameters: nil, result: result, doc: doc, rule: rule)
    }

    private static let fractionParameter = Parameter.positional(
        "fraction", .float, .required, .fraction, doc: "the share that goes to the first part")

    /// The receiver itself, so that `train`, `test` and `split` keep a dataset's facts.
    private static func sameAsReceiver(_ fallback: ValueType) -> CallRule {
        { facts in CallOutcome(facts.receiver ?? fallback) }
    }

    /// A property of datasets that only some kinds of dataset have.
    private static func datasetProperty(_ name: String, _ result: ValueType, kinds: [DatasetKind], _ doc: String) -> Signature {
        property("Dataset", name, result, doc, rule: { facts in
            guard case .dataset(let d)? = facts.receiver, let kind = d.kind, !kinds.contains(kind) else {
                return CallOutcome(result)
            }
            let wanted = kinds.map(\.description).joined(separator: " or ")
            return CallOutcome(result, problems: [CallProblem("'\(name)' is only defined for \(wanted); this Dataset holds \(kind.description)")])
        })
    }

    /// Methods and properties of the language's types.
    static let memberSignatures: [Signature] = [
        property("Corpus", "vocab", .vocabulary, "The vocabulary of the corpus's tokens."),
        property("Corpus", "size", .int, "The number of tokens."),
        Signature(name: "split", receiver: "Corpus", family: .members, parameters: [fractionParameter],
                  result: .tuple([.corpus, .corpus]),
                  doc: "The first `fraction` of the token stream and the rest (no shuffling), as two corpora."),

        property("Vocabulary", "size", .int, "The number of entries, including the unknown token."),

        property("Dataset", "size", .int, "The number of examples."),
        property("Dataset", "vocab", .vocabulary, "The vocabulary of the input tokens (text and symbol datasets)."),
        datasetProperty("classes", .int, kinds: [.labelled], "The number of distinct labels."),
        datasetProperty("tags", .int, kinds: [.tagged, .pairs], "The number of distinct tags (target symbols for pairs)."),
        datasetProperty("inputs", .int, kinds: [.sequences], "Input features per step."),
        datasetProperty("outputs", .int, kinds: [.sequences], "Target values per example."),
        Signature(name: "split", receiver: "Dataset", family: .members, parameters: [fractionParameter],
                  result: .tuple([.anyDataset, .anyDataset]),
                  doc: "The examples shuffled with the notebook's seed, then cut into the first `fraction` and the rest.",
                  rule: { facts in
                      let part = facts.receiver ?? .anyDataset
                      return CallOutcome(.tuple([part, part]))
                  }),
        property("Dataset", "train", .anyDataset, "The first part of `split(0.9)`.", rule: sameAsReceiver(.anyDataset)),
        property("Dataset", "test", .anyDataset, "The second part of `split(0.9)`.", rule: sameAsReceiver(.anyDataset)),

        property("Model", "history", .history, "What `fit` recorded, epoch by epoch, over all its runs."),
        property("Model", "weights", .int, "The number of trainable numbers in the model."),

        property("History", "train", .curves, "Metrics on the training data, averaged over each epoch."),
        property("History", "valid", .curves, "Metrics on the `validate` data after each epoch (empty without it)."),
        property("History", "epochs", .int, "The number of epochs trained."),

        property("Curves", "loss", .series, "Mean loss per epoch."),
        property("Curves", "accuracy", .series, "Accuracy per epoch."),
        property("Curves", "perplexity", .series, "The exponential of the loss, per epoch."),

        property("Series", "first", .float, "The first value."),
        property("Series", "last", .float, "The last value."),
        property("Series", "min", .float, "The smallest value."),
        property("Series", "max", .float, "The largest value."),
        property("Series", "mean", .float, "The arithmetic mean."),
        property("Series", "count", .int, "The number of values."),

        property("Metrics", "loss", .float, "The mean loss (cross-entropy, or squared error for a Regressor)."),
        property("Metrics", "accuracy", .float, "The fraction of right predictions."),
        property("Metrics", "perplexity", .float, "The exponential of the loss."),

        property("list", "count", .int, "The number of elements."),
        property("tuple", "count", .int, "The number of values."),
        property("string", "count", .int, "The number of characters (Unicode scalars)."),
        property("range", "count", .int, "The number of integers in the range."),
        property("Table", "count", .int, "The number of rows."),
    ]
}
