import UnrollTensor

/// How a recurrent layer's state reaches across time: PyTorch's one-step connection, leaky units, or a skip
/// connection from `d` steps back (Goodfellow et al., section 10.9).
public enum TimeConnections: Equatable, Sendable {
    /// The ordinary layer: `h_t` depends on `h_{t−1}` only, through the fused kernels.
    case adjacent
    /// Leaky units: `h_t = (1 − α) ⊙ h_{t−1} + α ⊙ tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)`, α per unit.
    case leaky(LeakRates)
    /// A connection from `h_{t−d}` with its own weights, beside or instead of the one from `h_{t−1}`.
    case skip(SkipConnection)

    /// The weights one layer and direction holds beyond an Elman cell's `H·(F + H) + 2·H`: `H` learned leak
    /// parameters, or the skip weights `H·H` (none more when they replace `W_hh`); nil when it overflows.
    public func extraWeights(hidden: Int) -> Int? {
        switch self {
        case .adjacent: return 0
        case .leaky(let rates): return rates.learned ? hidden : 0
        case .skip(let skip): return skip.keepsOneStep ? CheckedSize.product([hidden, hidden]) : 0
        }
    }
}

extension TimeConnections {
    /// The tape-run layer of one direction for these connections (`kind` chooses the skip layer's activation).
    func makeCell(kind: RecurrentCellKind, inputSize: Int, hiddenSize: Int, rng: inout RandomGenerator) -> any TimeRecurrence {
        switch self {
        case .adjacent:
            preconditionFailure("time connections: the ordinary layer runs through the fused kernels")
        case .leaky(let rates):
            return LeakyRNN(inputSize: inputSize, hiddenSize: hiddenSize, rates: rates, rng: &rng)
        case .skip(let skip):
            return SkipRNN(inputSize: inputSize, hiddenSize: hiddenSize, connection: skip, usesTanh: kind != .rnnRelu, rng: &rng)
        }
    }
}
