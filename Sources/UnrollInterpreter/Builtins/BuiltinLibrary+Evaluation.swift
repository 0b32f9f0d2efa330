import UnrollDiagnostics
import UnrollLanguage

extension BuiltinLibrary {
    /// The kind of the `model` argument, when known.
    private static func modelKind(_ facts: CallFacts) -> ModelKind? {
        if case .model(let m)? = facts.type("model") { return m.kind }
        return nil
    }

    /// A problem when `data` cannot feed the model given as `model`.
    static func dataProblem(_ facts: CallFacts, parameter: String = "data") -> CallProblem? {
        guard let kind = modelKind(facts), let data = facts.type(parameter), kind.accepts(data) == false else { return nil }
        return CallProblem("\(ModelKind.withArticle(kind.rawValue)) works on \(kind.trainsOn), not on \(data.withArticle)", at: parameter)
    }

    /// A problem when the model is known not to be one of `kinds`.
    private static func kindProblem(_ facts: CallFacts, _ kinds: [ModelKind], _ what: String) -> CallProblem? {
        guard let kind = modelKind(facts), !kinds.contains(kind) else { return nil }
        return CallProblem(BuiltinMessage.wrongModelKind(needs: what, kind: kind.rawValue), at: "model")
    }

    /// A problem when the model is known not to be a Seq2Seq.
    private static func seq2seqProblem(_ facts: CallFacts, _ function: String) -> CallProblem? {
        kindProblem(facts, [.seq2seq], "'\(function)' needs a Seq2Seq")
    }

    /// The parameters of `forecast` and `forecast_nrmse`, which run the same free run.
    private static let freeRunParameters: [Parameter] = [
        .positional("model", .anyModel,
                    doc: "an EchoState fitted to one-step-ahead prediction, or a Regressor trained on windows of a series with the next value as target"),
        .positional("data", .anyDataset,
                    doc: "numeric sequences: for an EchoState the first one is driven and continued; for a Regressor, consecutive windows of one series in order (series_csv with horizon 1, or a slice of it)"),
        .labelled("warmup", .int, .required, .positive,
                  doc: "true values read before the model runs on its own: an EchoState's driven steps; for a Regressor, rows of the series (at least one window), whose last window starts the run"),
        .labelled("steps", .int, .required, .positive, doc: "steps it then predicts, each output fed back as the next input"),
        .labelled("mode", .string, .value(.string("free")), .oneOf(["free", "one_step"]),
                  doc: "`free`: each prediction is fed back (a free run); `one_step`: every step reads the true values, for comparison over the same steps"),
    ]

    /// A problem when the model is known to be neither an EchoState nor a Regressor.
    private static func forecastProblem(_ facts: CallFacts, _ function: String) -> CallProblem? {
        kindProblem(facts, [.echoState, .regressor], "'\(function)' needs an EchoState or a Regressor")
    }

    /// Measuring, predicting and generating with trained models.
    static let evaluation: [Builtin] = [
        .function(Signature(
            name: "evaluate", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a trained model"),
                .positional("data", .oneOf([.corpus, .anyDataset]), doc: "data of the kind the model trains on"),
            ],
            result: .metrics,
            doc: "Loss, accuracy and perplexity of the model on the data, without training.",
            rule: { facts in CallOutcome(.metrics, problems: [dataProblem(facts)].compactMap { $0 }) }
        )) { try $0.evaluateBuiltin($1) },
        .function(Signature(
            name: "accuracy", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a trained model that predicts tokens, labels or tags"),
                .positional("data", .oneOf([.corpus, .anyDataset]), doc: "data of the kind the model trains on"),
            ],
            result: .float,
            doc: "The fraction of predictions (next tokens, labels or tags) that are right, in [0, 1]; for a Seq2Seq, the fraction of targets decoded exactly (greedy).",
            rule: { facts in
                let problems = [kindProblem(facts, [.languageModel, .classifier, .tagger, .seq2seq], "accuracy needs a model that predicts symbols"),
                                dataProblem(facts)]
                return CallOutcome(.float, problems: problems.compactMap { $0 })
            }
        )) { try $0.accuracyBuiltin($1) },
        .function(Signature(
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
        )) { try $0.perplexityBuiltin($1) },
        .function(Signature(
            name: "predict", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a trained model"),
                .positional("input", .oneOf([.string, .list(.unknown), .tensor, .anyDataset]),
                            doc: "a text for text models; a list of steps (each a list of features) for a Regressor or an EchoState, or a Tensor (N, T, F) of sequences for a Regressor; or a Dataset the model reads"),
                .labelled("count", .int, .value(.int(20)), .positive, doc: "for a Dataset: how many examples, from the start"),
            ],
            result: .oneOf([.string, .list(.string), .list(.float), .tensor, .table]),
            doc: "The model's prediction for one input: the next token, the label, the tags (a list), the numbers (a list; a Tensor for a Tensor), or a Seq2Seq's greedy output text; for a Dataset, a table of the first examples with each prediction beside its target.",
            rule: { facts in
                if let tensorOutcome = tensorPrediction(facts) { return tensorOutcome }
                if case .dataset? = facts.type("input") {
                    return CallOutcome(.table, problems: [dataProblem(facts, parameter: "input")].compactMap { $0 })
                }
                guard let kind = modelKind(facts) else { return CallOutcome(.unknown) }
                let input = facts.type("input") ?? .unknown
                let wantsText = kind != .regressor && kind != .echoState
                var problems: [CallProblem] = []
                if wantsText, !input.isAssignable(to: .string) {
                    problems.append(CallProblem(BuiltinMessage.predictInput(model: kind.rawValue, expected: "a string", got: input),
                                                at: "input"))
                } else if !wantsText, !input.isAssignable(to: .list(.unknown)) {
                    problems.append(CallProblem(BuiltinMessage.predictInput(model: kind.rawValue, expected: "a list of steps", got: input),
                                                at: "input"))
                }
                switch kind {
                case .languageModel, .classifier: return CallOutcome(.string, problems: problems)
                case .tagger: return CallOutcome(.list(.string), problems: problems)
                case .regressor, .echoState: return CallOutcome(.list(.float), problems: problems)
                case .seq2seq: return CallOutcome(.string, problems: problems)
                }
            }
        )) { try $0.predictBuiltin($1) },
        .function(Signature(
            name: "nrmse", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a fitted EchoState or a trained Regressor"),
                .positional("data", .anyDataset, doc: "numeric sequences"),
                .labelled("washout", .int, .absent, .nonNegative,
                          doc: "steps left out at the start of each sequence; by default an EchoState's fit washout, else 0"),
            ],
            result: .float,
            doc: "The normalised root-mean-square error √(mean (y − ŷ)² / var y) of the predictions, over every target value after the washout; 1 is no better than predicting the mean.",
            rule: { facts in
                let problems = [kindProblem(facts, [.regressor, .echoState], "nrmse needs a Regressor or an EchoState"), dataProblem(facts)]
                return CallOutcome(.float, problems: problems.compactMap { $0 })
            }
        )) { try $0.nrmseBuiltin($1) },
        .function(Signature(
            name: "forecast", family: .evaluation,
            parameters: freeRunParameters,
            result: .list(.series),
            doc: "Free-running (generative) prediction: the truth and the forecast as two Series (for `plot`), the forecast's first value following the last warm-up value; a Regressor slides its window, appending each prediction.",
            rule: { facts in
                let problems = [forecastProblem(facts, "forecast"), dataProblem(facts)]
                return CallOutcome(.list(.series), problems: problems.compactMap { $0 })
            }
        )) { try $0.forecastBuiltin($1) },
        .function(Signature(
            name: "forecast_nrmse", family: .evaluation,
            parameters: freeRunParameters,
            result: .float,
            doc: "The NRMSE of `forecast` over its `steps` predicted values, normalised by the variance of the whole series (an EchoState's first sequence's targets; all the rows a Regressor's windows cover).",
            rule: { facts in
                let problems = [forecastProblem(facts, "forecast_nrmse"), dataProblem(facts)]
                return CallOutcome(.float, problems: problems.compactMap { $0 })
            }
        )) { try $0.forecastNRMSEBuiltin($1) },
        .function(Signature(
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
        )) { try $0.sampleBuiltin($1) },
        .function(Signature(
            name: "token_accuracy", family: .evaluation,
            parameters: [
                .positional("model", .model(.seq2seq), doc: "a trained Seq2Seq"),
                .positional("data", .dataset(.pairs), doc: "sequence pairs"),
                .labelled("beam", .int, .value(.int(1)), .positive, doc: "beam width; 1 is greedy decoding"),
            ],
            result: .float,
            doc: "The fraction of target tokens (and the closing end) that decoding gets right at their position, in [0, 1].",
            rule: { facts in CallOutcome(.float, problems: [seq2seqProblem(facts, "token_accuracy"), dataProblem(facts)].compactMap { $0 }) }
        )) { try $0.tokenAccuracyBuiltin($1) },
        .function(Signature(
            name: "bleu", family: .evaluation,
            parameters: [
                .positional("model", .model(.seq2seq), doc: "a trained Seq2Seq"),
                .positional("data", .dataset(.pairs), doc: "sequence pairs; each target is the one reference"),
                .labelled("beam", .int, .value(.int(1)), .positive, doc: "beam width; 1 is greedy decoding"),
            ],
            result: .float,
            doc: "Corpus BLEU (up to 4-grams, with brevity penalty, no smoothing) of the decoded outputs, from 0 to 100.",
            rule: { facts in CallOutcome(.float, problems: [seq2seqProblem(facts, "bleu"), dataProblem(facts)].compactMap { $0 }) }
        )) { try $0.bleuBuiltin($1) },
        .function(Signature(
            name: "translate", family: .evaluation,
            parameters: [
                .positional("model", .model(.seq2seq), doc: "a trained Seq2Seq"),
                .positional("input", .string, doc: "source text, tokenized like the training sources"),
                .labelled("beam", .int, .value(.int(1)), .positive, doc: "beam width; 1 is greedy decoding"),
                .labelled("max_length", .int, .absent, .positive, doc: "most tokens to write; by default twice the input's length plus 10"),
            ],
            result: .string,
            doc: "Decodes one input until the end token or the length limit and returns the text.",
            rule: { facts in CallOutcome(.string, problems: [seq2seqProblem(facts, "translate")].compactMap { $0 }) }
        )) { try $0.translateBuiltin($1) },
        .function(Signature(
            name: "attention", family: .evaluation,
            parameters: [
                .positional("model", .model(.seq2seq), doc: "a trained Seq2Seq with attention"),
                .positional("input", .string, doc: "source text, tokenized like the training sources"),
                .labelled("beam", .int, .value(.int(1)), .positive, doc: "beam width; 1 is greedy decoding"),
                .labelled("max_length", .int, .absent, .positive, doc: "most tokens to write; by default twice the input's length plus 10"),
            ],
            result: .heatmap,
            doc: "The attention table of one decoding: a row per output token (the end token included), a column per input token, each cell the weight.",
            rule: { facts in CallOutcome(.heatmap, problems: [seq2seqProblem(facts, "attention")].compactMap { $0 }) }
        )) { try $0.attentionBuiltin($1) },
        .function(Signature(
            name: "translations", family: .evaluation,
            parameters: [
                .positional("model", .model(.seq2seq), doc: "a trained Seq2Seq"),
                .positional("data", .dataset(.pairs), doc: "sequence pairs"),
                .labelled("count", .int, .value(.int(10)), .positive, doc: "how many examples, from the start of the data"),
                .labelled("beam", .int, .value(.int(1)), .positive, doc: "beam width; 1 is greedy decoding"),
            ],
            result: .table,
            doc: "A table of examples: source, reference target, the model's output, and whether they match.",
            rule: { facts in CallOutcome(.table, problems: [seq2seqProblem(facts, "translations"), dataProblem(facts)].compactMap { $0 }) }
        )) { try $0.translationsBuiltin($1) },
    ]
}
