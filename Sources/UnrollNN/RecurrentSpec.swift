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
    /// How `W_hh` starts (`init:`).
    public var initialization: RecurrentInit
    /// The spectral radius each gate block of `W_hh` is scaled to after initialisation (`spectral_radius:`).
    public var spectralRadius: Double?

    /// A spec from its parts.
    public init(kind: RecurrentCellKind, hidden: Int, layers: Int = 1, bidirectional: Bool = false, dropout: Float = 0,
                initialization: RecurrentInit = .uniform, spectralRadius: Double? = nil) {
        self.kind = kind
        self.hidden = hidden
        self.layers = layers
        self.bidirectional = bidirectional
        self.dropout = dropout
        self.initialization = initialization
        self.spectralRadius = spectralRadius
    }

    /// Builds the layer for inputs of `inputSize` features: PyTorch's uniform draws, then `initialization` and
    /// `spectralRadius` applied to `W_hh`.
    public func makeLayer(inputSize: Int, rng: inout RandomGenerator) -> RecurrentLayer {
        let layer = RecurrentLayer(kind: kind, inputSize: inputSize, hiddenSize: hidden, layers: layers,
                                   bidirectional: bidirectional, dropout: dropout, rng: &rng)
        layer.initializeRecurrentWeights(initialization, spectralRadius: spectralRadius, rng: &rng)
        return layer
    }
}


