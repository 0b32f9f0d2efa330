import UnrollDiagnostics
import UnrollLanguage

extension BuiltinLibrary {
    /// A problem when the model is known and is not one of `kinds`.
    private static func metricKindProblem(_ facts: CallFacts, _ kinds: [ModelKind], _ what: String) -> CallProblem? {
        guard case .model(let m)? = facts.type("model"), let kind = m.kind, !kinds.contains(kind) else { return nil }
        return CallProblem(BuiltinMessage.wrongModelKind(needs: what, kind: kind.rawValue), at: "model")
    }

    /// The parameters every metric builtin takes.
    private static func metricParameters(_ model: String) -> [Parameter] {
        [.positional("model", .anyModel, doc: model),
         .positional("data", .anyDataset, doc: "data of the kind the model trains on, with the true labels or tags")]
    }

    /// The tagging schemes `entity_f1` and `entity_report` can be told to expect.
    static let taggingSchemes = ["BIO", "IOB1", "IOB2", "BIOES", "IOBES"]

    /// The `scheme:` parameter of the entity metrics.
    private static let schemeParameter = Parameter.labelled(
        "scheme", .string, .absent, .oneOf(taggingSchemes),
        doc: "the tags' scheme, checked against the data's tags (BIO, IOB1 and IOB2 use B- I- O; BIOES and IOBES add E- and S-); the scores are conlleval's either way")

    /// A signature of a metric over `kinds` of models.
    private static func metric(_ name: String, _ kinds: [ModelKind], needs: String, model: String, result: ValueType,
                               extra: [Parameter] = [], doc: String) -> Signature {
        Signature(name: name, family: .evaluation, parameters: metricParameters(model) + extra, result: result, doc: doc,
                  rule: { facts in
                      CallOutcome(result, problems: [metricKindProblem(facts, kinds, needs), dataProblem(facts)].compactMap { $0 })
                  })
    }

    /// The metrics people report for classifiers and taggers.
    static let metrics: [Builtin] = [
        .function(metric(
            "confusion", [.classifier, .tagger], needs: "'confusion' needs a Classifier or a Tagger",
            model: "a trained Classifier (or Tagger: one count per token)", result: .heatmap,
            doc: "The confusion matrix as a heat-map table: a row per true label, a column per predicted label, each cell the number of examples (tokens for a Tagger)."
        )) { try $0.confusionBuiltin($1) },
        .function(metric(
            "classification_report", [.classifier, .tagger], needs: "'classification_report' needs a Classifier or a Tagger",
            model: "a trained Classifier (or Tagger: scored per token)", result: .table,
            doc: "Precision, recall, F1 and support of every label, then their micro and macro averages, as a table."
        )) { try $0.classificationReportBuiltin($1) },
        .function(metric(
            "segmentation_f1", [.tagger], needs: "'segmentation_f1' needs a Tagger of BMES tags",
            model: "a trained Tagger of BMES tags (B begin, M middle, E end, S single)", result: .float,
            doc: "Word-level F1 of BMES word segmentation: a predicted word is right when a true word has the same start and end (in [0, 1])."
        )) { try $0.segmentationBuiltin($1, report: false) },
        .function(metric(
            "segmentation_report", [.tagger], needs: "'segmentation_report' needs a Tagger of BMES tags",
            model: "a trained Tagger of BMES tags", result: .table,
            doc: "Word-level precision, recall and F1 of BMES segmentation, with the words true, predicted and right, as a table."
        )) { try $0.segmentationBuiltin($1, report: true) },
        .function(Signature(
            name: "segment", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a Tagger trained on BMES-tagged characters (B begin, M middle, E end, S single)"),
                .positional("input", .oneOf([.string, .anyDataset]),
                            doc: "a text to cut into words (whitespace in it is left out), or a Dataset of BMES-tagged sentences to segment beside their true words"),
                .labelled("separator", .string, .value(.string(" / ")), doc: "what is written between two words"),
                .labelled("count", .int, .value(.int(10)), .positive, doc: "for a Dataset: how many sentences, from the start"),
            ],
            result: .oneOf([.string, .table]),
            doc: "Word segmentation by a BMES tagger: the text with its words separated, or for a Dataset a table of sentences with the true and the predicted words and how many of the true words the model got right.",
            rule: { facts in
                let problem = metricKindProblem(facts, [.tagger], "'segment' needs a Tagger of BMES tags")
                guard let input = facts.type("input") else { return CallOutcome(.unknown, problems: [problem].compactMap { $0 }) }
                if case .dataset = input {
                    return CallOutcome(.table, problems: [problem, dataProblem(facts, parameter: "input")].compactMap { $0 })
                }
                return CallOutcome(input == .string ? .string : .unknown, problems: [problem].compactMap { $0 })
            }
        )) { try $0.segmentBuiltin($1) },
        .function(metric(
            "entity_f1", [.tagger], needs: "'entity_f1' needs a Tagger of BIO or BIOES tags",
            model: "a trained Tagger of BIO, IOB1 or BIOES tags (`B-PER`, `I-PER`, `O`, …)", result: .float,
            extra: [schemeParameter],
            doc: "Entity-level micro F1 as conlleval and seqeval compute it: an entity is right when its type, start and end match; an `I-` without a `B-` starts an entity (in [0, 1])."
        )) { try $0.entityBuiltin($1, report: false) },
        .function(metric(
            "entity_report", [.tagger], needs: "'entity_report' needs a Tagger of BIO or BIOES tags",
            model: "a trained Tagger of BIO, IOB1 or BIOES tags", result: .table, extra: [schemeParameter],
            doc: "Entity-level precision, recall, F1 and support per entity type (conlleval's chunks), then their micro and macro averages, as a table."
        )) { try $0.entityBuiltin($1, report: true) },
    ]
}
