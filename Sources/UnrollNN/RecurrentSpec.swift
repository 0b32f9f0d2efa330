import UnrollTensor

/// The configuration of a recurrent stack, as a notebook declares it (`LSTM(hidden: 64, layers: 2)`).
public struct RecurrentSpec: Equatable, Sendable {
    /// The cell type.
    public var kind: RecurrentCellKind
    /// The hidden size `H`.
    public var hidden: Int
    /// The number of stacked layers.
    public var layers: Int
    /// Whether each layer also reads the sequence backwards.
    public var bidirectional: Bool
    /// Dropout between stacked layers, in training.
    public var dropout: Float
    /// The LSTM variant (`.standard` for every other cell type).
    public var variant: LSTMVariant = .standard
    /// How `W_hh` starts (`init:`).
    public var initialization: RecurrentInit
    /// The spectral radius each gate block of `W_hh` is scaled to after initialisation (`spectral_radius:`).
    public var spectralRadius: Double?
    /// Leaky units or a skip connection in time (`.adjacent`: neither).
    public var connections: TimeConnections = .adjacent
    /// A user-written cell (`cell Name(hidden) { … }`), run on the tape instead of `kind`'s fused kernel; nil for the
    /// built-in cells. With a cell, `kind` is `.rnnTanh` and unused, `variant` is `.standard`, `connections`
    /// `.adjacent`, `initialization` `.uniform` and `spectralRadius` nil: the cell's parameters carry their own
    /// initialisers.
    public var cell: CellProgramTemplate?

    /// A spec from its parts.
    public init(kind: RecurrentCellKind, hidden: Int, layers: Int = 1, bidirectional: Bool = false, dropout: Float = 0,
                variant: LSTMVariant = .standard, initialization: RecurrentInit = .uniform,
                spectralRadius: Double? = nil) {
        self.kind = kind
        self.hidden = hidden
        self.layers = layers
        self.bidirectional = bidirectional
        self.dropout = dropout
        self.variant = variant
        self.initialization = initialization
        self.spectralRadius = spectralRadius
    }

    /// A stack of user-written cells: `template` builds each (layer, direction)'s program (see `CellProgramTemplate`).
    /// Call `validateCell(inputSize:)` before `makeLayer`, which needs programs that validate.
    public init(cell template: CellProgramTemplate, hidden: Int, layers: Int = 1, bidirectional: Bool = false,
                dropout: Float = 0) {
        self.init(kind: .rnnTanh, hidden: hidden, layers: layers, bidirectional: bidirectional, dropout: dropout)
        cell = template
    }

    /// Builds and validates every program a user-written cell's layer will run over `inputSize` features (layer 0
    /// reads `inputSize`, the layers above `D·hidden`), so that `makeLayer` cannot fail; nothing for built-in cells.
    public func validateCell(inputSize: Int) throws {
        guard let cell else { return }
        let directions = bidirectional ? 2 : 1
        let first = try cell.program(inputWidth: inputSize, hidden: hidden)
        guard layers > 1 else { return }
        let upper = try cell.program(inputWidth: directions * hidden, hidden: hidden)
        guard upper.stateWidths == first.stateWidths else {
            throw CellProgramError("cell '\(cell.name)': states \(first.stateWidths) wide over \(inputSize) inputs but "
                                   + "\(upper.stateWidths) over the \(directions * hidden) of the layers above")
        }
    }

    /// Builds the layer for inputs of `inputSize` features: PyTorch's uniform draws, then `initialization` and
    /// `spectralRadius` applied to `W_hh`.
    public func makeLayer(inputSize: Int, rng: inout RandomGenerator) -> RecurrentLayer {
        let layer = RecurrentLayer(kind: kind, inputSize: inputSize, hiddenSize: hidden, layers: layers,
                                   bidirectional: bidirectional, dropout: dropout, variant: variant,
                                   connections: connections, cell: cell, rng: &rng)
        layer.initializeRecurrentWeights(initialization, spectralRadius: spectralRadius, rng: &rng)
        return layer
    }
}


