import UnrollDiagnostics
import UnrollLanguage
import UnrollTraining

extension Interpreter {
    /// `gradient_flow(model, data, batch:)`: one Series per layer of ‖∂L/∂h_k‖ against the distance T−k.
    func gradientFlowBuiltin(_ arguments: Arguments) throws -> Value {
        let flows = GradientFlow.measure(try probe(arguments, owner: "gradient_flow"))
        return .list(flows.enumerated().map { layer, values in
            .series(SeriesValue(values: values, split: nil, metric: "‖∂L/∂h_k‖", x: values.indices.map(Double.init),
                                xLabel: "distance T−k", label: "layer \(layer + 1)"))
        })
    }

    /// `bptt_terms(model, data, batch:)`: the Frobenius norm of each step's term of ∂L/∂W_hh of the first layer
    /// (of ∂L/∂W_skip for a skip layer without one-step connections).
    func bpttTermsBuiltin(_ arguments: Arguments) throws -> Value {
        let probe = try probe(arguments, owner: "bptt_terms")
        let symbol = probe.layer.firstRecurrentWeight(layer: 0).symbol
        let norms = BPTTTerms.norms(BPTTTerms.terms(probe))
        return .series(SeriesValue(values: norms, split: nil, metric: "‖term of ∂L/∂\(symbol)‖",
                                   x: norms.indices.map { Double($0 + 1) }, xLabel: "step k", label: "\(symbol) of layer 1"))
    }

    /// `bptt_sum_error(model, data, batch:)`: how far the sum of `bptt_terms`' matrices is from ∂L/∂W_hh as training
    /// computes it on the same batch, relative to the latter's Frobenius norm.
    func bpttSumErrorBuiltin(_ arguments: Arguments) throws -> Value {
        let objective = try probing(arguments, owner: "bptt_sum_error")
        let terms = BPTTTerms.terms(objective.probe(batch: 0))
        let gradient = BPTTTerms.trainingGradient(objective, batchSize: try arguments.int("batch"))
        return .float(BPTTTerms.relativeDifference(terms: terms, gradient: gradient))
    }

    /// The first batch (in order, `batch:` rows) of the model's data, laid out to unroll its stack on the tape.
    private func probe(_ arguments: Arguments, owner: String) throws -> RecurrentProbe {
        try probing(arguments, owner: owner).probe(batch: 0)
    }

    /// The objective of the model on its data, begun in order with `batch:` rows, whose batch 0 is the probe.
    private func probing(_ arguments: Arguments, owner: String) throws -> RecurrentProbing {
        let model = try arguments.model()
        guard model.kind != .seq2seq, model.kind != .echoState else {
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: BuiltinLibrary.probeNeeds(owner), kind: model.kind.rawValue),
                                  at: "model")
        }
        guard !model.spec.bidirectional else { throw arguments.error(BuiltinMessage.needsOneDirection(owner: owner), at: "model") }
        if let cell = model.spec.cell {
            throw arguments.error(BuiltinMessage.needsBuiltInCell(owner: owner, cell: cell.name), at: "model")
        }
        let data = try arguments.value("data")
        let objective = try self.objective(for: model, on: data, at: arguments.place("data"),
                                           modelName: arguments.source("model", or: "model"), bptt: model.bptt)
        guard let probing = objective as? RecurrentProbing else {
            preconditionFailure("interpreter: the objective of a \(model.kind.rawValue) lays out no probe")
        }
        guard probing.begin(shuffle: false, batchSize: try arguments.int("batch"), rng: &rng) > 0 else {
            throw arguments.error("the data has no batch to probe", at: "data")
        }
        return probing
    }
}
