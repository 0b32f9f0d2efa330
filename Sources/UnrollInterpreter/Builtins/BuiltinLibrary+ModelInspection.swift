import UnrollDiagnostics
import UnrollLanguage

extension BuiltinLibrary {
    /// A problem when the model is known to have no token recurrent stack to look inside.
    private static func tokenStackProblem(_ facts: CallFacts) -> CallProblem? {
        guard case .model(let m)? = facts.type("model"), let kind = m.kind,
              ![ModelKind.languageModel, .classifier, .tagger].contains(kind) else { return nil }
        return CallProblem(BuiltinMessage.wrongModelKind(needs: Interpreter.tokenStackNeed, kind: kind.rawValue), at: "model")
    }

    /// Looking inside a model: its gates over a text, and its graph unfolded in time.
    static let modelInspection: [Builtin] = [
        .function(Signature(
            name: "gates", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a LanguageModel, Classifier or Tagger (a model with a token recurrent stack)"),
                .positional("text", .string, doc: "the text to run it over, every token in the model's vocabulary"),
                .labelled("layer", .int, .value(.int(1)), .positive, doc: "which layer of the stack, from 1"),
                .labelled("direction", .string, .value(.string("forward")), .oneOf(["forward", "reverse"]),
                          doc: "which direction of a bidirectional stack"),
                .labelled("units", .oneOf([.int, .list(.int)]), .value(.int(16)),
                          doc: "how many units from unit 0 (at most the hidden size), or a list of unit numbers from 0"),
            ],
            result: .list(.heatmap),
            doc: "Runs the layer's weights step by step over the text from zero states and returns one heat map per gate "
                + "(LSTM: input, forget, cell candidate, output; GRU: reset, update, new), then the cell state (LSTM) and the "
                + "hidden state: a row per unit, a column per token; `show` draws each. An LSTM variant shows the gates "
                + "it has (coupled and no_forget have no forget gate, no_output no output gate); a LeakyRNN its candidate "
                + "h̃, its state and, in one column, each unit's leak rate α; a skip RNN its state.",
            rule: { facts in CallOutcome(.list(.heatmap), problems: [tokenStackProblem(facts)].compactMap { $0 }) }
        )) { try $0.gatesBuiltin($1) },
        .function(Signature(
            name: "unrolled", family: .evaluation,
            parameters: [
                .positional("model", .anyModel, doc: "a LanguageModel, Classifier, Tagger or Regressor"),
                .labelled("steps", .int, .value(.int(4)),
                          .interval(lower: 1, lowerIncluded: true, upper: 12, upperIncluded: true), doc: "how many time steps to draw"),
            ],
            result: .graph,
            doc: "The model's computational graph unfolded in time, drawn by `show` as a figure: the inputs, one state per "
                + "layer, direction and step, the outputs, and the weights every step shares, by their state-dict names.",
            rule: { facts in CallOutcome(.graph, problems: [unrolledProblem(facts)].compactMap { $0 }) }
        )) { try $0.unrolledBuiltin($1) },
    ]

    /// A problem when the model is known to be a Seq2Seq, which `unrolled` does not draw.
    private static func unrolledProblem(_ facts: CallFacts) -> CallProblem? {
        guard case .model(let m)? = facts.type("model"), m.kind == .seq2seq else { return nil }
        return CallProblem(BuiltinMessage.wrongModelKind(needs: Interpreter.unrolledNeed, kind: "Seq2Seq"), at: "model")
    }
}
