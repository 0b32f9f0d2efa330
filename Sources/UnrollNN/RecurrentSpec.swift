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

    /// A spec from its parts.
    public init(kind: RecurrentCellKind, hidden: Int, layers: Int = 1, bidirectional: Bool = false, dropout: Float = 0,
                variant: LSTMVariant = .standard) {
        self.kind = kind
        self.hidden = hidden
        self.layers = layers
        self.bidirectional = bidirectional
        self.dropout = dropout
        self.variant = variant
    }

    /// Builds the layer for inputs of `inputSize` features.
    public func makeLayer(inputSize: Int, rng: inout RandomGenerator) -> RecurrentLayer {
        RecurrentLayer(kind: kind, inputSize: inputSize, hiddenSize: hidden, layers: layers,
                       bidirectional: bidirectional, dropout: dropout, variant: variant, rng: &rng)
    }
}


