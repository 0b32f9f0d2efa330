import UnrollDiagnostics
import UnrollLanguage
import UnrollNN

extension BuiltinLibrary {
    private static let vocabType = ValueType.oneOf([.int, .vocabulary])
    private static let anyRecurrent = ValueType.recurrent(nil)

    /// Trainable models: an embedding or input layer, a recurrent stack and an output layer.
    static let models: [Builtin] = [
        .function(Signature(
            name: "LanguageModel", family: .models,
            parameters: [
                .labelled("vocab", vocabType, doc: "the vocabulary (`corpus.vocab`), or its number of symbols"),
                .labelled("embed", .int, .value(.int(32)), .positive, doc: "embedding width"),
                .labelled("rnn", anyRecurrent, doc: "the recurrent stack, e.g. `LSTM(hidden: 128)`"),
                .labelled("dropout", .float, .value(.float(0)), .probability, doc: "dropout on embeddings and outputs"),
            ],
            result: .model(.languageModel),
            doc: "Predicts the next token at every step; trains on a Corpus with truncated BPTT."
        )) { try $0.languageModel($1) },
        .function(Signature(
            name: "Classifier", family: .models,
            parameters: [
                .labelled("vocab", vocabType, doc: "the vocabulary (`data.vocab`), or its number of symbols"),
                .labelled("classes", .int, .required, .positive, doc: "number of labels (`data.classes`)"),
                .labelled("embed", .int, .value(.int(32)), .positive, doc: "embedding width"),
                .labelled("rnn", anyRecurrent, doc: "the recurrent stack"),
                .labelled("dropout", .float, .value(.float(0)), .probability, doc: "dropout on embeddings and before the output layer"),
                .labelled("readout", .string, .value(.string("last")), .oneOf(ClassifierReadout.allCases.map(\.rawValue)),
                          doc: "what the output layer reads: `last` (the final hidden state), `mean` or `max` (of the last layer's outputs over each text's own length)"),
            ],
            result: .model(.classifier),
            doc: "Reads a whole text and gives one label, from the final hidden state (both directions when bidirectional) or the mean or maximum of the outputs.",
            rule: { facts in
                if let classes = facts.int("classes"), classes == 1 {
                    return CallOutcome(.model(.classifier), problems: [CallProblem(BuiltinMessage.tooFewClasses(got: 1), at: "classes")])
                }
                return CallOutcome(.model(.classifier))
            }
        )) { try $0.classifier($1) },
        .function(Signature(
            name: "Tagger", family: .models,
            parameters: [
                .labelled("vocab", vocabType, doc: "the vocabulary (`data.vocab`), or its number of symbols"),
                .labelled("tags", .int, .required, .positive, doc: "number of distinct tags (`data.tags`)"),
                .labelled("embed", .int, .value(.int(32)), .positive, doc: "embedding width"),
                .labelled("rnn", anyRecurrent, doc: "the recurrent stack; bidirectional sees the whole sentence"),
                .labelled("dropout", .float, .value(.float(0)), .probability, doc: "dropout on embeddings and before the output layer"),
            ],
            result: .model(.tagger),
            doc: "Gives one tag per token (sequence labelling)."
        )) { try $0.tagger($1) },
        .function(Signature(
            name: "Regressor", family: .models,
            parameters: [
                .labelled("inputs", .int, .required, .positive, doc: "input features per step"),
                .labelled("outputs", .int, .value(.int(1)), .positive, doc: "numbers predicted per sequence"),
                .labelled("rnn", anyRecurrent, doc: "the recurrent stack"),
            ],
            result: .model(.regressor),
            doc: "Maps a numeric sequence to numbers from its final hidden state; trains with mean squared error.",
            rule: { facts in
                CallOutcome(.model(ModelFacts(kind: .regressor, inputs: facts.int("inputs"), outputs: facts.int("outputs"))))
            }
        )) { try $0.regressor($1) },
        .function(Signature(
            name: "Seq2Seq", family: .models,
            parameters: [
                .labelled("source", .int, .absent, .positive,
                          doc: "number of source symbols (reserved ids come on top); by default taken from the data of the first fit"),
                .labelled("target", .int, .absent, .positive,
                          doc: "number of target symbols (reserved ids come on top); by default taken from the data of the first fit"),
                .labelled("embed", .int, .value(.int(32)), .positive, doc: "embedding width of both sides"),
                .labelled("encoder", anyRecurrent, doc: "the encoder's recurrent stack, e.g. `GRU(hidden: 64, bidirectional: true)`"),
                .labelled("decoder", anyRecurrent, .absent,
                          doc: "the decoder's stack (one direction); by default the encoder's kind and layers, as wide as the encoder's output"),
                .labelled("attention", .string, .value(.string("additive")), .oneOf(AttentionNames.all),
                          doc: "`additive` (Bahdanau), `dot` or `general` (Luong), or `none` (one fixed context vector)"),
                .labelled("dropout", .float, .value(.float(0)), .probability, doc: "dropout on embeddings and before the output layer"),
            ],
            result: .model(.seq2seq),
            doc: "An encoder–decoder: reads a source sequence, writes a target sequence token by token, attending to the source.",
            rule: { facts in
                var problems: [CallProblem] = []
                if facts.type("source") != nil, facts.type("target") == nil {
                    problems.append(CallProblem("give 'target' with 'source', or neither to take both from the data", at: "source"))
                } else if facts.type("target") != nil, facts.type("source") == nil {
                    problems.append(CallProblem("give 'source' with 'target', or neither to take both from the data", at: "target"))
                }
                return CallOutcome(.model(.seq2seq), problems: problems)
            }
        )) { try $0.seq2seqModel($1) },
        .function(Signature(
            name: "EchoState", family: .models,
            parameters: [
                .labelled("inputs", .int, .value(.int(1)), .positive, doc: "input features per step"),
                .labelled("outputs", .int, .value(.int(1)), .positive, doc: "numbers the readout gives per step (or sequence)"),
                .labelled("reservoir", .int, .value(.int(100)), .positive, doc: "units in the fixed random reservoir"),
                .labelled("spectral_radius", .float, .value(.float(0.9)), .positive,
                          doc: "the reservoir matrix is scaled to this largest eigenvalue modulus (below 1 for the echo state property)"),
                .labelled("leak", .float, .value(.float(1)), .interval(lower: 0, lowerIncluded: false, upper: 1, upperIncluded: true),
                          doc: "leak rate a of x(t) = (1 − a)·x(t−1) + a·tanh(…); 1 is no leak"),
                .labelled("input_scale", .float, .value(.float(1)), .positive,
                          doc: "input weights and biases are drawn from U(−input_scale, input_scale)"),
                .labelled("density", .float, .value(.float(0.1)), .interval(lower: 0, lowerIncluded: false, upper: 1, upperIncluded: true),
                          doc: "the probability that a reservoir connection exists"),
            ],
            result: .model(.echoState),
            doc: "An echo state network (Jaeger 2001): a fixed sparse random reservoir, seeded, and a linear readout that `fit` solves in closed form by ridge regression.",
            rule: { facts in
                CallOutcome(.model(ModelFacts(kind: .echoState, inputs: facts.int("inputs"), outputs: facts.int("outputs"))))
            }
        )) { try $0.echoState($1) },
    ]
}

/// The attention mechanisms a `Seq2Seq` accepts, as written in notebooks.
enum AttentionNames {
    /// Every name, in the order the reference lists them.
    static let all = ["additive", "dot", "general", "none"]
}
