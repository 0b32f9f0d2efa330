import UnrollData
import UnrollDiagnostics
import UnrollLanguage

extension BuiltinLibrary {
    private static func property(_ receiver: String, _ name: String, _ result: ValueType, _ doc: String,
                                 rule: CallRule? = nil, _ body: @escaping Builtin.PropertyBody) -> Builtin {
        .property(Signature(name: name, receiver: receiver, family: .members, parameters: nil, result: result, doc: doc,
                            rule: rule), body)
    }

    private static let fractionParameter = Parameter.positional(
        "fraction", .float, .required, .fraction, doc: "the share that goes to the first part")

    /// The receiver itself, so that `train`, `test` and `split` keep a dataset's facts.
    private static func sameAsReceiver(_ fallback: ValueType) -> CallRule {
        { facts in CallOutcome(facts.receiver ?? fallback) }
    }

    /// A property of datasets that only some kinds of dataset have.
    private static func datasetProperty(_ name: String, _ result: ValueType, kinds: [DatasetKind], _ doc: String,
                                        _ body: @escaping Builtin.PropertyBody) -> Builtin {
        property("Dataset", name, result, doc, rule: { facts in
            guard case .dataset(let d)? = facts.receiver, let kind = d.kind, !kinds.contains(kind) else {
                return CallOutcome(result)
            }
            let wanted = kinds.map(\.description).joined(separator: " or ")
            let problem = BuiltinMessage.datasetMemberUndefined(member: name, kinds: wanted, holds: kind.description)
            return CallOutcome(result, problems: [CallProblem(problem)])
        }, body)
    }

    /// Methods and properties of the language's types.
    static let members: [Builtin] = [
        property("Corpus", "vocab", .vocabulary, "The vocabulary of the corpus's tokens.") { _, v, _ in
            .vocabulary(TextCodec(try corpus(v)))
        },
        property("Corpus", "size", .int, "The number of tokens.") { _, v, _ in .int(try corpus(v).count) },
        .method(Signature(name: "split", receiver: "Corpus", family: .members, parameters: [fractionParameter],
                  result: .tuple([.corpus, .corpus]),
                  doc: "The first `fraction` of the token stream and the rest (no shuffling), as two corpora.")) { _, v, arguments in
            let fraction = try arguments.double("fraction")
            let parts = try Interpreter.dataErrors(at: arguments.place("fraction")) { try corpus(v).split(fraction: fraction) }
            return .tuple([.corpus(parts.0), .corpus(parts.1)])
        },

        property("Vocabulary", "size", .int, "The number of entries, including the unknown token.") { _, v, _ in
            guard case .vocabulary(let codec) = v else { throw wrongReceiver(v) }
            return .int(codec.vocabulary.count)
        },

        property("Dataset", "size", .int, "The number of examples.") { _, v, _ in .int(try dataset(v).count) },
        property("Dataset", "vocab", .vocabulary, "The vocabulary of the input tokens (text and symbol datasets).") { _, v, place in
            let d = try dataset(v)
            guard let codec = d.codec else {
                throw RuntimeError("numeric sequences have no vocabulary; 'vocab' is for text and symbol datasets", at: place)
            }
            return .vocabulary(codec)
        },
        datasetProperty("classes", .int, kinds: [.labelled], "The number of distinct labels.") { _, v, place in
            guard case .labelled(let d) = try dataset(v).content else { throw onlyFor("classes", "labelled texts", v, place) }
            return .int(d.classCount)
        },
        datasetProperty("tags", .int, kinds: [.tagged, .pairs], "The number of distinct tags (target symbols for pairs).") { _, v, place in
            switch try dataset(v).content {
            case .tagged(let d): return .int(d.tagCount)
            case .pairs(let d): return .int(d.targetVocabulary.count - d.targetVocabulary.reservedCount)
            default: throw onlyFor("tags", "tagged sequences or sequence pairs", v, place)
            }
        },
        datasetProperty("inputs", .int, kinds: [.sequences], "Input features per step.") { _, v, place in
            guard case .sequences(let d) = try dataset(v).content else { throw onlyFor("inputs", "numeric sequences", v, place) }
            return .int(d.featureCount)
        },
        datasetProperty("outputs", .int, kinds: [.sequences], "Target values per example.") { _, v, place in
            guard case .sequences(let d) = try dataset(v).content else { throw onlyFor("outputs", "numeric sequences", v, place) }
            return .int(d.outputCount)
        },
        .method(Signature(name: "split", receiver: "Dataset", family: .members, parameters: [fractionParameter],
                  result: .tuple([.anyDataset, .anyDataset]),
                  doc: "The examples shuffled with the notebook's seed, then cut into the first `fraction` and the rest.",
                  rule: { facts in
                      let part = facts.receiver ?? .anyDataset
                      return CallOutcome(.tuple([part, part]))
                  })) { interpreter, v, arguments in
            let fraction = try arguments.double("fraction")
            let d = try dataset(v)
            let parts = try Interpreter.dataErrors(at: arguments.place("fraction")) { try d.split(fraction, rng: &interpreter.rng) }
            return .tuple([.dataset(parts.0), .dataset(parts.1)])
        },
        property("Dataset", "train", .anyDataset, "The first part of `split(0.9)`.", rule: sameAsReceiver(.anyDataset)) { interpreter, v, place in
            .dataset(try interpreter.standardParts(of: try dataset(v), at: place).train)
        },
        property("Dataset", "test", .anyDataset, "The second part of `split(0.9)`.", rule: sameAsReceiver(.anyDataset)) { interpreter, v, place in
            .dataset(try interpreter.standardParts(of: try dataset(v), at: place).test)
        },

        property("Model", "history", .history, "What `fit` recorded, epoch by epoch, over all its runs.") { _, v, _ in
            let m = try model(v)
            return .history(HistoryValue(history: m.history, kind: m.kind))
        },
        property("Model", "weights", .int, "The number of trainable numbers in the model.") { _, v, _ in
            .int(try model(v).weightCount)
        },

        property("History", "train", .curves, "Metrics on the training data, averaged over each epoch.") { _, v, _ in
            let h = try history(v)
            return .curves(CurvesValue(history: h.history, kind: h.kind, split: "train"))
        },
        property("History", "valid", .curves, "Metrics on the `validate` data after each epoch (empty without it).") { _, v, _ in
            let h = try history(v)
            return .curves(CurvesValue(history: h.history, kind: h.kind, split: "valid"))
        },
        property("History", "epochs", .int, "The number of epochs trained.") { _, v, _ in
            .int(try history(v).history.epochs)
        },
        property("History", "grad_norm", .series,
                 "Per epoch, the mean over its batches of the global gradient norm before clipping.") { _, v, _ in
            try gradientSeries(v, "grad_norm")
        },
        property("History", "grad_norm_max", .series,
                 "Per epoch, the largest global gradient norm of its batches, before clipping.") { _, v, _ in
            try gradientSeries(v, "grad_norm_max")
        },
        property("History", "clipped", .series,
                 "Per epoch, the fraction of its batches whose gradients `clip` or `clip_value` changed.") { _, v, _ in
            try gradientSeries(v, "clipped")
        },
        property("History", "seconds", .series,
                 "Per epoch, the wall-clock seconds of its training batches and validation pass, as measured, when the "
                     + "run asks for timings (`unroll run --timings`); otherwise each is NaN, so that reports stay "
                     + "byte-identical and `check` compares nothing machine-dependent.") { interpreter, v, _ in
            let seconds = try history(v).history.seconds
            let values = interpreter.settings.timings ? seconds : seconds.map { _ in Double.nan }
            return .series(SeriesValue(values: values, split: nil, metric: "seconds"))
        },

        property("Curves", "loss", .series, "Mean loss per epoch.") { _, v, place in try curve(v, "loss", place) },
        property("Curves", "accuracy", .series, "Accuracy per epoch.") { _, v, place in
            try curve(v, "accuracy", place)
        },
        property("Curves", "perplexity", .series, "The exponential of the loss, per epoch.") { _, v, place in
            try curve(v, "perplexity", place)
        },

        property("Series", "first", .float, "The first value.") { _, v, place in
            .float(try nonEmpty(v, "first", place).first!)
        },
        property("Series", "last", .float, "The last value.") { _, v, place in
            .float(try nonEmpty(v, "last", place).last!)
        },
        property("Series", "min", .float, "The smallest value.") { _, v, place in
            .float(try nonEmpty(v, "min", place).min()!)
        },
        property("Series", "max", .float, "The largest value.") { _, v, place in
            .float(try nonEmpty(v, "max", place).max()!)
        },
        property("Series", "mean", .float, "The arithmetic mean.") { _, v, place in
            let values = try nonEmpty(v, "mean", place)
            return .float(values.reduce(0, +) / Double(values.count))
        },
        property("Series", "count", .int, "The number of values.") { _, v, _ in
            guard case .series(let s) = v else { throw wrongReceiver(v) }
            return .int(s.values.count)
        },

        property("Metrics", "loss", .float, "The mean loss (cross-entropy, or squared error for a Regressor).") { _, v, place in
            try metric(v, "loss", place)
        },
        property("Metrics", "accuracy", .float, "The fraction of right predictions.") { _, v, place in
            try metric(v, "accuracy", place)
        },
        property("Metrics", "perplexity", .float, "The exponential of the loss.") { _, v, place in
            try metric(v, "perplexity", place)
        },

        property("list", "count", .int, "The number of elements.") { _, v, place in try count(v, place) },
        property("tuple", "count", .int, "The number of values.") { _, v, place in try count(v, place) },
        property("string", "count", .int, "The number of characters (Unicode scalars).") { _, v, place in
            try count(v, place)
        },
        property("range", "count", .int, "The number of integers in the range.") { _, v, place in try count(v, place) },
        property("Table", "count", .int, "The number of rows.") { _, v, place in try count(v, place) },
    ]
}

extension BuiltinLibrary {
    /// The number of items of a list, tuple, string (in Unicode scalars), range, series, corpus, dataset,
    /// vocabulary or table.
    static func count(_ v: Value, _ place: SourceRange) throws -> Value {
        switch v {
        case .list(let items), .tuple(let items): return .int(items.count)
        case .string(let s): return .int(s.unicodeScalars.count)
        case .range(let lo, let hi):
            guard let count = IntegerArithmetic.count(lower: lo, upper: hi) else {
                throw RuntimeError(ExpressionMessage.rangeTooLarge(lower: lo, upper: hi, purpose: "count"), at: place)
            }
            return .int(count)
        case .series(let s): return .int(s.values.count)
        case .corpus(let c): return .int(c.count)
        case .dataset(let d): return .int(d.count)
        case .vocabulary(let codec): return .int(codec.vocabulary.count)
        case .table(let t): return .int(t.rows.count)
        default: throw RuntimeError("\(v.type.withArticle) has no size", at: place)
        }
    }

    private static func corpus(_ v: Value) throws -> TextCorpus {
        guard case .corpus(let c) = v else { throw wrongReceiver(v) }
        return c
    }

    private static func dataset(_ v: Value) throws -> DatasetValue {
        guard case .dataset(let d) = v else { throw wrongReceiver(v) }
        return d
    }

    private static func model(_ v: Value) throws -> ModelValue {
        guard case .model(let m) = v else { throw wrongReceiver(v) }
        return m
    }

    private static func history(_ v: Value) throws -> HistoryValue {
        guard case .history(let h) = v else { throw wrongReceiver(v) }
        return h
    }

    /// A history's per-epoch gradient series `name` (`grad_norm`, `grad_norm_max`, `clipped`) as a Series.
    private static func gradientSeries(_ v: Value, _ name: String) throws -> Value {
        let h = try history(v)
        return .series(SeriesValue(values: h.history.gradientSeries(name) ?? [], split: "train", metric: name))
    }

    private static func curve(_ v: Value, _ metric: String, _ place: SourceRange) throws -> Value {
        guard case .curves(let c) = v else { throw wrongReceiver(v) }
        switch MetricLookup.values(metric, in: c.rows, kind: c.kind) {
        case .success(let values): return .series(SeriesValue(values: values, split: c.split, metric: metric))
        case .failure(let why): throw RuntimeError(why.message, at: place)
        }
    }

    private static func metric(_ v: Value, _ name: String, _ place: SourceRange) throws -> Value {
        guard case .metrics(let m) = v else { throw wrongReceiver(v) }
        switch MetricLookup.value(name, in: m.metrics, kind: m.kind) {
        case .success(let x): return .float(x)
        case .failure(let why): throw RuntimeError(why.message, at: place)
        }
    }

    private static func nonEmpty(_ v: Value, _ member: String, _ place: SourceRange) throws -> [Double] {
        guard case .series(let s) = v else { throw wrongReceiver(v) }
        guard !s.values.isEmpty else {
            let why = s.split == "valid" ? "; pass 'validate:' to 'fit' to record validation metrics" : ""
            throw RuntimeError("the series '\(s.name ?? "values")' is empty, so it has no '\(member)'\(why)", at: place)
        }
        return s.values
    }

    private static func onlyFor(_ member: String, _ kinds: String, _ v: Value, _ place: SourceRange) -> RuntimeError {
        let holds = (try? dataset(v).kind.description) ?? "\(v.type)"
        return RuntimeError(BuiltinMessage.datasetMemberUndefined(member: member, kinds: kinds, holds: holds), at: place)
    }

    /// A receiver the catalog routed here but of another type: a mismatch between catalog and interpreter.
    private static func wrongReceiver(_ v: Value) -> Error {
        preconditionFailure("interpreter: member implementation got \(v.type)")
    }
}
