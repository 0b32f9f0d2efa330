extension Builtins {
    /// The kind of the `model` argument, when known.
    private static func modelKind(_ facts: CallFacts) -> ModelKind? {
        if case .model(let m)? = facts.type("model") { return m.kind }
        return nil
    }

    /// A problem when `data` cannot feed the model given as `model`.
    static func dataProblem(_ facts: CallFacts, parameter: String = "data") -> CallProblem? {
        guard let kind = modelKind(facts), let data = facts.type(parameter), kind.accepts(data) == false else { return nil }
        return CallProblem("a \(kind.rawValue) works on \(kind.trainsOn), not on \(data.withArticle)", at: parameter)
    }

    /// A problem when the model is known not to be one of `kinds`.
    private static func kindProblem(_ facts: CallFacts, _ kinds: [ModelKind], _ what: String) -> CallProblem? {
        guard let kind = modelKind(facts), !kinds.contains(kind) else { return nil }
        return CallProblem("\(what), not a \(kind.rawValue)", at: "model")
    }

    /// Measuring, predicting and generating with trained models.
    static let evaluationFunctions: [Signature] = [
        Signature(
            name: "evaluate", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a trained model"),
                .positional("data", .oneOf([.corpus, .anyDataset]), doc: "data of the kind the model trains on"),
            ],
            result: .metrics,
            doc: "Loss, accuracy and perplexity of the model on the data, without training.",
            rule: { facts in CallOutcome(.metrics, problems: [dataProblem(facts)].compactMap { $0 }) }
        ),
        Signature(
            name: "accuracy", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a trained model that predicts tokens, labels or tags"),
                .positional("data", .oneOf([.corpus, .anyDataset]), doc: "data of the kind the model trains on"),
            ],
            result: .float,
            doc: "The fraction of predictions (next tokens, labels or tags) that are right, in [0, 1].",
            rule: { facts in
                let problems = [kindProblem(facts, [.languageModel, .classifier, .tagger], "accuracy needs a model that predicts symbols"),
                                dataProblem(facts)]
                return CallOutcome(.float, problems: problems.compactMap { $0 })
            }
        ),
        Signature(
            name: "perplexity", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a trained language model"),
                .positional("data", .corpus, doc: "a Corpus"),
            ],
            result: .float,
            doc: "The exponential of the mean next-token cross-entropy on the data.",
            rule: { facts in
                let problems = [kindProblem(facts, [.languageModel], "perplexity needs a LanguageModel"), dataProblem(facts)]
                return CallOutcome(.float, problems: problems.compactMap { $0 })
            }
        ),
        Signature(
            name: "predict", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a trained model"),
                .positional("input", .oneOf([.string, .list(.unknown), .tensor]),
                            doc: "a text for text models; a list of steps (each a list of features), or a Tensor (N, T, F) of sequences, for a Regressor"),
            ],
            result: .oneOf([.string, .list(.string), .list(.float), .tensor]),
            doc: "The model's prediction for one input: the next token, the label, the tags (a list), or the numbers (a list; a Tensor for a Tensor).",
            rule: { facts in
                if let tensorOutcome = tensorPrediction(facts) { return tensorOutcome }
                guard let kind = modelKind(facts) else { return CallOutcome(.unknown) }
                let input = facts.type("input") ?? .unknown
                let wantsText = kind != .regressor
                var problems: [CallProblem] = []
                if wantsText, !input.isAssignable(to: .string) {
                    problems.append(CallProblem("a \(kind.rawValue) predicts from a string, got \(input)", at: "input"))
                } else if !wantsText, !input.isAssignable(to: .list(.unknown)) {
                    problems.append(CallProblem("a Regressor predicts from a list of steps, got \(input)", at: "input"))
                }
                switch kind {
                case .languageModel, .classifier: return CallOutcome(.string, problems: problems)
                case .tagger: return CallOutcome(.list(.string), problems: problems)
                case .regressor: return CallOutcome(.list(.float), problems: problems)
                }
            }
        ),
        Signature(
            name: "sample", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a trained language model"),
                .labelled("prime", .string, .value(.string("")), doc: "text to start from (fed before sampling)"),
                .labelled("length", .int, .value(.int(100)), .positive, doc: "tokens to generate"),
                .labelled("temperature", .float, .value(.float(1)), .positive,
                          doc: "divides the logits; below 1 is more conservative"),
            ],
            result: .string,
            doc: "Generates text from a language model, drawing from the notebook's seeded generator; the text starts with the prime.",
            rule: { facts in
                CallOutcome(.string, problems: [kindProblem(facts, [.languageModel], "sample needs a LanguageModel")].compactMap { $0 })
            }
        ),
    ]
}
