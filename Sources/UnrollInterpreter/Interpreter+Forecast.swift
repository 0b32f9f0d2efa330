import UnrollData
import UnrollNN
import UnrollRecord
import UnrollTraining

extension Interpreter {
    /// One stretch of a series run by a model: what it predicted, the truth at the same steps, every value the
    /// error is normalised by, and whether its outputs were fed back (a free run) or every step read the truth.
    struct ForecastRun {
        var predictions: [Double]
        var truth: [Double]
        var reference: [Double]
        var free: Bool
    }

    /// `forecast(model, data, warmup:, steps:, mode:)`: the truth and the forecast as two series.
    func forecastBuiltin(_ arguments: Arguments) throws -> Value {
        let run = try forecastRun(arguments)
        return .list([.series(SeriesValue(values: run.truth, split: nil, metric: nil, xLabel: "step", label: "truth")),
                      .series(SeriesValue(values: run.predictions, split: nil, metric: nil, xLabel: "step",
                                          label: run.free ? "forecast" : "one-step"))])
    }

    /// `forecast_nrmse(model, data, warmup:, steps:, mode:)`: the run's NRMSE, normalised by the variance of the whole
    /// series it was taken from (as Jaeger's NRMSE of a free run is, by the signal's variance).
    func forecastNRMSEBuiltin(_ arguments: Arguments) throws -> Value {
        let run = try forecastRun(arguments)
        guard let score = NormalizedError.nrmse(predictions: run.predictions, targets: run.truth, reference: run.reference) else {
            throw arguments.error(BuiltinMessage.constantTargets, at: "data")
        }
        return .float(score)
    }

    /// The run `forecast` and `forecast_nrmse` share, for an EchoState or a window Regressor.
    private func forecastRun(_ arguments: Arguments) throws -> ForecastRun {
        let model = try arguments.model()
        let free = try arguments.string("mode") == "free"
        switch model.network {
        case .echoState(let network):
            return try echoStateRun(fitted(network, arguments), model: model, free: free, arguments)
        case .regressor:
            return try regressorRun(model, free: free, arguments)
        default:
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: "'\(arguments.owner)' needs an EchoState or a Regressor",
                                                                kind: model.kind.rawValue), at: "model")
        }
    }

    /// Drives an EchoState with the first sequence's `warmup` inputs and runs it `steps` on its own outputs (or, one
    /// step ahead, on the true inputs); compared with that sequence's targets at the same steps (single output).
    private func echoStateRun(_ readout: EchoStateNetwork, model: ModelValue, free: Bool, _ arguments: Arguments) throws -> ForecastRun {
        guard readout.spec.inputs == readout.spec.outputs else {
            throw arguments.error(BuiltinMessage.feedbackSizes(inputs: readout.spec.inputs, outputs: readout.spec.outputs), at: "model")
        }
        guard readout.perStep else { throw arguments.error(BuiltinMessage.perStepReadout, at: "model") }
        let name = arguments.source("model", or: "model")
        let set = try sequences(try arguments.value("data"), for: model, at: arguments.place("data"), modelName: name)
        guard set.perStep else { throw arguments.error(BuiltinMessage.perStepReadout, at: "data") }
        let first = set.examples[0]
        let warmup = try arguments.int("warmup"), steps = try arguments.int("steps")
        guard warmup <= first.steps, warmup + steps - 1 <= first.steps else {
            throw arguments.error(BuiltinMessage.forecastTooLong(warmup: warmup, steps: steps, length: first.steps),
                                  at: warmup > first.steps ? "warmup" : "steps")
        }
        let o = readout.spec.outputs
        let start = (warmup - 1) * o
        let outputs: [Float]
        if free {
            outputs = try readout.forecast(warmup: first.inputs, warmupSteps: warmup, steps: steps,
                                           checkpoint: { try self.checkpoint() })
        } else {
            try checkpoint()
            outputs = Array(readout.predict(inputs: first.inputs, steps: first.steps)[start..<(start + steps * o)])
        }
        let truth = first.targets[start..<(start + steps * o)].map(Double.init)
        return ForecastRun(predictions: outputs.map(Double.init), truth: truth, reference: first.targets.map(Double.init), free: free)
    }

    /// Runs a many-to-one Regressor over the series that `data`'s consecutive windows were cut from: its first window
    /// is the `warmup` rows' last `window`; free, each prediction is appended to the window, which slides on by one
    /// row (`SequenceRegressor.forecast`); one step ahead, every window is the true one. Compared with the `steps` rows
    /// after the warm-up, and normalised by the variance of the whole series.
    private func regressorRun(_ model: ModelValue, free: Bool, _ arguments: Arguments) throws -> ForecastRun {
        guard let inputs = model.inputs, let outputs = model.outputs, inputs == outputs else {
            throw arguments.error(BuiltinMessage.feedbackSizes(inputs: model.inputs ?? 0, outputs: model.outputs ?? 0), at: "model")
        }
        let name = arguments.source("model", or: "model"), dataName = arguments.source("data", or: "data")
        let set = try sequences(try arguments.value("data"), for: model, at: arguments.place("data"), modelName: name)
        let series: WindowedSeries
        switch WindowedSeries.of(set) {
        case .success(let s): series = s
        case .failure(.perStep): throw arguments.error(BuiltinMessage.forecastNeedsWindows, at: "data")
        case .failure(.empty): throw arguments.error(BuiltinMessage.noWindows(data: dataName), at: "data")
        case .failure(.widths(let features, let outputs)):
            throw arguments.error(BuiltinMessage.feedbackSizes(inputs: features, outputs: outputs), at: "data")
        case .failure(.length(let example, let steps, let window)):
            throw arguments.error(BuiltinMessage.windowLength(data: dataName, example: example, steps: steps, window: window), at: "data")
        case .failure(.notConsecutive(let example)):
            throw arguments.error(BuiltinMessage.windowsNotConsecutive(data: dataName, example: example), at: "data")
        }
        let warmup = try arguments.int("warmup"), steps = try arguments.int("steps")
        guard warmup >= series.window else {
            throw arguments.error(BuiltinMessage.warmupShorterThanWindow(warmup: warmup, window: series.window), at: "warmup")
        }
        guard warmup <= series.rows - steps else {
            throw arguments.error(BuiltinMessage.seriesTooShort(warmup: warmup, steps: steps, rows: series.rows),
                                  at: warmup >= series.rows ? "warmup" : "steps")
        }
        let network = model.regressor(perStep: false)
        let predictions: [Float]
        if free {
            predictions = try network.forecast(window: series.rows(warmup - series.window, count: series.window), count: steps,
                                               checkpoint: { try self.checkpoint() })
        } else {
            var values: [Float] = []
            for k in 0..<steps {
                try checkpoint()
                values += Prediction.values(network, inputs: series.rows(warmup - series.window + k, count: series.window),
                                            steps: series.window)
            }
            predictions = values
        }
        return ForecastRun(predictions: predictions.map(Double.init), truth: series.rows(warmup, count: steps).map(Double.init),
                           reference: series.values.map(Double.init), free: free)
    }
}
