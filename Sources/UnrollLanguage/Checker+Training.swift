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
        guard let kind = facts?.kind else { return }
        for (field, value) in zip(options, typed) {
            switch field.name.text {
            case let option where TrainingMessage.echoStateOptions.contains(option) != (kind == .echoState):
                report(kind == .echoState ? TrainingMessage.closedForm(option: option)
                                          : TrainingMessage.echoStateOnly(option: option, model: kind.rawValue),
                       at: field.name.location, length: option.count)
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

    /// `plot VALUE { options }`: something with curves, and valid options.
    func checkPlot(_ value: Expr, options: [Field], at location: SourceLocation) {
        let type = typeOf(value).type
        let plottable: Bool
        switch type {
        case .unknown, .history, .series, .list(.history), .list(.series), .list(.unknown): plottable = true
        case .list(let element): plottable = element.isNumeric
        default: plottable = false
        }
        if !plottable {
            report(TrainingMessage.notPlottable(type: type), at: value)
        }
        guard let signature = builtins.options(of: "plot") else { return }
        let typed = options.map { typeOf($0.value) }
        _ = checkArguments(signature, receiver: nil, given: options.map { (label: $0.name, value: $0.value) }, typed: typed,
                           noun: "option", owner: "plot", at: location, length: 4)
    }
}
