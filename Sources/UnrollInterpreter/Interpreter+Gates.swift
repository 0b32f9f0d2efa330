import UnrollLanguage
import UnrollNN
import UnrollRecord

extension Interpreter {
    /// What `gates` needs, for the wrong-model message of its rule and its code.
    static let tokenStackNeed = "'gates' needs a model with a token recurrent stack (a LanguageModel, Classifier or Tagger)"

    /// The widest heat map `gates` makes: one column per token.
    static let gateStepLimit = 512

    /// `gates(model, text, layer:, direction:, units:)`: one heat map per gate, then the cell and hidden states.
    func gatesBuiltin(_ arguments: Arguments) throws -> Value {
        let model = try arguments.model()
        let stack: TokenRecurrentStack
        switch model.network {
        case .language(let m): stack = m.stack
        case .classifier(let m): stack = m.stack
        case .tagger(let m): stack = m.stack
        case .regressor, .seq2seq, .pendingSeq2Seq, .echoState:
            throw arguments.error(BuiltinMessage.wrongModelKind(needs: Self.tokenStackNeed, kind: model.kind.rawValue), at: "model")
        }
        if let cell = model.spec.cell {
            throw arguments.error(BuiltinMessage.needsBuiltInCell(owner: "gates", cell: cell.name), at: "model")
        }
        let codec = try textCodec(of: model, arguments)
        let text = try arguments.string("text")
        let tokens = codec.tokens(text)
        guard !tokens.isEmpty else { throw arguments.error(InspectionMessage.emptyText, at: "text") }
        guard tokens.count <= Self.gateStepLimit else {
            throw arguments.error(InspectionMessage.textTooLong(tokens: tokens.count, limit: Self.gateStepLimit), at: "text")
        }
        if let (position, token) = tokens.enumerated().first(where: { !codec.vocabulary.contains($0.element) }) {
            throw arguments.error(InspectionMessage.tokenOutsideVocabulary(
                token: token, position: position + 1, vocabularySize: codec.vocabulary.count), at: "text")
        }
        let rnn = stack.rnn
        let layer = try arguments.int("layer")
        guard layer <= rnn.layerCount else {
            throw arguments.error(InspectionMessage.noSuchLayer(layer: layer, layers: rnn.layerCount), at: "layer")
        }
        let direction = try arguments.string("direction") == "reverse" ? 1 : 0
        guard direction < rnn.directionCount else {
            throw arguments.error(InspectionMessage.notBidirectional(rnn: model.spec.summary), at: "direction")
        }
        let units = try gateUnits(arguments, hidden: rnn.hiddenSize)

        let table = stack.embedding.weight.value.scalars, width = stack.embedding.dimension
        let inputs = codec.vocabulary.encode(tokens).map { Array(table[($0 * width)..<(($0 + 1) * width)]) }
        let trace = GateTrace.run(rnn, inputs: inputs)[layer - 1][direction]
        let place = rnn.layerCount == 1 && rnn.directionCount == 1
            ? "" : " (layer \(layer)\(rnn.directionCount == 2 ? direction == 0 ? ", forward" : ", reverse" : ""))"
        let columns = tokens.map(Self.tokenLabel)
        var maps = trace.tracks.map { track in
            HeatmapOutput(
                title: "\(track.name) \(track.symbol)_t\(place): \(text)", rowLabels: units.map { "unit \($0)" },
                columnLabels: columns, values: units.map { u in track.values.map { Double($0[u]) } })
        }
        if let rates = trace.rates {
            // A leak rate does not change over time: one column, one value per unit.
            maps.append(HeatmapOutput(title: "leak rate α\(place)", rowLabels: units.map { "unit \($0)" },
                                      columnLabels: ["α"], values: units.map { [Double(rates[$0])] }))
        }
        return .list(maps.map(Value.heatmap))
    }

    /// The units of the `units` argument: the first N, or the numbers listed.
    private func gateUnits(_ arguments: Arguments, hidden: Int) throws -> [Int] {
        switch try arguments.value("units") {
        case .int(let count):
            guard count >= 1 else { throw arguments.error(InspectionMessage.noUnits, at: "units") }
            return Array(0..<min(count, hidden))
        case .list(let items):
            guard !items.isEmpty else { throw arguments.error(InspectionMessage.noUnits, at: "units") }
            return try items.map { item in
                guard case .int(let unit) = item else {
                    throw arguments.error("argument 'units' of 'gates' expects int or list of int, got a list holding \(item.type)", at: "units")
                }
                guard unit >= 0 && unit < hidden else {
                    throw arguments.error(InspectionMessage.noSuchUnit(unit: unit, hidden: hidden), at: "units")
                }
                return unit
            }
        case let other:
            throw arguments.error("argument 'units' of 'gates' expects int or list of int, got \(other.type)", at: "units")
        }
    }

    /// A token as a column label: spaces and line breaks made visible.
    static func tokenLabel(_ token: String) -> String {
        switch token {
        case " ": return "␣"
        case "\n": return "↵"
        case "\t": return "⇥"
        default: return token
        }
    }
}
