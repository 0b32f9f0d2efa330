import UnrollTensor

/// How many weights a model will have, worked out from its sizes before anything is allocated, so that a
/// notebook asking for a model this machine cannot hold gets a message instead of an abort. Every count is
/// nil when it does not fit in an `Int`.
public enum WeightCount {
    /// The weights of a recurrent stack over `inputSize` features: per layer and direction `G·H·(in + H)`
    /// weights and `2·G·H` biases, where `in` is the input width (`D·H` above the first layer); an LSTM variant
    /// has its own `G` and the peephole cell `3·H` diagonal weights more; plus what leaky units or a skip
    /// connection add (`TimeConnections.extraWeights`; no `W_hh` when it replaces it).
    /// A user-written cell counts its programs' parameters, layer by layer (nil also when a program does not build).
    public static func recurrent(_ spec: RecurrentSpec, inputSize: Int) -> Int? {
        let directions = spec.bidirectional ? 2 : 1
        if let cell = spec.cell { return userCell(cell, spec: spec, inputSize: inputSize, directions: directions) }
        let gates = spec.variant == .standard ? spec.kind.gateCount : spec.variant.gateCount
        return stack(layers: spec.layers, gates: gates, hidden: spec.hidden, directions: directions,
                     firstInput: inputSize, upperInput: product([directions, spec.hidden]),
                     extra: sum([spec.connections.extraWeights(hidden: spec.hidden),
                                 product([spec.variant.diagonalWeightCount, spec.hidden])]))
    }

    /// `directions` copies of a user-written cell's parameters over `inputSize` features, plus the layers above.
    private static func userCell(_ cell: CellProgramTemplate, spec: RecurrentSpec, inputSize: Int, directions: Int) -> Int? {
        func count(_ input: Int) -> Int? {
            guard let program = try? cell.program(inputWidth: input, hidden: spec.hidden) else { return nil }
            return sum(program.parameters.map { product($0.shape) })
        }
        guard spec.layers >= 1 else { return 0 }
        let upper = spec.layers > 1 ? product([directions, spec.hidden]).flatMap(count) : 0
        return sum([product([directions, count(inputSize)]), product([spec.layers - 1, directions, upper])])
    }

    /// `layers` layers of `directions` cells of `G·H·(in + H) + 2·G·H` weights each, the first reading
    /// `firstInput` features and the others `upperInput`, each with `extra` more (a variant's diagonals, leaky or
    /// skip weights); worked out without a loop over the layers.
    private static func stack(layers: Int, gates g: Int, hidden h: Int, directions: Int, firstInput: Int?,
                              upperInput: Int?, extra: Int? = 0) -> Int? {
        guard layers >= 1 else { return 0 }
        func cell(_ input: Int?) -> Int? { sum([product([g, h, sum([input, h])]), product([2, g, h]), extra]) }
        return sum([product([directions, cell(firstInput)]), product([layers - 1, directions, cell(upperInput)])])
    }

    /// A token model: an embedding `V × E`, the recurrent stack over `E`, and a projection `D·H → C` with bias.
    public static func tokenModel(vocabulary: Int, embed: Int, rnn spec: RecurrentSpec, outputs: Int) -> Int? {
        sum([product([vocabulary, embed]), recurrent(spec, inputSize: embed), head(spec, outputs: outputs)])
    }

    /// A regressor: the recurrent stack over `inputs` features and a projection `D·H → outputs` with bias.
    public static func regressor(inputs: Int, outputs: Int, rnn spec: RecurrentSpec) -> Int? {
        sum([recurrent(spec, inputSize: inputs), head(spec, outputs: outputs)])
    }

    /// An echo state network of `reservoir` units: the dense `N × N` copy of the reservoir its spectral radius is
    /// computed from (Doubles, counted as weights so that the 16 bytes a weight of the memory check cover it), the
    /// input weights `N·(1 + inputs)` and the readout `outputs·(1 + inputs + N)`.
    public static func echoState(reservoir: Int, inputs: Int, outputs: Int) -> Int? {
        sum([product([reservoir, reservoir]), product([reservoir, sum([1, inputs])]),
             product([outputs, sum([1, inputs, reservoir])])])
    }

    /// A `Seq2Seq`: both embeddings `V × E`, the encoder over `E`, the bridge `Linear(D, Hd)`, the decoder cells
    /// (layer 0 reads `E + D`), the attention's projections (none for `dot` and `none`) and the output
    /// `Linear(Hd + D, Vt)`, where `D` is the encoder's width (both directions).
    public static func seq2seq(_ spec: Seq2SeqSpec) -> Int? {
        let e = spec.embed, hd = spec.decoder.hidden, g = spec.decoder.kind.gateCount
        guard let d = product([spec.encoder.bidirectional ? 2 : 1, spec.encoder.hidden]) else { return nil }
        let decoder = stack(layers: spec.decoder.layers, gates: g, hidden: hd, directions: 1, firstInput: sum([e, d]),
                            upperInput: hd)
        let attention: Int?
        switch spec.attention {
        case .none, .dot: attention = 0
        case .general: attention = product([d, hd])
        case .additive: attention = sum([product([hd, hd]), product([d, hd]), hd])
        }
        return sum([product([spec.sourceVocabulary, e]), product([spec.targetVocabulary, e]),
                    recurrent(spec.encoder, inputSize: e), sum([product([d, hd]), hd]), decoder, attention,
                    sum([product([sum([hd, d]), spec.targetVocabulary]), spec.targetVocabulary])])
    }

    /// The projection from the stack's output to `outputs` values, with its bias.
    private static func head(_ spec: RecurrentSpec, outputs: Int) -> Int? {
        sum([product([spec.bidirectional ? 2 : 1, spec.hidden, outputs]), outputs])
    }

    private static func product(_ factors: [Int?]) -> Int? { CheckedSize.product(factors) }
    private static func sum(_ terms: [Int?]) -> Int? { CheckedSize.sum(terms) }
}
