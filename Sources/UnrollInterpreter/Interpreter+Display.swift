import UnrollDiagnostics
import UnrollLanguage
import UnrollRecord

extension Interpreter {
    /// `show VALUE`: a number as a scalar, a table as a table, a history or series as curves, metrics as a
    /// one-row table, anything else as text.
    func show(_ value: Value, of expression: Expr) throws {
        let name = names.next("show")
        let label = expression.description
        switch value {
        case .int, .float:
            outputs.append(.scalar(name, value.number!, label: label))
        case .table(let table):
            outputs.append(.table(name, table))
        case .heatmap(let heatmap):
            outputs.append(.heatmap(name, heatmap))
        case .metrics(let m):
            let named = m.metrics.named
            let table = TableOutput(title: label, columns: named.map(\.name), rows: [named.map { .number($0.value) }])
            outputs.append(.table(name, table))
        case .tensor(let t):
            outputs.append(.table(name, Self.tensorTable(t, title: label)))
        case .tensors(let t):
            outputs.append(.table(name, Self.tensorsTable(t, title: label)))
        case .history, .series:
            outputs.append(.series(name, try curves(value, title: label, metric: "loss", labels: nil,
                                                    defaultNames: [label], at: expression.range)))
        default:
            outputs.append(.text(name, value.text))
        }
    }

    /// `plot VALUE { title:, metric:, labels: }`: curves of a history, a series, a list of numbers, or a list
    /// of histories or series.
    func plot(_ value: Value, of expression: Expr, options: [Field], at location: SourceLocation) throws {
        guard let signature = builtins.options(of: "plot") else { preconditionFailure("interpreter: no 'plot' options in the catalog") }
        let arguments = try bind(signature, options.map { (label: $0.name, value: $0.value) }, noun: "option",
                                 owner: "plot", site: SourceRange(start: location, length: 4))
        let title = try arguments["title"] == nil ? expression.description : arguments.string("title")
        let metric = try arguments.string("metric")
        var labels: [String]?
        if case .list(let items)? = arguments["labels"] { labels = items.map(\.text) }
        var defaults = [expression.description]
        if case .list(let items) = expression.kind { defaults = items.map(\.description) }
        let series = try curves(value, title: title, metric: metric, labels: labels, defaultNames: defaults,
                                at: expression.range, labelsAt: arguments.place("labels"))
        outputs.append(.series(names.next("plot"), series))
    }

    /// `expect CONDITION`: records a passed check as the scalar 1, or fails the cell showing both sides of a
    /// comparison: `expected loss < 3, got 3.5 < 3`.
    func expect(_ condition: Expr, text: String) throws {
        let passed: Bool
        var got: String
        if let (left, op, right) = condition.comparison {
            let l = try evaluate(left), r = try evaluate(right)
            guard case .bool(let b) = try apply(op, l, r, at: condition) else {
                preconditionFailure("interpreter: a comparison gave no bool")
            }
            passed = b
            got = "\(l.literal) \(op.rawValue) \(r.literal)"
        } else {
            passed = try evaluateBool(condition, for: "expect")
            got = passed ? "true" : "false"
        }
        guard passed else { throw RuntimeError("expected \(text), got \(got)", at: condition.range) }
        outputs.append(.scalar(names.next("expect"), 1, label: text))
    }

    /// The figure for `value`: one line per split of each history (for `metric`), one per series, or one
    /// for a list of numbers. Lines are named by `labels`, else by `defaultNames` (the list items as written).
    private func curves(_ value: Value, title: String, metric: String, labels: [String]?, defaultNames: [String],
                        at place: SourceRange, labelsAt labelsPlace: SourceRange? = nil) throws -> SeriesOutput {
        let items: [Value]
        var single = true
        if case .list(let elements) = value, elements.allSatisfy({ $0.number == nil }) {
            items = elements
            single = false
        } else {
            items = [value]
        }
        if let labels, labels.count != items.count {
            throw RuntimeError("'labels' has \(labels.count) name\(labels.count == 1 ? "" : "s") for \(items.count) "
                + "plotted value\(items.count == 1 ? "" : "s")", at: labelsPlace ?? place)
        }
        guard !items.isEmpty else { throw RuntimeError("there is nothing to plot in an empty list", at: place) }
        var lines: [SeriesLine] = []
        var xLabel = "epoch", yLabel = metric
        for (i, item) in items.enumerated() {
            var ownName: String?
            if case .series(let s) = item, s.axis != nil { ownName = s.name }
            let label = labels?[i] ?? (single ? nil : (defaultNames.count == items.count ? defaultNames[i] : ownName ?? String(i + 1)))
            let prefix = label.map { "\($0) " } ?? ""
            switch item {
            case .history(let h):
                for (split, rows) in [("train", h.history.train), ("valid", h.history.valid)] where !rows.isEmpty {
                    switch MetricLookup.values(metric, in: rows, kind: h.kind) {
                    case .success(let ys): lines.append(SeriesLine(name: "\(prefix)\(split) \(metric)", y: ys))
                    case .failure(let why): throw RuntimeError(why.message, at: place)
                    }
                }
            case .series(let s):
                lines.append(SeriesLine(name: label ?? s.name, y: s.values))
                if let m = s.metric, single { yLabel = m }
                if let axis = s.axis { (xLabel, yLabel) = (axis, "value") }
            case .list(let numbers) where numbers.allSatisfy({ $0.number != nil }):
                lines.append(SeriesLine(name: label ?? "values", y: numbers.map { $0.number! }))
                (xLabel, yLabel) = ("step", "value")
            default:
                throw RuntimeError(TrainingMessage.notPlottable(type: item.type), at: place)
            }
        }
        guard !lines.isEmpty else {
            throw RuntimeError("there is nothing to plot: no epochs were recorded; fit the model first", at: place)
        }
        return SeriesOutput(title: title, xLabel: xLabel, yLabel: yLabel, lines: lines)
    }
}
