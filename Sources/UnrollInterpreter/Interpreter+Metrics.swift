import UnrollData
import UnrollDiagnostics
import UnrollLanguage
import UnrollRecord
import UnrollTraining

extension Interpreter {
    /// A model's predictions beside the truth on a data set: per example the true and the predicted label (a
    /// Classifier, one-element lists) or tags (a Tagger), as names.
    private struct LabelledPredictions {
        /// The label or tag names, the model's first, then any only the data has.
        var names: [String]
        /// Per example, the true labels or tags.
        var truth: [[String]]
        /// Per example, what the model predicted.
        var predicted: [[String]]
    }

    /// Runs the model over every non-empty example of the `data` argument (after the checks `fit` makes).
    private func labelledPredictions(_ arguments: Arguments, kinds: [ModelKind], needs: String) throws -> LabelledPredictions {
        let model = try arguments.model()
        guard kinds.contains(model.kind) else {
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: needs, kind: model.kind.rawValue), at: "model")
        }
        let data = try arguments.value("data")
        _ = try objective(for: model, on: data, at: arguments.place("data"), modelName: arguments.source("model", or: "model"),
                          bptt: model.bptt)
        var truth: [[String]] = [], predicted: [[String]] = [], dataNames: [String] = []
        switch (model.network, data) {
        case (.classifier(let network), .dataset(let d)):
            guard case .labelled(let set) = d.content else { break }
            dataNames = set.labelNames
            let names = model.labelNames ?? set.labelNames
            for example in set.examples where !example.tokens.isEmpty {
                try checkpoint()
                truth.append([set.labelNames[example.label]])
                predicted.append([Self.name(Prediction.label(network, of: example.tokens), in: names)])
            }
        case (.tagger(let network), .dataset(let d)):
            guard case .tagged(let set) = d.content else {
                throw arguments.error("a Tagger's metrics need tagged sequences (from tagged(...)), not \(d.kind.description)",
                                      at: "data")
            }
            dataNames = set.tagNames
            let names = model.labelNames ?? set.tagNames
            for example in set.examples where !example.tokens.isEmpty {
                try checkpoint()
                truth.append(example.tags.map { set.tagNames[$0] })
                predicted.append(Prediction.tags(network, of: example.tokens).map { Self.name($0, in: names) })
            }
        default: break
        }
        var names = model.labelNames ?? dataNames
        for name in dataNames where !names.contains(name) { names.append(name) }
        return LabelledPredictions(names: names, truth: truth, predicted: predicted)
    }

    /// The name of label `index`, or the index as text when the names do not reach it.
    private static func name(_ index: Int, in names: [String]) -> String {
        index < names.count ? names[index] : String(index)
    }

    /// The confusion matrix of per-item predictions (one item per example, or per token for a Tagger).
    private func confusionMatrix(_ p: LabelledPredictions) -> ConfusionMatrix {
        var names = p.names
        for name in p.predicted.joined() where !names.contains(name) { names.append(name) }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var matrix = ConfusionMatrix(classes: names)
        for (truth, guess) in zip(p.truth, p.predicted) {
            for (t, g) in zip(truth, guess) { matrix.add(truth: index[t]!, predicted: index[g]!) }
        }
        return matrix
    }

    /// `confusion(model, data)`: the confusion matrix as a heat-map table.
    func confusionBuiltin(_ arguments: Arguments) throws -> Value {
        let matrix = confusionMatrix(try labelledPredictions(arguments, kinds: [.classifier, .tagger],
                                                             needs: "'confusion' needs a Classifier or a Tagger"))
        let title = "confusion matrix of \(arguments.source("model", or: "model")) on \(arguments.source("data", or: "data"))"
            + " (rows: true, columns: predicted)"
        return .heatmap(HeatmapOutput(title: title, rowLabels: matrix.classes, columnLabels: matrix.classes,
                                      values: matrix.counts.map { $0.map(Double.init) }))
    }

    /// `classification_report(model, data)`: per-label precision, recall, F1 and support with averages.
    func classificationReportBuiltin(_ arguments: Arguments) throws -> Value {
        let matrix = confusionMatrix(try labelledPredictions(arguments, kinds: [.classifier, .tagger],
                                                             needs: "'classification_report' needs a Classifier or a Tagger"))
        return .table(Self.scoreTable(matrix.scores, title: "per-label scores of \(arguments.source("model", or: "model")) on "
                                      + arguments.source("data", or: "data")))
    }

    /// `segmentation_f1(model, data)` and `segmentation_report(model, data)`: word-level scores of BMES tags.
    func segmentationBuiltin(_ arguments: Arguments, report: Bool) throws -> Value {
        let name = report ? "segmentation_report" : "segmentation_f1"
        let p = try labelledPredictions(arguments, kinds: [.tagger], needs: "'\(name)' needs a Tagger of BMES tags")
        let unknown = p.names.filter { !["B", "M", "E", "S"].contains($0.uppercased()) }
        if !unknown.isEmpty {
            throw arguments.error("'\(name)' reads BMES tags, but the data has the tag '\(unknown[0])'; "
                + "for BIO or BIOES tags use 'entity_f1' or 'entity_report'", at: "data")
        }
        let words = SegmentationF1.scores(gold: p.truth, predicted: p.predicted)
        guard report else { return .float(words.f1) }
        return .table(TableOutput(
            title: "word segmentation of \(arguments.source("model", or: "model")) on \(arguments.source("data", or: "data"))",
            columns: ["precision", "recall", "f1", "true words", "predicted words", "right words"],
            rowHeaders: ["words"],
            rows: [[.number(words.precision), .number(words.recall), .number(words.f1), .number(Double(words.actual)),
                    .number(Double(words.predicted)), .number(Double(words.correct))]]))
    }

    /// `entity_f1(model, data)` and `entity_report(model, data)`: conlleval's entity-level scores.
    func entityBuiltin(_ arguments: Arguments, report: Bool) throws -> Value {
        let name = report ? "entity_report" : "entity_f1"
        let p = try labelledPredictions(arguments, kinds: [.tagger], needs: "'\(name)' needs a Tagger of BIO or BIOES tags")
        let typed = p.names.filter { $0.count > 2 && $0.dropFirst().first == "-" }
        if typed.isEmpty, !p.names.contains("O") {
            throw arguments.error("'\(name)' reads BIO or BIOES tags (O, B-TYPE, I-TYPE, …), but the data's tags are "
                + p.names.prefix(4).map { "'\($0)'" }.joined(separator: ", ")
                + "; for BMES word segmentation use 'segmentation_f1'", at: "data")
        }
        if arguments.wasGiven("scheme") {
            let scheme = try arguments.string("scheme")
            let prefixes: Set<Character> = scheme.contains("E") ? ["B", "I", "O", "E", "S"] : ["B", "I", "O"]
            if let odd = p.names.first(where: { !prefixes.contains($0.first ?? "O") || ($0.count > 1 && $0.dropFirst().first != "-") }) {
                throw arguments.error("the tag '\(odd)' is not of the \(scheme) scheme, whose tags are "
                    + (scheme.contains("E") ? "O, B-, I-, E- and S-TYPE" : "O, B-TYPE and I-TYPE"), at: "scheme")
            }
        }
        let scores = EntityF1.scores(gold: p.truth, predicted: p.predicted)
        guard report else { return .float(scores.micro.f1) }
        return .table(Self.scoreTable(scores, title: "entity scores of \(arguments.source("model", or: "model")) on "
                                      + arguments.source("data", or: "data")))
    }

    /// Rows of precision, recall, F1 and support per class, then the micro and macro averages.
    private static func scoreTable(_ scores: ClassScores, title: String) -> TableOutput {
        var headers: [String] = [], rows: [[TableCell]] = []
        for (name, counts) in scores.classes {
            headers.append(name)
            rows.append([.number(counts.precision), .number(counts.recall), .number(counts.f1), .number(Double(counts.actual))])
        }
        let micro = scores.micro, macro = scores.macro
        headers += ["micro avg", "macro avg"]
        rows.append([.number(micro.precision), .number(micro.recall), .number(micro.f1), .number(Double(micro.actual))])
        rows.append([.number(macro.precision), .number(macro.recall), .number(macro.f1), .number(Double(micro.actual))])
        return TableOutput(title: title, columns: ["precision", "recall", "f1", "support"], rowHeaders: headers, rows: rows)
    }
}
