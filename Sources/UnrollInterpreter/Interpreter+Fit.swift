import UnrollDiagnostics
import UnrollLanguage
import UnrollNN
import UnrollRecord
import UnrollTraining

extension Interpreter {
    /// `fit MODEL on DATA { options }`: trains the model in place, extends its history, and records this
    /// fit's loss curves as a series output (`fit-1`).
    func fit(model modelExpr: Expr, data dataExpr: Expr, options: [Field], at location: SourceLocation) throws {
        let modelValue = try evaluate(modelExpr)
        guard case .model(let model) = modelValue else {
            throw RuntimeError(TrainingMessage.notAModel(model: "\(modelExpr)", described: modelValue.type.withArticle),
                               at: modelExpr.range)
        }
        let data = try evaluate(dataExpr)
        guard let signature = builtins.options(of: "fit") else { preconditionFailure("interpreter: no 'fit' options in the catalog") }
        let site = SourceRange(start: location, length: 3)
        let arguments = try bind(signature, options.map { (label: $0.name, value: $0.value) }, noun: "option",
                                 owner: "fit", site: site)
        if case .echoState(let network) = model.network {
            return try fitEchoState(network, model: model, data: data, dataExpr: dataExpr, arguments: arguments,
                                    modelName: modelExpr.description)
        }
        for option in TrainingMessage.echoStateOptions.sorted() where arguments.wasGiven(option) {
            throw arguments.error(TrainingMessage.echoStateOnly(option: option, model: model.kind.rawValue), at: option)
        }
        var training = TrainingOptions()
        training.epochs = try arguments.int("epochs")
        training.batchSize = try arguments.int("batch")
        training.bptt = try arguments.int("bptt")
        training.clipNorm = try arguments.optionalDouble("clip").map(Float.init)
        training.clipValue = try arguments.optionalDouble("clip_value").map(Float.init)
        training.shuffle = try arguments.bool("shuffle")
        try control(&training, arguments, for: model)

        let modelName = modelExpr.description
        let schedule = try teacherForcing(arguments, for: model)
        let objective = try self.objective(for: model, on: data, at: dataExpr.range, modelName: modelName,
                                           bptt: training.bptt, teacherForcing: schedule)
        var validation: Objective?
        if let validate = arguments["validate"] {
            try checkSameTargets(data, validate, at: arguments.place("validate"))
            validation = try self.objective(for: model, on: validate, at: arguments.place("validate"),
                                            modelName: modelName, bptt: training.bptt)
        }
        guard case .optimizer(let spec) = try arguments.value("optimizer") else {
            throw arguments.error("option 'optimizer' of 'fit' expects Optimizer", at: "optimizer")
        }
        let optimizer: Optimizer
        do {
            optimizer = try spec.make(for: model.parameters)
        } catch let error as OptimizerError {
            throw arguments.error(error.message, at: "optimizer")
        }
        adopt(data, into: model)
        model.batchSize = training.batchSize
        model.bptt = training.bptt

        settings.events?(.fitStarted(model: modelName, epochs: training.epochs))
        let observed = ObservedObjective(objective)
        var epoch = 1
        let events = settings.events
        let history = try Trainer.fit(
            observed, validation: validation, options: training, optimizer: optimizer, rng: &rng,
            checkpoint: { [unowned self] batch, batches in
                try self.checkpoint()
                events?(.batch(epoch: epoch, batch: batch, batches: batches, loss: observed.lastLoss))
            },
            progress: { report in
                events?(.epochFinished(epoch: report.epoch, epochs: report.epochs,
                                       train: Self.dictionary(report.train),
                                       valid: report.valid.map(Self.dictionary)))
                epoch = report.epoch + 1
            })
        let before = model.history.epochs
        model.history.append(history)
        let x = (0..<history.epochs).map { Double(before + $0 + 1) }
        var lines = [SeriesLine(name: "train loss", x: x, y: history.train.map(\.loss), group: modelName)]
        if !history.valid.isEmpty {
            lines.append(SeriesLine(name: "valid loss", x: x, y: history.valid.map(\.loss), group: modelName))
        }
        let name = names.next("fit")
        if try arguments.bool("plot") {
            let title = arguments.wasGiven("title") ? try arguments.string("title") : "fit \(modelName) on \(dataExpr)"
            outputs.append(.series(name, SeriesOutput(title: title, xLabel: "epoch", yLabel: "loss", lines: lines)))
        }
        if let stop = Self.stoppingSummary(history, before: before, planned: training.epochs, watched: training.stopping) {
            outputs.append(.text("\(name)-stop", stop))
        }
    }

    /// Reads the training-control options: `schedule`, and `patience`, `monitor`, `keep_best` (which need `validate`).
    private func control(_ training: inout TrainingOptions, _ arguments: Arguments, for model: ModelValue) throws {
        if arguments.wasGiven("schedule"), case .schedule(let schedule) = try arguments.value("schedule") {
            training.schedule = schedule
        }
        let keepBest = try arguments.bool("keep_best")
        let patience = arguments.wasGiven("patience") ? try arguments.int("patience") : nil
        for option in ["patience", "keep_best"] where arguments.wasGiven(option) && !arguments.wasGiven("validate") {
            throw arguments.error(TrainingMessage.needsValidation(option: option), at: option)
        }
        let monitor = try arguments.string("monitor")
        if !TrainingMessage.records(monitor, kind: model.kind) {
            throw arguments.error(TrainingMessage.monitorUnavailable(metric: monitor, model: model.kind.rawValue), at: "monitor")
        }
        if patience != nil || keepBest || arguments.wasGiven("monitor") {
            training.stopping = EarlyStopping(monitor: monitor, patience: patience, keepBest: keepBest)
        }
    }

    /// What the report says about how a fit that watched a metric ended: "stopped early at epoch 7 of 30; restored
    /// the weights of epoch 4 (valid loss 0.123)", or "trained all 10 epochs; best epoch 4 (…)"; nil when it watched
    /// nothing. `history` is this fit's alone and `before` the epochs trained before it, so epochs count as the
    /// model's history does.
    static func stoppingSummary(_ history: History, before: Int, planned: Int, watched: EarlyStopping?) -> String? {
        guard let watched, let best = history.bestEpoch else { return nil }
        var parts: [String] = []
        if let stopped = history.stoppedEpoch {
            parts.append("stopped early at epoch \(before + stopped) of \(before + planned)")
        } else {
            parts.append("trained all \(planned) epochs")
        }
        let rows = history.valid.isEmpty ? history.train : history.valid
        let value = rows.indices.contains(best - 1) ? watched.value(in: rows[best - 1]) : nil
        let split = history.valid.isEmpty ? "train" : "valid"
        let shown = value.map { " (\(split) \(watched.monitor) \(NumberText.format($0)))" } ?? ""
        if let restored = history.restoredEpoch {
            parts.append("restored the weights of epoch \(before + restored)\(shown)")
        } else {
            parts.append("best epoch \(before + best)\(shown)" + (watched.keepBest ? ", the last, whose weights are kept" : ""))
        }
        return parts.joined(separator: "; ")
    }

    /// The teacher-forcing schedule of the `teacher_forcing`, `teacher_forcing_end` and `decay` options, which only a
    /// Seq2Seq takes.
    private func teacherForcing(_ arguments: Arguments, for model: ModelValue) throws -> TeacherForcingSchedule {
        let start = try arguments.double("teacher_forcing")
        let end = try arguments.optionalDouble("teacher_forcing_end")
        guard model.kind == .seq2seq else {
            for option in ["teacher_forcing", "teacher_forcing_end"] where arguments.wasGiven(option) {
                throw arguments.error(TrainingMessage.seq2seqOnly(option: option, model: model.kind.rawValue), at: option)
            }
            return TeacherForcingSchedule(start: 1)
        }
        guard let decay = TeacherForcingSchedule.Decay(rawValue: try arguments.string("decay")) else {
            throw arguments.error("unknown decay; use linear, exponential or inverse_sigmoid", at: "decay")
        }
        return TeacherForcingSchedule(start: start, end: end, decay: decay)
    }

    /// Numeric training and validation data must agree on whether targets are per step or per sequence,
    /// since a regressor produces one or the other.
    private func checkSameTargets(_ data: Value, _ validate: Value, at place: SourceRange) throws {
        guard case .dataset(let a) = data, case .sequences(let train) = a.content,
              case .dataset(let b) = validate, case .sequences(let valid) = b.content,
              train.perStep != valid.perStep else { return }
        let what = { (perStep: Bool) in perStep ? "a target per step" : "one target per sequence" }
        throw RuntimeError("the validation data has \(what(valid.perStep)), but the training data has \(what(train.perStep))",
                           at: place)
    }

    /// Metrics by name, for progress events.
    static func dictionary(_ metrics: Metrics) -> [String: Double] {
        var out: [String: Double] = [:]
        for (name, value) in metrics.named { out[name] = value }
        return out
    }
}
