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
        var lines = [SeriesLine(name: "train loss", x: x, y: history.train.map(\.loss))]
        if !history.valid.isEmpty { lines.append(SeriesLine(name: "valid loss", x: x, y: history.valid.map(\.loss))) }
        let title = "fit \(modelName) on \(dataExpr)"
        outputs.append(.series(names.next("fit"), SeriesOutput(title: title, xLabel: "epoch", yLabel: "loss", lines: lines)))
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
