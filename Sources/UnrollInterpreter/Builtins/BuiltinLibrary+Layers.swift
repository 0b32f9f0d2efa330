import UnrollDiagnostics
import UnrollLanguage
import UnrollNN

extension BuiltinLibrary {
    private static func recurrentParameters(_ extra: [Parameter] = []) -> [Parameter] {
        [
            .labelled("hidden", .int, .required, .positive, doc: "hidden units per layer and direction"),
            .labelled("layers", .int, .value(.int(1)), .positive, doc: "stacked layers"),
            .labelled("bidirectional", .bool, .value(.bool(false)), doc: "also run right to left and concatenate"),
            .labelled("dropout", .float, .value(.float(0)), .probability, doc: "dropout between stacked layers"),
        ] + extra + [
            .labelled("init", .string, .value(.string("uniform")), .oneOf(RecurrentInit.names),
                      doc: "how W_hh starts: PyTorch's `uniform`, `orthogonal` (QR of a Gaussian, per gate block) or "
                        + "`identity` (W_hh = I, zero biases: the IRNN; RNN only)"),
            .labelled("spectral_radius", .float, .absent, .positive,
                      doc: "scale each gate block of W_hh to this spectral radius after `init`"),
        ]
    }

    private static func recurrentRule(_ kind: RecurrentKind,
                                      _ more: @escaping @Sendable (CallFacts) -> TimeConnectionMessage? = { _ in nil }) -> CallRule {
        { facts in
            var problems: [CallProblem] = []
            if let problem = more(facts) {
                problems.append(CallProblem(problem, at: kind == .leakyRNN ? "alpha" : "skip"))
            }
            if case .float(let p)? = facts.constant("dropout"), p > 0, facts.int("layers") == 1 {
                problems.append(CallProblem("'dropout' acts between stacked layers and has no effect with 'layers: 1'",
                                            at: "dropout", severity: .warning))
            }
            if kind == .lstm || kind == .gru, case .string(let scheme)? = facts.constant("init"),
               scheme == RecurrentInit.identity.rawValue {
                problems.append(CallProblem(BuiltinMessage.identityInitNeedsRNN(kind: kind.rawValue), at: "init"))
            }
            return CallOutcome(.recurrent(kind), problems: problems)
        }
    }

    /// Recurrent layer specifications; models build them with PyTorch's equations and weight names.
    static let layers: [Builtin] = [
        .function(Signature(
            name: "RNN", family: .layers,
            parameters: recurrentParameters([
                .labelled("nonlinearity", .string, .value(.string("tanh")), .oneOf(["tanh", "relu"]),
                          doc: "the activation of the Elman update"),
                .labelled("skip", .int, .absent,
                          doc: "also connect h from d steps back, with its own weights `weight_skip` (d ≥ 2; runs on the tape)"),
                .labelled("skip_only", .bool, .value(.bool(false)),
                          doc: "remove the one-step connection (no `weight_hh`), so only the d-step one remains"),
            ]),
            result: .recurrent(.rnn),
            doc: "The Elman RNN: h = act(W_ih x + b_ih + W_hh h + b_hh); with `skip: d` also + W_skip h_{t−d}, where "
                + "h_{t−d} before step d is the initial state.",
            rule: recurrentRule(.rnn) { facts in
                if facts.type("skip") != nil, facts.int("skip") == nil { return nil }   // known only when run
                return TimeConnectionRules.skipProblem(skip: facts.int("skip"), skipOnly: facts.constant("skip_only") == .bool(true))
            }
        )) { try $0.rnnLayer($1) },
        .function(Signature(
            name: "LeakyRNN", family: .layers,
            parameters: [
                .labelled("hidden", .int, .required, .positive, doc: "hidden units per layer and direction"),
                .labelled("alpha", .oneOf([.number, .list(.number)]),
                          doc: "leak rate α in (0, 1] of every unit, or several time scales spread over the units in "
                            + "equal groups, e.g. `[1.0, 0.1, 0.01]`"),
                .labelled("learned", .bool, .value(.bool(false)),
                          doc: "train α = sigmoid(p), one `p` per unit (`alpha_l0`), starting from the given α"),
            ] + Array(recurrentParameters().dropFirst()),
            result: .recurrent(.leakyRNN),
            doc: "Leaky units (Goodfellow et al. 10.9.2): h = (1 − α) ⊙ h_{t−1} + α ⊙ tanh(W_ih x + b_ih + W_hh h_{t−1} + "
                + "b_hh); α = 1 is the Elman RNN. Runs on the tape.",
            rule: recurrentRule(.leakyRNN) { facts in
                TimeConnectionRules.rates(of: facts.constant("alpha")).flatMap {
                    TimeConnectionRules.alphaProblem($0, learned: facts.constant("learned") == .bool(true),
                                                     hidden: facts.int("hidden"))
                }
            }
        )) { try $0.leakyRNNLayer($1) },
        .function(Signature(
            name: "LSTM", family: .layers,
            parameters: recurrentParameters([
                .labelled("variant", .string, .value(.string("standard")), .oneOf(LSTMVariant.allCases.map(\.rawValue)),
                          doc: "standard; peephole (c feeds the gates); coupled (f = 1 − i); no_forget (f = 1); "
                              + "no_output (o = 1), as in Greff et al. 2017"),
            ]),
            result: .recurrent(.lstm),
            doc: "Long short-term memory, gates in PyTorch's order i, f, g, o.", rule: recurrentRule(.lstm)
        )) { try $0.lstmLayer($1) },
        .function(Signature(
            name: "GRU", family: .layers, parameters: recurrentParameters(), result: .recurrent(.gru),
            doc: "The gated recurrent unit, gates in PyTorch's order r, z, n.", rule: recurrentRule(.gru)
        )) { try $0.gruLayer($1) },
    ]
}
