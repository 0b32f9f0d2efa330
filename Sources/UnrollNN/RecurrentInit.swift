/// How a recurrent layer's hidden-to-hidden weights `W_hh` start (the `init:` option of `RNN`, `LSTM`, `GRU`).
public enum RecurrentInit: String, CaseIterable, Equatable, Sendable {
    /// PyTorch's default: every weight and bias U(−1/√H, 1/√H).
    case uniform
    /// Each gate's `H×H` block of `W_hh` is the `Q` of the QR factorisation of a standard Gaussian matrix, with
    /// `R`'s diagonal made positive (PyTorch's `orthogonal_` applied to each block); the rest stays uniform.
    case orthogonal
    /// `W_hh = I` and both biases zero (the IRNN of Le et al. 2015); only for an Elman RNN, whose `W_hh` is one
    /// block. The input weights stay uniform.
    case identity

    /// The names the `init:` option accepts, in declaration order.
    public static let names = allCases.map(\.rawValue)
}
