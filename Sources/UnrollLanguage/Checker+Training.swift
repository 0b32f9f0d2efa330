import UnrollDiagnostics

extension Checker {
    /// `fit MODEL on DATA { options }`: a model, data it can read, shapes that agree, valid options.
    func checkFit(model: Expr, data: Expr, options: [Field], at location: SourceLocation) {
        let modelType = typeOf(model).type
        let dataType = typeOf(data).type
        var facts: ModelFacts?
        switch modelType {
        case .model(let m): facts = m
        case .unknown: break
        default: report(TrainingMessage.notAModel(model: "\(model)", described: modelType.withArticle), at: model)
        }
        if let facts {
            checkData(dataType, at: data, for: model, facts)
        } else if !dataType.isAssignable(to: .oneOf([.corpus, .anyDataset])) {
            report(TrainingMessage.notData(got: dataType), at: data)
        }
        guard let signature = builtins.options(of: "fit") else { return }
        let typed = options.map { typeOf($0.value) }
        _ = checkArguments(signature, receiver: nil, given: options.map { (label: $0.name, value: $0.value) }, typed: typed,
                           noun: "option", owner: "fit", at: location, length: 3)
        let validates = options.contains { $0.name.text == "validate" }
        for field in options where ["patience", "keep_best"].contains(field.name.text) && !validates {
            report(TrainingMessage.needsValidation(option: field.name.text), at: field.name.location, length: field.name.text.count)
        }
        guard let kind = facts?.kind else { return }
        for (field, value) in zip(options, typed) {
            switch field.name.text {
            case let option where TrainingMessage.echoStateOptions.contains(option) != (kind == .echoState):
                report(kind == .echoState ? TrainingMessage.closedForm(option: option)
                                          : TrainingMessage.echoStateOnly(option: option, model: kind.rawValue),
                       at: field.name.location, length: option.count)
            case "monitor":
                if case .string(let metric)? = value.constant, !TrainingMessage.records(metric, kind: kind) {
                    report(TrainingMessage.monitorUnavailable(metric: metric, model: kind.rawValue), at: field.value)
                }
            case "validate":
                checkData(value.type, at: field.value, for: model, facts!)
            case "bptt" where kind != .languageModel:
                report(TrainingMessage.bpttUnused(model: kind.rawValue), at: field.name.location, length: field.name.text.count)
            case "teacher_forcing", "teacher_forcing_end", "decay":
                guard kind != .seq2seq else { break }
                report(TrainingMessage.seq2seqOnly(option: field.name.text, model: kind.rawValue), at: field.name.location,
                       length: field.name.text.count)
            default:
                break
            }
        }
    }

    /// Reports when `data` cannot feed the model `model`, by kind or by feature counts.
    private func checkData(_ data: ValueType, at expression: Expr, for model: Expr, _ facts: ModelFacts) {
        guard let kind = facts.kind else { return }
        if kind.accepts(data) == false {
            report(TrainingMessage.wrongData(model: kind.rawValue, trainsOn: kind.trainsOn, described: data.withArticle), at: expression)
            return
        }
        guard case .dataset(let d) = data else { return }
        if let want = facts.inputs, let have = d.inputs, want != have {
            report(TrainingMessage.inputFeatures(have: have, origin: d.origin, model: "\(model)", want: want), at: expression)
        }
        if let want = facts.outputs, let have = d.outputs, want != have {
            report(TrainingMessage.targetValues(have: have, origin: d.origin, model: "\(model)", want: want), at: expression)
        }
    }

    /// `plot VALUE { options }`: something with curves; `plot XS, YS, … { options }`: a list of numbers, then
    /// things without epochs of their own; and valid options.
    func checkPlot(_ values: [Expr], options: [Field], at location: SourceLocation) {
        var plotted = values[...]
        var axisCount: Int?
        if values.count > 1 {
            let typed = typeOf(values[0])
            let type = typed.type
            if case .list(let xs)? = typed.constant { axisCount = xs.count }
            switch type {
            case .unknown, .series, .list(.unknown): break
            case .list(let element) where element.isNumeric: break
            default: report(TrainingMessage.xAxisNotNumbers(type: type), at: values[0])
            }
            plotted = plotted.dropFirst()
        }
        for value in plotted {
            let typed = typeOf(value)
            let type = typed.type
            if let axisCount, case .list(let ys)? = typed.constant, case .list(let element) = type, element.isNumeric,
               ys.count != axisCount {
                report(TrainingMessage.pointCounts(xs: values[0].description, xCount: axisCount, ys: value.description,
                                                   yCount: ys.count), at: value)
            }
            if values.count > 1, type == .history || type == .list(.history) {
                report(TrainingMessage.historyAgainstAxis(axis: values[0].description), at: value)
            } else if !Self.isPlottable(type) {
                report(TrainingMessage.notPlottable(type: type), at: value)
            }
        }
        guard let signature = builtins.options(of: "plot") else { return }
        let typed = options.map { typeOf($0.value) }
        _ = checkArguments(signature, receiver: nil, given: options.map { (label: $0.name, value: $0.value) }, typed: typed,
                           noun: "option", owner: "plot", at: location, length: 4)
    }

    /// Whether `plot` draws a value of `type`: a History, a Series, a list of numbers, or a list of those.
    private static func isPlottable(_ type: ValueType, inList: Bool = false) -> Bool {
        switch type {
        case .unknown, .history, .series: return true
        case .list(let element): return element.isNumeric || (!inList && isPlottable(element, inList: true))
        default: return false
        }
    }
}
