import UnrollAutograd
import UnrollNN
import UnrollTensor

/// One batch of a model's data laid out to unroll the model's recurrent stack step by step on the tape
/// (`RecurrentLayer.unrolledOnTape`), with the model's own losses computed from the top layer's states, so that
/// `GradientFlow` and `BPTTTerms` can read gradients the fused kernel never materialises.
public struct RecurrentProbe {
    /// The model's recurrent stack.
    public let layer: RecurrentLayer
    /// The stack's inputs `(N, T, F)`: the batch's values, or its tokens' embeddings (without dropout).
    public let inputs: Tensor
    /// Each row's length (`T` for all rows of a language model's window).
    public let lengths: [Int]
    /// The model's parameters, whose gradients a measurement clears when it is done.
    public let parameters: [Variable]
    /// The sum over the rows of each row's loss taken at its last step only (the regressor's or classifier's
    /// loss on the final state, a language model's cross-entropy of the last position, a tagger's last tag),
    /// from the top layer's states `[step]`, each `(N, H)`.
    public let lastStepLoss: ([Variable]) -> Variable
    /// The objective's loss of the batch, as training computes it, from the top layer's states.
    public let batchLoss: ([Variable]) -> Variable

    /// A probe from its parts.
    public init(layer: RecurrentLayer, inputs: Tensor, lengths: [Int], parameters: [Variable],
                lastStepLoss: @escaping ([Variable]) -> Variable, batchLoss: @escaping ([Variable]) -> Variable) {
        self.layer = layer
        self.inputs = inputs
        self.lengths = lengths
        self.parameters = parameters
        self.lastStepLoss = lastStepLoss
        self.batchLoss = batchLoss
    }

    /// Each row's state at its last step, `(N, H)`: row `n` of `states[lengths[n] − 1]`.
    static func lastStates(_ states: [Variable], lengths: [Int]) -> Variable {
        let steps = states.count
        if lengths.allSatisfy({ $0 == steps }) { return states[steps - 1] }
        let n = lengths.count, h = states[0].shape[1]
        var total: Variable?
        for t in Set(lengths.map { $0 - 1 }).filter({ $0 >= 0 }).sorted() {
            var mask = Tensor(zeros: [n, h])
            mask.withUnsafeMutableBufferPointer { m in
                for row in 0..<n where lengths[row] - 1 == t {
                    for j in 0..<h { m[row * h + j] = 1 }
                }
            }
            let part = states[t] * Variable(mask)
            total = total.map { $0 + part } ?? part
        }
        return total ?? Variable(Tensor(zeros: [n, h]))
    }

    /// Every state as rows `n·T + t`, `(N·T, H)`, the layout of the fused layer's output reshaped.
    static func allStates(_ states: [Variable]) -> Variable {
        let n = states[0].shape[0], h = states[0].shape[1]
        return Variable.concat(states, axis: 1).reshaped([n * states.count, h])
    }

    /// The sum over rows of the mean cross-entropy of `logits` `(N, C)` against `targets`: the mean times `N`.
    static func summedCrossEntropy(_ logits: Variable, targets: [Int]) -> Variable {
        logits.crossEntropy(targets: targets).scaled(by: Float(targets.count))
    }
}

/// An objective that can lay out one of its batches as a `RecurrentProbe`.
public protocol RecurrentProbing: Objective {
    /// The probe of batch `index` of the current pass (after `begin`).
    func probe(batch index: Int) -> RecurrentProbe
}
