import UnrollAutograd
import UnrollTensor

/// One layer and direction of an LSTM variant (`LSTMVariant`), built from tape ops and unrolled over time.
///
/// Step equations (Greff et al. 2017, with PyTorch's two biases; `a_k = W_ik x + b_ik + W_hk h + b_hk`):
/// `i = σ(a_i + p_i ⊙ c_{t−1})`, `f = σ(a_f + p_f ⊙ c_{t−1})` (coupled: `1 − i`; no forget gate: 1),
/// `g = tanh(a_g)`, `c_t = f ⊙ c_{t−1} + i ⊙ g`, `o = σ(a_o + p_o ⊙ c_t)` (no output gate: 1),
/// `h_t = o ⊙ tanh(c_t)`; the peepholes `p` exist in the peephole variant only.
public final class VariantLSTMCell: Parameterized {
    /// The variant.
    public let variant: LSTMVariant
    /// `(G·H, F)`, the gates of `variant.gates` stacked.
    public let weightIH: Variable
    /// `(G·H, H)`.
    public let weightHH: Variable
    /// `(G·H)`.
    public let biasIH: Variable
    /// `(G·H)`.
    public let biasHH: Variable
    /// The diagonal peephole weights `(H)` into the input, forget and output gates (peephole variant only).
    public let peepholes: (input: Variable, forget: Variable, output: Variable)?

    /// A cell with fresh U(−1/√H, 1/√H) weights, drawn in the order w_ih, w_hh, b_ih, b_hh, then the peepholes.
    public init(variant: LSTMVariant, inputSize: Int, hiddenSize: Int, rng: inout RandomGenerator) {
        let bound = 1 / Float(hiddenSize).squareRoot()
        let gh = variant.gateCount * hiddenSize
        func draw(_ shape: [Int]) -> Variable {
            Variable(.uniform(shape, low: -bound, high: bound, using: &rng), requiresGrad: true)
        }
        self.variant = variant
        weightIH = draw([gh, inputSize])
        weightHH = draw([gh, hiddenSize])
        biasIH = draw([gh])
        biasHH = draw([gh])
        peepholes = variant == .peephole ? (draw([hiddenSize]), draw([hiddenSize]), draw([hiddenSize])) : nil
    }

    /// The number of input features `F`.
    public var inputSize: Int { weightIH.shape[1] }
    /// The hidden size `H`.
    public var hiddenSize: Int { weightHH.shape[1] }

    /// Advances one step: `x` `(N, F)`, `h` and `c` `(N, H)`; returns the new `h` and `c`. `recurrentWeight` may
    /// stand in for `W_hh` at this step (a copy of the same value, whose gradient is then this step's term alone).
    public func step(_ x: Variable, h: Variable, c: Variable, recurrentWeight: Variable? = nil) -> (h: Variable, c: Variable) {
        precondition(x.shape.count == 2 && x.shape[1] == inputSize,
                     "variant LSTM cell: input \(x.shape) for a cell of \(inputSize) inputs")
        precondition(h.shape == [x.shape[0], hiddenSize] && c.shape == h.shape,
                     "variant LSTM cell: h \(h.shape), c \(c.shape), expected [\(x.shape[0]), \(hiddenSize)]")
        let hs = hiddenSize
        let pre = Variable.matmul(x, weightIH, transposeB: true).addingRowVector(biasIH)
            + Variable.matmul(h, recurrentWeight ?? weightHH, transposeB: true).addingRowVector(biasHH)
        let blocks = pre.split(sizes: Array(repeating: hs, count: variant.gateCount), axis: 1)
        var byGate: [LSTMVariant.Gate: Variable] = [:]
        for (gate, block) in zip(variant.gates, blocks) { byGate[gate] = block }
        /// `a + p ⊙ state` when the cell has peepholes, else `a`.
        func peeped(_ a: Variable, _ weight: Variable?, _ state: Variable) -> Variable {
            guard let weight else { return a }
            return a + state * Variable(Tensor(zeros: state.shape)).addingRowVector(weight)
        }
        let i = peeped(byGate[.input]!, peepholes?.input, c).sigmoid()
        let g = byGate[.candidate]!.tanh()
        let kept: Variable
        switch variant {
        case .coupled: kept = i.scaled(by: -1).adding(1) * c
        case .noForget: kept = c
        case .standard, .peephole, .noOutput: kept = peeped(byGate[.forget]!, peepholes?.forget, c).sigmoid() * c
        }
        let cNew = kept + i * g
        guard let oPre = byGate[.output] else { return (cNew.tanh(), cNew) }
        return (peeped(oPre, peepholes?.output, cNew).sigmoid() * cNew.tanh(), cNew)
    }

    /// Runs the cell over `x` `(N, T, F)` from `h0`, `c0` `(N, H)`, forwards or (`reverse`) backwards in time.
    /// A sequence of length `L` takes no step at `t ≥ L`: its state is carried and its output is zero, as in
    /// the fused kernel. Returns the output `(N, T, H)` and the final states `(N, H)`.
    public func run(_ x: Variable, h0: Variable, c0: Variable, lengths: [Int]?, reverse: Bool)
        -> (output: Variable, hidden: Variable, cell: Variable) {
        precondition(x.shape.count == 3 && x.shape[2] == inputSize,
                     "variant LSTM cell: input \(x.shape), expected (N, T, \(inputSize))")
        let n = x.shape[0], steps = x.shape[1], hs = hiddenSize
        if let lengths { precondition(lengths.count == n, "variant LSTM cell: \(lengths.count) lengths for \(n) sequences") }
        var h = h0, c = c0
        var outputs = [Variable?](repeating: nil, count: steps)
        for t in reverse ? Array((0..<steps).reversed()) : Array(0..<steps) {
            let next = step(x.timeStep(t), h: h, c: c)
            guard let lengths, lengths.contains(where: { $0 <= t }) else {
                (h, c) = next
                outputs[t] = next.h
                continue
            }
            var active = Tensor(zeros: [n, hs]), idle = Tensor(zeros: [n, hs])
            active.withUnsafeMutableBufferPointer { a in
                idle.withUnsafeMutableBufferPointer { z in
                    for row in 0..<n {
                        let on: Float = lengths[row] > t ? 1 : 0
                        for k in row * hs..<(row + 1) * hs { a[k] = on; z[k] = 1 - on }
                    }
                }
            }
            outputs[t] = next.h.multiplied(byConstant: active)
            h = outputs[t]! + h.multiplied(byConstant: idle)
            c = next.c.multiplied(byConstant: active) + c.multiplied(byConstant: idle)
        }
        let output = steps == 0 ? Variable(Tensor(zeros: [n, 0, hs])) : Variable.stack(outputs.map { $0! }, axis: 1)
        return (output, h, c)
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        var out: [(name: String, variable: Variable)] = [
            ("weight_ih", weightIH), ("weight_hh", weightHH), ("bias_ih", biasIH), ("bias_hh", biasHH),
        ]
        if let peepholes {
            out += [("weight_peephole_i", peepholes.input), ("weight_peephole_f", peepholes.forget),
                    ("weight_peephole_o", peepholes.output)]
        }
        return out
    }
}
