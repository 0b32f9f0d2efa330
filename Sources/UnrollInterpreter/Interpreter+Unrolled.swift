import UnrollLanguage
import UnrollNN
import UnrollRecord

extension Interpreter {
    /// What `unrolled` needs, for the wrong-model message of its rule and its code.
    static let unrolledNeed = "'unrolled' draws a LanguageModel, Classifier, Tagger or Regressor"

    /// `unrolled(model, steps:)`: the model's graph unfolded over `steps` steps, from its recurrent stack and the
    /// state-dict names of its weights.
    func unrolledBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        let outputs: UnrolledGraphOutput.Outputs
        switch model.network {
        case .language, .tagger: outputs = .everyStep
        case .classifier: outputs = .lastStep
        case .regressor(let m): outputs = m.perStep ? .everyStep : .lastStep
        case .seq2seq, .pendingSeq2Seq, .echoState:
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: Self.unrolledNeed, kind: model.kind.rawValue), at: "model")
        }
        let names = (model.parameterized?.namedParameters ?? []).map(\.name)
        func named(_ suffix: String) -> String { names.first { $0.hasSuffix(suffix) } ?? suffix }
        let spec = model.spec
        var recurrences: [UnrolledGraphOutput.Recurrence] = []
        for l in 0..<spec.layers {
            for reverse in spec.bidirectional ? [false, true] : [false] {
                let tail = "_l\(l)" + (reverse ? "_reverse" : "")
                recurrences.append(.init(layer: l + 1, reverse: reverse, inputWeight: named("weight_ih" + tail),
                                         recurrentWeight: named("weight_hh" + tail)))
            }
        }
        let steps = try arguments.int("steps")
        let cell = spec.cell?.name ?? spec.languageKind.rawValue
        return .graph(UnrolledGraphOutput(
            title: "\(model.kind.rawValue) unrolled over \(steps) steps: \(spec.summary)", cell: cell,
            state: spec.kind.hasCellState ? "h, c" : "h", steps: steps,
            inputWeight: names.contains("embedding.weight") ? "embedding.weight" : "",
            recurrences: recurrences, outputWeight: names.first { $0.hasPrefix("head") && $0.hasSuffix("weight") } ?? "head.weight",
            outputs: outputs))
    }
}
