/// The LSTM variants of Greff et al. (2017), "LSTM: A Search Space Odyssey", beside the standard cell.
///
/// Each keeps PyTorch's stacked layout (`weight_ih`, `weight_hh`, two biases) for the gates it has, in the
/// order `i, f, g, o` with the missing ones left out; the peephole cell adds three diagonal weights.
public enum LSTMVariant: String, CaseIterable, Sendable {
    /// PyTorch's LSTM: gates `i, f, g, o`, run by the fused kernel.
    case standard
    /// Peephole connections: `c_{t−1}` feeds the input and forget gates and `c_t` the output gate, each
    /// through a diagonal weight (`weight_peephole_i`, `_f`, `_o`).
    case peephole
    /// Coupled input and forget gate (CIFG): `f = 1 − i`; gates `i, g, o`.
    case coupled
    /// No forget gate (NFG, the 1997 LSTM): `f = 1`; gates `i, g, o`.
    case noForget = "no_forget"
    /// No output gate (NOG): `o = 1`, so `h = tanh(c)`; gates `i, f, g`.
    case noOutput = "no_output"

    /// One gate of the cell, named as in PyTorch's documentation.
    public enum Gate: Sendable {
        /// The input gate `i`.
        case input
        /// The forget gate `f`.
        case forget
        /// The candidate `g` (tanh, not a gate in the strict sense).
        case candidate
        /// The output gate `o`.
        case output
    }

    /// The gates whose pre-activations the stacked weights hold, in their order.
    public var gates: [Gate] {
        switch self {
        case .standard, .peephole: return [.input, .forget, .candidate, .output]
        case .coupled, .noForget: return [.input, .candidate, .output]
        case .noOutput: return [.input, .forget, .candidate]
        }
    }

    /// How many `H`-wide blocks the stacked weight matrices hold.
    public var gateCount: Int { gates.count }

    /// The weights a cell of `hidden` units has beside the stacked matrices and biases (the peepholes).
    public var diagonalWeightCount: Int { self == .peephole ? 3 : 0 }
}
