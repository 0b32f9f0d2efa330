import UnrollDiagnostics
import UnrollLanguage

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
                .labelled("shuffle", .bool, .value(.bool(true)),
                          doc: "shuffle examples each epoch with the notebook's seed (not the corpus stream)"),
                .labelled("teacher_forcing", .float, .value(.float(1)), .ratio,
                          doc: "Seq2Seq only: how often the decoder is fed the true previous token instead of its own guess"),
                .labelled("teacher_forcing_end", .float, .absent, .ratio,
                          doc: "Seq2Seq only: scheduled sampling; the ratio moves from `teacher_forcing` to this by the last epoch"),
                .labelled("decay", .string, .value(.string("linear")), .oneOf(["linear", "exponential", "inverse_sigmoid"]),
                          doc: "Seq2Seq only: the curve of scheduled sampling (Bengio et al., 2015)"),
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
                .labelled("metric", .string, .value(.string("loss")), .oneOf(["loss", "perplexity", "accuracy"]),
                          doc: "which curves of a History to draw"),
                .labelled("labels", .list(.string), .absent, doc: "one legend entry per plotted History or Series"),
            ],
            result: .nothing,
            doc: "Options of `plot VALUE { … }`."
        )),
    ]
}
