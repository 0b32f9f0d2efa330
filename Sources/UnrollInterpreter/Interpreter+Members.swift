import UnrollData
import UnrollDiagnostics
import UnrollLanguage

extension Interpreter {
    /// A property read, `base.name`: a builtin type's member or a record's field.
    func member(of base: Expr, _ name: Identifier, at expression: Expr) throws -> Value {
        let nameRange = SourceRange(start: name.location, length: name.text.count)
        if case .identifier(let namespace) = base.kind, environment.lookup(namespace) == nil,
           builtins.namespaces.contains(namespace) {
            let full = "\(namespace).\(name.text)"
            if builtins.function(named: full) != nil {
                throw RuntimeError("'\(full)' is a function; call it as '\(full)(...)'", at: expression.range)
            }
            throw RuntimeError("'\(namespace)' has no function '\(name.text)'", at: nameRange)
        }
        let receiver = try evaluate(base)
        if case .record(let fields) = receiver {
            if let field = fields.first(where: { $0.name == name.text }) { return field.value }
            let hint = Suggestion.closest(to: name.text, in: fields.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
            throw RuntimeError("the record has no field '\(name.text)'\(hint)", at: nameRange)
        }
        guard let receiverName = receiver.type.receiverName, let signature = builtins.member(name.text, of: receiverName) else {
            let available = receiver.type.receiverName.map { builtins.members(of: $0).map(\.name) } ?? []
            let hint = Suggestion.closest(to: name.text, in: available).map { "; did you mean '\($0)'?" } ?? ""
            throw RuntimeError("unknown member '\(name.text)' of \(receiver.type)\(hint)", at: nameRange)
        }
        guard signature.isProperty,
              let property = Self.properties[signature.qualifiedName] ?? Self.tensorProperties[signature.qualifiedName] else {
            throw RuntimeError("'\(name.text)' is a method of \(receiverName); call it as '\(name.text)(...)'", at: nameRange)
        }
        return try property(self, receiver, nameRange)
    }

    /// The implementations of the catalog's properties, by qualified name (`Corpus.vocab`).
    static let properties: [String: (Interpreter, Value, SourceRange) throws -> Value] = [
        "Corpus.vocab": { _, v, _ in .vocabulary(TextCodec(try corpus(v))) },
        "Corpus.size": { _, v, _ in .int(try corpus(v).count) },
        "Vocabulary.size": { _, v, _ in
            guard case .vocabulary(let codec) = v else { throw wrongReceiver(v) }
            return .int(codec.vocabulary.count)
        },
        "Dataset.size": { _, v, _ in .int(try dataset(v).count) },
        "Dataset.vocab": { _, v, place in
            let d = try dataset(v)
            guard let codec = d.codec else {
                throw RuntimeError("numeric sequences have no vocabulary; 'vocab' is for text and symbol datasets", at: place)
            }
            return .vocabulary(codec)
        },
        "Dataset.classes": { _, v, place in
            guard case .labelled(let d) = try dataset(v).content else { throw onlyFor("classes", "labelled texts", v, place) }
            return .int(d.classCount)
        },
        "Dataset.tags": { _, v, place in
            switch try dataset(v).content {
            case .tagged(let d): return .int(d.tagCount)
            case .pairs(let d): return .int(d.targetVocabulary.count - d.targetVocabulary.reservedCount)
            default: throw onlyFor("tags", "tagged sequences or sequence pairs", v, place)
            }
        },
        "Dataset.inputs": { _, v, place in
            guard case .sequences(let d) = try dataset(v).content else { throw onlyFor("inputs", "numeric sequences", v, place) }
            return .int(d.featureCount)
        },
        "Dataset.outputs": { _, v, place in
            guard case .sequences(let d) = try dataset(v).content else { throw onlyFor("outputs", "numeric sequences", v, place) }
            return .int(d.outputCount)
        },
        "Dataset.train": { interpreter, v, place in
            .dataset(try interpreter.standardParts(of: try dataset(v), at: place).train)
        },
        "Dataset.test": { interpreter, v, place in
            .dataset(try interpreter.standardParts(of: try dataset(v), at: place).test)
        },
        "Model.history": { _, v, _ in
            let m = try model(v)
            return .history(HistoryValue(history: m.history, kind: m.kind))
        },
        "Model.weights": { _, v, _ in .int(try model(v).weightCount) },
        "History.train": { _, v, _ in
            let h = try history(v)
            return .curves(CurvesValue(history: h.history, kind: h.kind, split: "train"))
        },
        "History.valid": { _, v, _ in
            let h = try history(v)
            return .curves(CurvesValue(history: h.history, kind: h.kind, split: "valid"))
        },
        "History.epochs": { _, v, _ in .int(try history(v).history.epochs) },
        "Curves.loss": { _, v, place in try curve(v, "loss", place) },
        "Curves.accuracy": { _, v, place in try curve(v, "accuracy", place) },
        "Curves.perplexity": { _, v, place in try curve(v, "perplexity", place) },
        "Series.first": { _, v, place in .float(try nonEmpty(v, "first", place).first!) },
        "Series.last": { _, v, place in .float(try nonEmpty(v, "last", place).last!) },
        "Series.min": { _, v, place in .float(try nonEmpty(v, "min", place).min()!) },
        "Series.max": { _, v, place in .float(try nonEmpty(v, "max", place).max()!) },
        "Series.mean": { _, v, place in
            let values = try nonEmpty(v, "mean", place)
            return .float(values.reduce(0, +) / Double(values.count))
        },
        "Series.count": { _, v, _ in
            guard case .series(let s) = v else { throw wrongReceiver(v) }
            return .int(s.values.count)
        },
        "Metrics.loss": { _, v, place in try metric(v, "loss", place) },
        "Metrics.accuracy": { _, v, place in try metric(v, "accuracy", place) },
        "Metrics.perplexity": { _, v, place in try metric(v, "perplexity", place) },
        "list.count": { _, v, place in try count(v, place) },
        "tuple.count": { _, v, place in try count(v, place) },
        "string.count": { _, v, place in try count(v, place) },
        "range.count": { _, v, place in try count(v, place) },
        "Table.count": { _, v, place in try count(v, place) },
    ]

    /// The implementations of the catalog's methods, by qualified name (`Corpus.split`).
    static let methods: [String: (Interpreter, Value, Arguments) throws -> Value] = [
        "Corpus.split": { _, v, arguments in
            let fraction = try arguments.double("fraction")
            let parts = try dataErrors(at: arguments.place("fraction")) { try corpus(v).split(fraction: fraction) }
            return .tuple([.corpus(parts.0), .corpus(parts.1)])
        },
        "Dataset.split": { interpreter, v, arguments in
            let fraction = try arguments.double("fraction")
            let d = try dataset(v)
            let parts = try dataErrors(at: arguments.place("fraction")) { try d.split(fraction, rng: &interpreter.rng) }
            return .tuple([.dataset(parts.0), .dataset(parts.1)])
        },
    ]

    /// The number of items of a list, tuple, string (in Unicode scalars), range, series, corpus, dataset,
    /// vocabulary or table.
    static func count(_ v: Value, _ place: SourceRange) throws -> Value {
        switch v {
        case .list(let items), .tuple(let items): return .int(items.count)
        case .string(let s): return .int(s.unicodeScalars.count)
        case .range(let lo, let hi):
            let (span, overflow) = hi.subtractingReportingOverflow(lo)
            guard !overflow, span < Int.max else { throw RuntimeError("the range \(lo)...\(hi) is too large to count", at: place) }
            return .int(span + 1)
        case .series(let s): return .int(s.values.count)
        case .corpus(let c): return .int(c.count)
        case .dataset(let d): return .int(d.count)
        case .vocabulary(let codec): return .int(codec.vocabulary.count)
        case .table(let t): return .int(t.rows.count)
        default: throw RuntimeError("\(v.type.withArticle) has no size", at: place)
        }
    }

    private func standardParts(of d: DatasetValue, at place: SourceRange) throws -> (train: DatasetValue, test: DatasetValue) {
        try Self.dataErrors(at: place) { try d.standardParts(rng: &rng) }
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
            throw RuntimeError("the series '\(s.name)' is empty, so it has no '\(member)'\(why)", at: place)
        }
        return s.values
    }

    private static func onlyFor(_ member: String, _ kinds: String, _ v: Value, _ place: SourceRange) -> RuntimeError {
        let holds = (try? dataset(v).kind.description) ?? "\(v.type)"
        return RuntimeError("'\(member)' is only defined for \(kinds); this Dataset holds \(holds)", at: place)
    }

    /// A receiver the catalog routed here but of another type: a mismatch between catalog and interpreter.
    private static func wrongReceiver(_ v: Value) -> Error {
        preconditionFailure("interpreter: member implementation got \(v.type)")
    }
}
