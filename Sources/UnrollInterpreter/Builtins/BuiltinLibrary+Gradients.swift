import UnrollDiagnostics
import UnrollLanguage

extension BuiltinLibrary {
    /// The parameters both gradient measurements take: the model, its data and the probe batch's size.
    private static func probeParameters(_ what: String) -> [Parameter] {
        [
            .positional("model", .anyModel, doc: "a Regressor, Classifier, Tagger or LanguageModel with a one-direction stack"),
            .positional("data", .oneOf([.corpus, .anyDataset]),
                        doc: "data of the kind the model trains on; its first batch (in order) is the probe (for a "
                            + "language model, the first window of its latest fit's `bptt`, 35 before any fit)"),
            .labelled("batch", .int, .value(.int(32)), .positive, doc: "rows of the probe batch \(what)"),
        ]
    }

    /// The problems of a call known before the run: data of the wrong kind, or a Seq2Seq or an EchoState.
    private static func probeRule(_ owner: String, _ result: ValueType) -> CallRule {
        { facts in
            var problems = [dataProblem(facts)].compactMap { $0 }
            if case .model(let m)? = facts.type("model"), let kind = m.kind, kind == .seq2seq || kind == .echoState {
                problems.append(CallProblem(BuiltinMessage.wrongModelKind(needs: probeNeeds(owner), kind: kind.rawValue), at: "model"))
            }
            return CallOutcome(result, problems: problems)
        }
    }

    /// What a gradient measurement needs, for `wrongModelKind`.
    static func probeNeeds(_ owner: String) -> String {
        "'\(owner)' needs a model with one recurrent stack (Regressor, Classifier, Tagger or LanguageModel)"
    }

    /// Gradients measured on a probe batch: how they flow back in time, and backpropagation through time term
    /// by term.
    static let gradients: [Builtin] = [
        .function(Signature(
            name: "gradient_flow", family: .evaluation, parameters: probeParameters("(rows past it are left out)"),
            result: .list(.series),
            doc: "Per layer, ‖∂L/∂h_k‖ against the distance T−k when the loss is the model's own loss at each row's "
                + "last step only (a regressor's or classifier's loss on the final state, a language model's last "
                + "position, a tagger's last tag): the batch mean of the rows' L2 norms, rows counted from their own "
                + "end; one Series per layer, bottom first, to plot (a log y axis shows vanishing and exploding "
                + "gradients as straight lines). The stack is unrolled on the tape with its own weights; leaky units, "
                + "skip connections and LSTM variants included, a state's gradient takes every path back to it.",
            rule: probeRule("gradient_flow", .list(.series))
        )) { try $0.gradientFlowBuiltin($1) },
        .function(Signature(
            name: "bptt_terms", family: .evaluation, parameters: probeParameters("(rows past it are left out)"),
            result: .series,
            doc: "Backpropagation through time written out: the Frobenius norm of each step k's term δ_k h_{k−1}ᵀ of "
                + "∂L/∂W_hh of the first layer, for the model's training loss on the probe batch; the terms add up to "
                + "the gradient training uses (the first step reads the zero state, so its term is 0). A skip layer "
                + "without one-step connections (`skip_only`) has no W_hh: its terms are those of W_skip, δ_k h_{k−d}ᵀ.",
            rule: probeRule("bptt_terms", .series)
        )) { try $0.bpttTermsBuiltin($1) },
        .function(Signature(
            name: "bptt_sum_error", family: .evaluation, parameters: probeParameters("(rows past it are left out)"),
            result: .float,
            doc: "How far the terms of `bptt_terms` add up to the gradient training uses: ‖Σ_k δ_k h_{k−1}ᵀ − ∂L/∂W_hh‖ / "
                + "‖∂L/∂W_hh‖ (Frobenius norms), the terms summed from the last step back and ∂L/∂W_hh of the first "
                + "layer computed by the layer's own backward pass (the fused kernel) on the same probe batch; float "
                + "rounding leaves about 1e-7, a missing or wrong term makes it large.",
            rule: probeRule("bptt_sum_error", .float)
        )) { try $0.bpttSumErrorBuiltin($1) },
    ]
}
