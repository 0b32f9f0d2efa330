import UnrollAutograd
import UnrollTensor

/// One direction of one Elman layer with a skip connection in time (Goodfellow et al. 10.9.1), run on the tape:
/// `h_t = act(W_ih x_t + b_ih + W_hh h_{t−1} + W_skip h_{t−d} + b_hh)`, or without the `W_hh` term when the
/// length-one connections are removed (10.9.3). Before the first `d` steps `h_{t−d}` is the initial state.
///
/// The pre-activation is one product `[h_{t−1} | h_{t−d} | x_t] · [W_hh | W_skip | W_ih]ᵀ` plus `b_ih + b_hh`.
public final class SkipRNN: TimeRecurrence {
    /// `(H, F)`.
    public let weightIH: Variable
    /// `(H, H)`, nil when the length-one connections are removed.
    public let weightHH: Variable?
    /// `(H, H)`: the connection from `h_{t−d}`.
    public let weightSkip: Variable
    /// `(H)`.
    public let biasIH: Variable
    /// `(H)`.
    public let biasHH: Variable
    /// The distance `d` and whether `h_{t−1}` stays connected.
    public let connection: SkipConnection
    /// Whether the activation is tanh (else the rectifier).
    public let usesTanh: Bool

    /// Fresh U(−1/√H, 1/√H) weights drawn in the order w_ih, w_hh (when kept), w_skip, b_ih, b_hh.
    public init(inputSize: Int, hiddenSize: Int, connection: SkipConnection, usesTanh: Bool = true,
                rng: inout RandomGenerator) {
        precondition(connection.distance >= 2, "skip RNN: distance \(connection.distance), expected at least 2")
        let bound = 1 / Float(hiddenSize).squareRoot()
        func draw(_ shape: [Int]) -> Variable {
            Variable(.uniform(shape, low: -bound, high: bound, using: &rng), requiresGrad: true)
        }
        weightIH = draw([hiddenSize, inputSize])
        weightHH = connection.keepsOneStep ? draw([hiddenSize, hiddenSize]) : nil
        weightSkip = draw([hiddenSize, hiddenSize])
        biasIH = draw([hiddenSize])
        biasHH = draw([hiddenSize])
        self.connection = connection
        self.usesTanh = usesTanh
    }

    public var inputSize: Int { weightIH.shape[1] }
    public var hiddenSize: Int { weightSkip.shape[1] }
    public var recurrentWeights: [Variable] { (weightHH.map { [$0] } ?? []) + [weightSkip] }
    public var biases: [Variable] { [biasIH, biasHH] }

    public func run(_ input: Variable, h0: Variable, lengths: [Int]?, reverse: Bool) -> (output: Variable, hidden: Variable) {
        let weights = joinedWeights(recurrentWeights), bias = biasIH + biasHH
        return TimeLoop.run(input, h0: h0, lengths: lengths, reverse: reverse, alpha: nil) { x, states in
            candidate(x, states: states, weights: weights, bias: bias)
        }
    }

    public func unrolledStates(_ inputs: [Variable], h0: Variable, recurrentWeight: (_ step: Int) -> Variable?) -> [Variable] {
        let weights = joinedWeights(recurrentWeights), bias = biasIH + biasHH
        return TimeLoop.states(inputs, h0: h0, alpha: nil) { x, states, t in
            guard let first = recurrentWeight(t) else { return candidate(x, states: states, weights: weights, bias: bias) }
            return candidate(x, states: states, weights: joinedWeights([first] + recurrentWeights.dropFirst()), bias: bias)
        }
    }

    /// `[W_hh | W_skip | W_ih]` (without `W_hh` when the one-step connection is removed), from the recurrent
    /// matrices in `recurrentWeights`' order.
    private func joinedWeights(_ recurrent: [Variable]) -> Variable {
        Variable.concat(recurrent + [weightIH], axis: 1)
    }

    /// The next state `act([h_{t−1} | h_{t−d} | x_t] · weightsᵀ + (b_ih + b_hh))` from the states so far
    /// (`states[s]` after `s` steps; `h0` stands in for `h_{t−d}` before it exists).
    private func candidate(_ x: Variable, states: [Variable], weights: Variable, bias: Variable) -> Variable {
        let s = states.count - 1                                      // steps taken so far
        let back = states[max(0, s + 1 - connection.distance)]        // h_{t−d}, or h0 before it exists
        let joined = Variable.concat((weightHH == nil ? [] : [states[s]]) + [back, x], axis: 1)
        let z = Variable.matmul(joined, weights, transposeB: true).addingRowVector(bias)
        return usesTanh ? z.tanh() : z.relu()
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        var out: [(name: String, variable: Variable)] = [("weight_ih", weightIH)]
        if let weightHH { out.append(("weight_hh", weightHH)) }
        return out + [("weight_skip", weightSkip), ("bias_ih", biasIH), ("bias_hh", biasHH)]
    }
}
