import UnrollAutograd
import UnrollTensor

/// One step of an Elman RNN, LSTM or GRU cell, built from tape ops (PyTorch's `RNNCell`, `LSTMCell`,
/// `GRUCell`). Sequence layers use the fused kernel instead; the cell serves step-by-step decoders and
/// exotic compositions, and is the independent reference the kernel is tested against.
public final class RecurrentCell: Parameterized {
    /// The cell type.
    public let kind: RecurrentCellKind
    /// `(G·H, F)`.
    public let weightIH: Variable
    /// `(G·H, H)`.
    public let weightHH: Variable
    /// `(G·H)`.
    public let biasIH: Variable
    /// `(G·H)`.
    public let biasHH: Variable

    /// A cell with fresh U(−1/√H, 1/√H) weights, drawn in PyTorch's order (w_ih, w_hh, b_ih, b_hh).
    public init(kind: RecurrentCellKind, inputSize: Int, hiddenSize: Int, rng: inout RandomGenerator) {
        let bound = 1 / Float(hiddenSize).squareRoot()
        let gh = kind.gateCount * hiddenSize
        func draw(_ shape: [Int]) -> Variable {
            Variable(.uniform(shape, low: -bound, high: bound, using: &rng), requiresGrad: true)
        }
        self.kind = kind
        weightIH = draw([gh, inputSize])
        weightHH = draw([gh, hiddenSize])
        biasIH = draw([gh])
        biasHH = draw([gh])
    }

    /// The number of input features `F`.
    public var inputSize: Int { weightIH.shape[1] }
    /// The hidden size `H`.
    public var hiddenSize: Int { weightHH.shape[1] }

    /// Advances one step: `x` `(N, F)`, `h` `(N, H)`, `c` `(N, H)` for LSTM; returns the new `h` and `c`.
    /// `recurrentWeight` stands in for `weightHH` when given (a copy with the same value, so that this step's
    /// share of `∂L/∂W_hh` collects apart from the other steps').
    public func callAsFunction(_ x: Variable, h: Variable, c: Variable? = nil,
                               recurrentWeight: Variable? = nil) -> (h: Variable, c: Variable?) {
        precondition(x.shape.count == 2 && x.shape[1] == inputSize,
                     "recurrent cell: input \(x.shape) for a cell of \(inputSize) inputs")
        precondition(h.shape == [x.shape[0], hiddenSize], "recurrent cell: h \(h.shape), expected [\(x.shape[0]), \(hiddenSize)]")
        let hs = hiddenSize
        let gi = Variable.matmul(x, weightIH, transposeB: true).addingRowVector(biasIH)
        let gh = Variable.matmul(h, recurrentWeight ?? weightHH, transposeB: true).addingRowVector(biasHH)
        switch kind {
        case .rnnTanh:
            return ((gi + gh).tanh(), nil)
        case .rnnRelu:
            return ((gi + gh).relu(), nil)
        case .lstm:
            guard let c else { preconditionFailure("recurrent cell: an LSTM step needs c") }
            precondition(c.shape == h.shape, "recurrent cell: c \(c.shape) differs from h \(h.shape)")
            let g = (gi + gh).split(sizes: [hs, hs, hs, hs], axis: 1)
            let i = g[0].sigmoid(), f = g[1].sigmoid(), cand = g[2].tanh(), o = g[3].sigmoid()
            let cNew = f * c + i * cand
            return (o * cNew.tanh(), cNew)
        case .gru:
            let a = gi.split(sizes: [hs, hs, hs], axis: 1)
            let b = gh.split(sizes: [hs, hs, hs], axis: 1)
            let r = (a[0] + b[0]).sigmoid(), z = (a[1] + b[1]).sigmoid()
            let n = (a[2] + r * b[2]).tanh()
            return (n + z * (h - n), nil)
        }
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        [("weight_ih", weightIH), ("weight_hh", weightHH), ("bias_ih", biasIH), ("bias_hh", biasHH)]
    }
}
