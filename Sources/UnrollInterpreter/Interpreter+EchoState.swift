import UnrollData
import UnrollDiagnostics
import UnrollLanguage
import UnrollNN
import UnrollRecord
import UnrollTraining

extension Interpreter {
    /// `EchoState(inputs:, outputs:, reservoir:, spectral_radius:, leak:, input_scale:, density:)`: sized before
    /// anything is drawn, then the reservoir and input weights from the notebook's generator.
    func echoState(_ arguments: Arguments) throws -> Value {
        let spec = EchoStateSpec(
            inputs: try arguments.int("inputs"), outputs: try arguments.int("outputs"), reservoir: try arguments.int("reservoir"),
            spectralRadius: try arguments.double("spectral_radius"), leak: try arguments.double("leak"),
            inputScale: try arguments.double("input_scale"), density: try arguments.double("density"))
        try checkFits(WeightCount.echoState(reservoir: spec.reservoir, inputs: spec.inputs, outputs: spec.outputs), arguments)
        let network = try echoStateErrors(at: arguments.site) {
            try EchoStateNetwork(spec, rng: &rng, checkpoint: { try self.checkpoint() })
        }
        // The recurrent spec only describes the reservoir (a tanh layer of its size); nothing is built from it.
        return .model(ModelValue(.echoState(network), spec: RecurrentSpec(kind: .rnnTanh, hidden: spec.reservoir),
                                 embed: nil, codec: nil))
    }

    /// `fit ESN on DATA { ridge:, washout: }`: solves the readout, adds one entry (the training MSE) to the history
    /// and records the training NRMSE as a scalar output (`fit-1`).
    func fitEchoState(_ network: EchoStateNetwork, model: ModelValue, data: Value, dataExpr: Expr, arguments: Arguments,
                      modelName: String) throws {
        if let option = arguments.places.keys.sorted().first(where: { !TrainingMessage.echoStateOptions.contains($0) }) {
            throw arguments.error(TrainingMessage.closedForm(option: option), at: option)
        }
        let set = try sequences(data, for: model, at: dataExpr.range, modelName: modelName)
        let washout = try arguments.int("washout"), ridge = try arguments.double("ridge")
        try checkWashout(washout, in: set, arguments)
        try checkpoint()
        let clock = EpochClock()
        try echoStateErrors(at: arguments.site) {
            try network.fit(set.examples.map { (inputs: $0.inputs, steps: $0.steps, targets: $0.targets) },
                            perStep: set.perStep, ridge: ridge, washout: washout, checkpoint: { try self.checkpoint() })
        }
        let (predictions, targets) = try echoStatePredictions(network, on: set, washout: network.washout)
        var mse = 0.0
        for (p, y) in zip(predictions, targets) { mse += (p - y) * (p - y) }
        var history = History()
        history.train = [Metrics(loss: mse / Double(max(1, targets.count)))]
        history.seconds = [clock.elapsed]
        model.history.append(history)
        if let score = NormalizedError.nrmse(predictions: predictions, targets: targets) {
            outputs.append(.scalar(names.next("fit"), score, label: "fit \(modelName) on \(dataExpr): training NRMSE"))
        }
    }

    /// `nrmse(model, data, washout:)`: the normalised root-mean-square error of an EchoState or a Regressor.
    func nrmseBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        let name = arguments.source("model", or: "model")
        let set = try sequences(try arguments.value("data"), for: model, at: arguments.place("data"), modelName: name)
        let predictions: [Double], targets: [Double]
        switch model.network {
        case .echoState(let network):
            let readout = try fitted(network, arguments)
            let washout = (arguments["washout"] == nil ? nil : try arguments.int("washout")) ?? readout.washout
            try checkWashout(washout, in: set, arguments)
            (predictions, targets) = try echoStatePredictions(readout, on: set, washout: washout)
        case .regressor:
            let network = model.regressor(perStep: set.perStep)
            let washout = (arguments["washout"] == nil ? nil : try arguments.int("washout")) ?? 0
            try checkWashout(washout, in: set, arguments)
            var p: [Double] = [], y: [Double] = []
            for example in set.examples {
                try checkpoint()
                let values = Prediction.values(network, inputs: example.inputs, steps: example.steps)
                let skipped = set.perStep ? washout * set.outputCount : 0
                p += values[skipped...].map(Double.init)
                y += example.targets[skipped...].map(Double.init)
            }
            (predictions, targets) = (p, y)
        default:
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: "nrmse needs a Regressor or an EchoState", kind: model.kind.rawValue),
                                  at: "model")
        }
        guard let score = NormalizedError.nrmse(predictions: predictions, targets: targets) else {
            throw arguments.error(BuiltinMessage.constantTargets, at: "data")
        }
        return .float(score)
    }

    /// The EchoState's predictions and targets over `set`, leaving out the first `washout` steps of each sequence.
    func echoStatePredictions(_ network: EchoStateNetwork, on set: RegressionDataset,
                              washout: Int) throws -> (predictions: [Double], targets: [Double]) {
        var predictions: [Double] = [], targets: [Double] = []
        let skipped = set.perStep ? washout * set.outputCount : 0
        for example in set.examples {
            try checkpoint()
            let values = network.predict(inputs: example.inputs, steps: example.steps)
            predictions += values[skipped...].map(Double.init)
            targets += example.targets[skipped...].map(Double.init)
        }
        return (predictions, targets)
    }

    /// The numeric sequences of `data`, checked against the model's input and output sizes.
    func sequences(_ data: Value, for model: ModelValue, at place: SourceRange, modelName: String) throws -> RegressionDataset {
        guard case .dataset(let d) = data, case .sequences(let set) = d.content else {
            throw RuntimeError(TrainingMessage.wrongData(model: model.kind.rawValue, trainsOn: model.kind.trainsOn,
                                                         described: data.type.withArticle), at: place)
        }
        if let want = model.inputs, set.featureCount != want {
            throw RuntimeError(TrainingMessage.inputFeatures(have: set.featureCount, origin: d.origin, model: modelName, want: want),
                               at: place)
        }
        if let want = model.outputs, set.outputCount != want {
            throw RuntimeError(TrainingMessage.targetValues(have: set.outputCount, origin: d.origin, model: modelName, want: want),
                               at: place)
        }
        return set
    }

    /// The network, when its readout has been fitted.
    func fitted(_ network: EchoStateNetwork, _ arguments: Arguments) throws -> EchoStateNetwork {
        guard network.readout != nil else {
            throw arguments.error(BuiltinMessage.notFitted(model: arguments.source("model", or: "model")), at: "model")
        }
        return network
    }

    /// Refuses a washout that would leave nothing of the shortest per-step sequence, pointing at argument `name`.
    func checkWashout(_ washout: Int, in set: RegressionDataset, _ arguments: Arguments, at name: String = "washout") throws {
        if set.perStep, let shortest = set.examples.map(\.steps).min(), washout >= shortest {
            throw arguments.error(TrainingMessage.washoutTooLong(washout: washout, steps: shortest), at: name)
        }
    }

    /// Runs `body`, turning an `EchoStateError` into a located runtime error.
    private func echoStateErrors<T>(at site: SourceRange, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as EchoStateError {
            throw RuntimeError(error.message, at: site)
        }
    }
}
