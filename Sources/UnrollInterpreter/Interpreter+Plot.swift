import UnrollDiagnostics
import UnrollLanguage
import UnrollRecord
import UnrollTraining

extension Interpreter {
    /// `plot VALUE { options }`, or `plot XS, YS, … { options }` with the values after the first drawn against
    /// the first (a list of numbers): curves of histories, series and lists of numbers, in one figure.
    func plot(_ expressions: [Expr], options: [Field], at location: SourceLocation) throws {
        guard let signature = builtins.options(of: "plot") else { preconditionFailure("interpreter: no 'plot' options in the catalog") }
        let arguments = try bind(signature, options.map { (label: $0.name, value: $0.value) }, noun: "option",
                                 owner: "plot", site: SourceRange(start: location, length: 4))
        var spec = PlotSpec(title: try arguments["title"] == nil
            ? expressions.map(\.description).joined(separator: ", ") : arguments.string("title"))
        spec.metric = try arguments.string("metric")
        if case .list(let items)? = arguments["labels"] {
            spec.labels = items.map(\.text)
            spec.labelsPlace = arguments.place("labels")
        }
        if let style = SeriesStyle(rawValue: try arguments.string("style")) { spec.style = style }
        if arguments["log"] != nil {
            let log = try arguments.string("log")
            (spec.logX, spec.logY) = (log.contains("x"), log.contains("y"))
        }
        if arguments["xlabel"] != nil { spec.xLabel = try arguments.string("xlabel") }
        if arguments["ylabel"] != nil { spec.yLabel = try arguments.string("ylabel") }

        var axis: PlotAxis?
        var plotted = expressions[...]
        if expressions.count > 1 {
            let first = expressions[0]
            let value = try evaluate(first)
            guard let numbers = Self.plotNumbers(value) else {
                throw RuntimeError(TrainingMessage.xAxisNotNumbers(type: value.type), at: first.range)
            }
            axis = PlotAxis(values: numbers, name: first.description, place: first.range)
            plotted = plotted.dropFirst()
        }
        var items: [PlotItem] = []
        for expression in plotted {
            items += try PlotItem.items(of: evaluate(expression), expression, alone: expressions.count == 1)
        }
        outputs.append(.series(names.next("plot"), try figure(of: spec, items: items, against: axis)))
    }

    /// The figure of `items` as `spec` asks: one line per split of each history (for the metric; a history's
    /// lines share a colour), one per series and one per list of numbers, at the x values of `axis` when
    /// given, else their own or 1, 2, 3, …
    func figure(of spec: PlotSpec, items: [PlotItem], against axis: PlotAxis? = nil) throws -> SeriesOutput {
        guard let firstPlace = items.first?.place else { preconditionFailure("interpreter: a figure of nothing") }
        if let labels = spec.labels, labels.count != items.count {
            throw RuntimeError("'labels' has \(labels.count) name\(labels.count == 1 ? "" : "s") for \(items.count) "
                + "plotted value\(items.count == 1 ? "" : "s")", at: spec.labelsPlace ?? firstPlace)
        }
        // Each line with where its y values and its x values were written, for the logarithmic axes' messages.
        var lines: [(line: SeriesLine, place: SourceRange, x: (name: String, place: SourceRange)?)] = []
        // The axis titles the data suggests: epochs when a history is drawn and nothing has x values of its own,
        // and the metric when the lines that measure one all measure the same.
        var epochs = false, ownX = false
        var metrics: Set<String> = [], xLabels: Set<String> = []
        for (i, item) in items.enumerated() {
            let given = spec.labels?[i]
            switch item.value {
            case .history(let h):
                if let axis { throw RuntimeError(TrainingMessage.historyAgainstAxis(axis: axis.name), at: item.place) }
                let prefix = given ?? (item.isAlone ? nil : item.name)
                epochs = true
                metrics.insert(spec.metric)
                if GradientStatistics.seriesNames.contains(spec.metric) {
                    // Gradient norms are measured while training only: one line, from the training batches.
                    if let ys = h.history.gradientSeries(spec.metric), !h.history.gradients.isEmpty {
                        let name = (prefix.map { "\($0) " } ?? "") + "train \(spec.metric)"
                        lines.append((SeriesLine(name: name, y: ys, style: spec.style, group: prefix ?? item.name), item.place, nil))
                    }
                    continue
                }
                for (split, rows) in [("train", h.history.train), ("valid", h.history.valid)] where !rows.isEmpty {
                    switch MetricLookup.values(spec.metric, in: rows, kind: h.kind) {
                    case .success(let ys):
                        let name = (prefix.map { "\($0) " } ?? "") + "\(split) \(spec.metric)"
                        lines.append((SeriesLine(name: name, y: ys, style: spec.style, group: prefix ?? item.name), item.place, nil))
                    case .failure(let why): throw RuntimeError(why.message, at: item.place)
                    }
                }
            case .series(let s):
                let name = given ?? s.label ?? (item.isAlone ? s.name : nil) ?? item.name
                let x = try s.x ?? axis?.values(for: s.values, named: item.name, at: item.place) ?? Self.steps(s.values.count)
                lines.append((SeriesLine(name: name, x: x, y: s.values, style: s.style ?? spec.style), item.place,
                              s.x == nil ? axis?.source : nil))
                epochs = epochs || s.split != nil
                ownX = ownX || s.x != nil
                if let xLabel = s.xLabel { xLabels.insert(xLabel) }
                if let metric = s.metric { metrics.insert(metric) }
            case let value:
                guard let ys = Self.plotNumbers(value) else {
                    throw RuntimeError(TrainingMessage.notPlottable(type: value.type), at: item.place)
                }
                let x = try axis?.values(for: ys, named: item.name, at: item.place) ?? Self.steps(ys.count)
                lines.append((SeriesLine(name: given ?? item.name, x: x, y: ys, style: spec.style), item.place, axis?.source))
            }
        }
        guard !lines.isEmpty else {
            throw RuntimeError("there is nothing to plot: no epochs were recorded; fit the model first", at: firstPlace)
        }
        for (line, place, x) in lines {
            try Self.checkLogAxes(line, logX: spec.logX, logY: spec.logY, at: place, x: x)
        }
        let xLabel = spec.xLabel ?? axis?.name ?? (xLabels.count == 1 ? xLabels.first! : ownX ? "x" : epochs ? "epoch" : "step")
        let yLabel = spec.yLabel ?? (metrics.count == 1 ? metrics.first! : "value")
        return SeriesOutput(title: spec.title, xLabel: xLabel, yLabel: yLabel, lines: lines.map(\.line),
                            logX: spec.logX, logY: spec.logY)
    }

    /// The numbers of a list of numbers or of a series, or nil for anything else.
    private static func plotNumbers(_ value: Value) -> [Double]? {
        switch value {
        case .list(let items) where items.allSatisfy({ $0.number != nil }): return items.map { $0.number! }
        case .series(let s): return s.values
        default: return nil
        }
    }

    /// The x values 1, 2, 3, … of `count` points.
    private static func steps(_ count: Int) -> [Double] {
        (0..<count).map { Double($0 + 1) }
    }

    /// Refuses a point a logarithmic axis cannot show: zero or negative (NaN and infinities are gaps anyway). A y
    /// value is pointed out at `place`, an x value at the axis it came from (`x`), else at `place` too.
    private static func checkLogAxes(_ line: SeriesLine, logX: Bool, logY: Bool, at place: SourceRange,
                                     x axis: (name: String, place: SourceRange)?) throws {
        for (k, (x, y)) in zip(line.x, line.y).enumerated() {
            if logX && x.isFinite && x <= 0 {
                throw RuntimeError(TrainingMessage.logNonPositive(axis: "x", value: NumberText.format(x), line: axis?.name ?? line.name,
                                                                  at: "point \(k + 1)"), at: axis?.place ?? place)
            }
            if logY && y.isFinite && y <= 0 {
                throw RuntimeError(TrainingMessage.logNonPositive(axis: "y", value: NumberText.format(y), line: line.name,
                                                                  at: "x = \(NumberText.format(x))"), at: place)
            }
        }
    }
}

/// The x axis of `plot XS, YS, …`: its values and the expression that gave them.
struct PlotAxis {
    /// The x values.
    var values: [Double]
    /// The expression as written, the axis's default title.
    var name: String
    /// Where it was written.
    var place: SourceRange

    /// The axis as the source of a line's x values, for messages.
    var source: (name: String, place: SourceRange) { (name, place) }

    /// The x values for `ys`, the values of the item `item`, which must be as many.
    func values(for ys: [Double], named item: String, at place: SourceRange) throws -> [Double] {
        guard ys.count == values.count else {
            throw RuntimeError(TrainingMessage.pointCounts(xs: name, xCount: values.count, ys: item, yCount: ys.count), at: place)
        }
        return values
    }
}
