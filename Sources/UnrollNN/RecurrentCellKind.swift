/// The recurrent cell types, with PyTorch's equations and gate order.
public enum RecurrentCellKind: String, CaseIterable, Sendable {
    /// Elman RNN, `h' = tanh(W_ih x + b_ih + W_hh h + b_hh)`.
    case rnnTanh = "rnn_tanh"
    /// Elman RNN with a rectifier instead of tanh.
    case rnnRelu = "rnn_relu"
    /// Long short-term memory; gates `i, f, g, o`.
    case lstm
    /// Gated recurrent unit; gates `r, z, n`, with `r` applied to `W_hn h + b_hn`.
    case gru

    /// How many `H`-wide blocks the stacked weight matrices hold.
    public var gateCount: Int {
        switch self {
        case .rnnTanh, .rnnRelu: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }

    /// Whether the cell carries a cell state `c` beside `h`.
    public var hasCellState: Bool { self == .lstm }
}
