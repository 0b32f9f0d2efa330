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

    private static func recurrentRule(_ kind: RecurrentKind) -> CallRule {
        { facts in
            var problems: [CallProblem] = []
            if case .float(let p)? = facts.constant("dropout"), p > 0, facts.int("layers") == 1 {
                problems.append(CallProblem("'dropout' acts between stacked layers and has no effect with 'layers: 1'",
                                            at: "dropout", severity: .warning))
            }
            if kind != .rnn, case .string(let scheme)? = facts.constant("init"), scheme == RecurrentInit.identity.rawValue {
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
            ]),
            result: .recurrent(.rnn),
            doc: "The Elman RNN: h = act(W_ih x + b_ih + W_hh h + b_hh).",
            rule: recurrentRule(.rnn)
        )) { try $0.rnnLayer($1) },
        .function(Signature(
            name: "LSTM", family: .layers, parameters: recurrentParameters(), result: .recurrent(.lstm),
            doc: "Long short-term memory, gates in PyTorch's order i, f, g, o.", rule: recurrentRule(.lstm)
        )) { try $0.lstmLayer($1) },
        .function(Signature(
            name: "GRU", family: .layers, parameters: recurrentParameters(), result: .recurrent(.gru),
            doc: "The gated recurrent unit, gates in PyTorch's order r, z, n.", rule: recurrentRule(.gru)
        )) { try $0.gruLayer($1) },
    ]
}
