#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollAutograd
import UnrollTensor

/// One direction of one layer of leaky units (Goodfellow et al. 10.9.2), run on the tape:
/// `h_t = (1 − α) ⊙ h_{t−1} + α ⊙ tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)`, α per unit.
///
/// The pre-activation is one product `[h_{t−1} | x_t] · [W_hh | W_ih]ᵀ` (the fused Elman kernel's chain, over `h`
/// then `x`) plus `b_ih + b_hh`, so with α = 1 the layer gives the Elman RNN's bits. α is fixed, or learned as
/// `sigmoid(p)` with the parameter `p` (`alpha` in the `state_dict`) per unit.
public final class LeakyRNN: TimeRecurrence {
    /// `(H, F)`.
    public let weightIH: Variable
    /// `(H, H)`.
    public let weightHH: Variable
    /// `(H)`.
    public let biasIH: Variable
    /// `(H)`.
    public let biasHH: Variable
    /// The fixed rates `(H)`, or the learned parameters `p` `(H)` with α = sigmoid(p).
    public let alpha: Variable
    /// Whether `alpha` holds learned parameters.
    public let learned: Bool

    /// Fresh U(−1/√H, 1/√H) weights drawn in PyTorch's order (w_ih, w_hh, b_ih, b_hh); α from `rates`.
    public init(inputSize: Int, hiddenSize: Int, rates: LeakRates, rng: inout RandomGenerator) {
        let elman = RecurrentCell(kind: .rnnTanh, inputSize: inputSize, hiddenSize: hiddenSize, rng: &rng)
        weightIH = elman.weightIH
        weightHH = elman.weightHH
        biasIH = elman.biasIH
        biasHH = elman.biasHH
        learned = rates.learned
        let perUnit = rates.perUnit(hidden: hiddenSize)
        alpha = learned
            ? Variable(Tensor(shape: [hiddenSize], scalars: perUnit.map { Float(log(Double($0) / (1 - Double($0)))) }),
                       requiresGrad: true)
            : Variable(Tensor(shape: [hiddenSize], scalars: perUnit))
    }

    public var inputSize: Int { weightIH.shape[1] }
    public var hiddenSize: Int { weightHH.shape[1] }
    public var recurrentWeights: [Variable] { [weightHH] }
    public var biases: [Variable] { [biasIH, biasHH] }

    /// The rates in use `(H)`: the fixed ones, or `sigmoid(p)` on the tape.
    public var rates: Variable { learned ? alpha.sigmoid() : alpha }

    public func run(_ input: Variable, h0: Variable, lengths: [Int]?, reverse: Bool) -> (output: Variable, hidden: Variable) {
        let weights = Variable.concat([weightHH, weightIH], axis: 1), bias = biasIH + biasHH
        return TimeLoop.run(input, h0: h0, lengths: lengths, reverse: reverse, alpha: rates) { x, states in
            Self.candidate(x, previous: states[states.count - 1], weights: weights, bias: bias)
        }
    }

    public func unrolledStates(_ inputs: [Variable], h0: Variable, recurrentWeight: (_ step: Int) -> Variable?) -> [Variable] {
        let weights = Variable.concat([weightHH, weightIH], axis: 1), bias = biasIH + biasHH
        return TimeLoop.states(inputs, h0: h0, alpha: rates) { x, states, t in
            let stepWeights = recurrentWeight(t).map { Variable.concat([$0, weightIH], axis: 1) } ?? weights
            return Self.candidate(x, previous: states[states.count - 1], weights: stepWeights, bias: bias)
        }
    }

    /// The candidate state `tanh([h_{t−1} | x_t] · [W_hh | W_ih]ᵀ + (b_ih + b_hh))` of one step, `(N, H)`.
    static func candidate(_ x: Variable, previous: Variable, weights: Variable, bias: Variable) -> Variable {
        Variable.matmul(Variable.concat([previous, x], axis: 1), weights, transposeB: true).addingRowVector(bias).tanh()
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        var out: [(name: String, variable: Variable)] = [("weight_ih", weightIH), ("weight_hh", weightHH),
                                                         ("bias_ih", biasIH), ("bias_hh", biasHH)]
        if learned { out.append(("alpha", alpha)) }
        return out
    }
}
