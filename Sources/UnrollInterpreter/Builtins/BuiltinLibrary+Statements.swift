import UnrollDiagnostics
import UnrollLanguage
import UnrollRecord
import UnrollTraining

extension BuiltinLibrary {
    /// The options records of `fit` and `plot`.
    static let statements: [Builtin] = [
        .statement(Signature(
            name: "fit", family: .statements,
            parameters: [
                .labelled("epochs", .int, .value(.int(1)), .positive, doc: "passes over the training data"),
                .labelled("batch", .int, .value(.int(32)), .positive, doc: "examples (or parallel streams) per step"),
                .labelled("bptt", .int, .value(.int(35)), .positive,
                          doc: "truncated BPTT window in tokens (language models only)"),
                .labelled("optimizer", .optimizer, .call("Adam"), doc: "how weights are updated"),
                .labelled("clip", .float, .absent, .positive, doc: "rescale gradients whose global norm exceeds this"),
                .labelled("clip_value", .float, .absent, .positive, doc: "clamp each gradient to [-clip_value, clip_value]"),
                .labelled("validate", .oneOf([.corpus, .anyDataset]), .absent,
                          doc: "data to measure after each epoch, recorded in `history.valid`"),
                .labelled("schedule", .schedule, .absent,
                          doc: "how the optimizer's learning rate changes per epoch: `Step(…)`, `Cosine(…)` or `Plateau(…)`"),
                .labelled("patience", .int, .absent, .positive,
                          doc: "early stopping: stop after this many epochs in a row without a better monitored value on `validate`"),
                .labelled("monitor", .string, .value(.string("loss")), .oneOf(["loss", "accuracy", "perplexity"]),
                          doc: "the validation metric `patience`, `keep_best` and `Plateau` watch (accuracy: higher is better)"),
                .labelled("keep_best", .bool, .value(.bool(false)),
                          doc: "at the end, put back the weights of the epoch with the best monitored value on `validate`"),
                .labelled("shuffle", .bool, .value(.bool(true)),
                          doc: "shuffle examples each epoch with the notebook's seed (not the corpus stream)"),
                .labelled("teacher_forcing", .float, .value(.float(1)), .ratio,
                          doc: "Seq2Seq only: how often the decoder is fed the true previous token instead of its own guess"),
                .labelled("teacher_forcing_end", .float, .absent, .ratio,
                          doc: "Seq2Seq only: scheduled sampling; the ratio moves from `teacher_forcing` to this by the last epoch"),
                .labelled("decay", .string, .value(.string("linear")), .oneOf(["linear", "exponential", "inverse_sigmoid"]),
                          doc: "Seq2Seq only: the curve of scheduled sampling (Bengio et al., 2015)"),
                .labelled("plot", .bool, .value(.bool(true)), doc: "record this fit's loss curves as a figure of the report"),
                .labelled("title", .string, .absent, doc: "the figure's title; by default `fit MODEL on DATA`"),
                .labelled("ridge", .float, .value(.float(1e-6)), .nonNegative,
                          doc: "EchoState only: the ridge λ of the readout's least squares `‖X·w − y‖² + λ‖w‖²`"),
                .labelled("washout", .int, .value(.int(0)), .nonNegative,
                          doc: "EchoState only: steps at the start of each sequence left out of the fit (the reservoir's transient)"),
            ],
            result: .nothing,
            doc: "Options of `fit MODEL on DATA { … }`."
        )),
        .statement(Signature(
            name: "plot", family: .statements,
            parameters: [
                .labelled("title", .string, .absent, doc: "the figure's title"),
                .labelled("metric", .string, .value(.string("loss")), .oneOf(["loss", "perplexity", "accuracy"] + GradientStatistics.seriesNames),
                          doc: "which curves of a History to draw (`grad_norm`, `grad_norm_max`, `clipped`: training only)"),
                .labelled("labels", .list(.string), .absent,
                          doc: "one legend entry per plotted History, Series or list (the items of a plotted list)"),
                .labelled("style", .string, .value(.string("lines")), .oneOf(SeriesStyle.allCases.map(\.rawValue)),
                          doc: "`lines`, `points` (a scatter plot) or `both`, for every line whose Series has no `style` of its own"),
                .labelled("log", .string, .absent, .oneOf(["x", "y", "xy"]),
                          doc: "logarithmic axes, ticked at powers of ten; a zero or negative value on one is an error"),
                .labelled("xlabel", .string, .absent, doc: "the x axis title; without it `epoch`, `step` or the x values as written"),
                .labelled("ylabel", .string, .absent, doc: "the y axis title; without it the metric, or `value`"),
                .labelled("caption", .string, .absent, doc: "the caption under the numbered figure in the reports"),
            ],
            result: .nothing,
            doc: "Options of `plot VALUE { … }` and `plot XS, YS, … { … }`, which draws YS and the rest against XS."
        )),
    ]
}
