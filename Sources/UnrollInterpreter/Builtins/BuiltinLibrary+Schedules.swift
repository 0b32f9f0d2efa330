import UnrollDiagnostics
import UnrollLanguage
import UnrollTraining

extension BuiltinLibrary {
    /// Learning-rate schedules for the `schedule` option of `fit`.
    static let schedules: [Builtin] = [
        .function(Signature(
            name: "Step", family: .optimizers,
            parameters: [
                .labelled("every", .int, .required, .positive, doc: "epochs between two reductions"),
                .labelled("factor", .float, .value(.float(0.1)), .ratio, doc: "what the rate is multiplied by each time"),
            ],
            result: .schedule,
            doc: "The rate times `factor` every `every` epochs: lr · factor^⌊(epoch − 1) / every⌋ (PyTorch's `StepLR`)."
        )) { _, arguments in
            .schedule(LearningRateSchedule(.step(every: try arguments.int("every"), factor: try arguments.double("factor"))))
        },
        .function(Signature(
            name: "Cosine", family: .optimizers,
            parameters: [
                .labelled("min_lr", .float, .value(.float(0)), .nonNegative, doc: "the rate at the end of the period"),
                .labelled("period", .int, .absent, .positive, doc: "epochs from the full rate to `min_lr`; by default the fit's epochs"),
            ],
            result: .schedule,
            doc: "Cosine annealing from the optimizer's rate to `min_lr`: min_lr + (lr − min_lr) · (1 + cos(π · (epoch − 1) / period)) / 2 (PyTorch's `CosineAnnealingLR`)."
        )) { _, arguments in
            let period = arguments.wasGiven("period") ? try arguments.int("period") : nil
            return .schedule(LearningRateSchedule(.cosine(minimum: try arguments.double("min_lr"), period: period)))
        },
        .function(Signature(
            name: "Plateau", family: .optimizers,
            parameters: [
                .labelled("patience", .int, .value(.int(2)), .nonNegative,
                          doc: "epochs without a better monitored value (relative 1e-4) before the rate is cut"),
                .labelled("factor", .float, .value(.float(0.1)), .fraction, doc: "what the rate is multiplied by at a plateau"),
                .labelled("min_lr", .float, .value(.float(0)), .nonNegative, doc: "the rate is never cut below this"),
            ],
            result: .schedule,
            doc: "Cuts the rate when the monitored metric (`monitor:` of `fit`, on `validate:` data when given) stops improving (PyTorch's `ReduceLROnPlateau`)."
        )) { _, arguments in
            .schedule(LearningRateSchedule(.plateau(patience: try arguments.int("patience"), factor: try arguments.double("factor"),
                                                    minimum: try arguments.double("min_lr"))))
        },
    ]
}
