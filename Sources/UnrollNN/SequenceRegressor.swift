import UnrollAutograd
import UnrollTensor

/// A regressor on real-valued sequences `(N, T, F)`: `recurrent stack → Linear(D·H, O)`, either from the
/// final states (many-to-one, e.g. the adding problem) or at every step (e.g. next value of a time series).
public final class SequenceRegressor: Parameterized {
    /// The recurrent stack.
    public let rnn: RecurrentLayer
    /// The projection to outputs.
    public let head: Linear
    /// Whether an output is produced at every step rather than once per sequence.
    public let perStep: Bool

    /// A regressor from `inputs` features per step to `outputs` values.
    public init(inputs: Int, outputs: Int, rnn spec: RecurrentSpec, perStep: Bool, rng: inout RandomGenerator) {
        rnn = spec.makeLayer(inputSize: inputs, rng: &rng)
        head = Linear(inputSize: rnn.outputSize, outputSize: outputs, rng: &rng)
        self.perStep = perStep
    }

    /// The number of input features `F`.
    public var inputCount: Int { rnn.inputSize }
    /// The number of outputs `O`.
    public var outputCount: Int { head.outputSize }

    /// Predictions: `(N·T, O)` per step, or `(N, O)` per sequence, for inputs `(N, T, F)` with lengths.
    public func predict(inputs: Tensor, lengths: [Int], training: Bool, rng: inout RandomGenerator) -> Variable {
        precondition(inputs.rank == 3 && inputs.shape[2] == inputCount,
                     "regressor: inputs \(inputs.shape), expected (N, T, \(inputCount))")
        let n = inputs.shape[0], steps = inputs.shape[1]
        let (h, state) = rnn(Variable(inputs), lengths: lengths, training: training, rng: &rng)
        if perStep { return head(h.reshaped([n * steps, rnn.outputSize])) }
        return head(rnn.summary(of: state, batch: n))
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        prefixed("rnn", rnn) + prefixed("head", head)
    }
}
