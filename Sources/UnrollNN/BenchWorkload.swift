import UnrollAutograd
import UnrollTensor

/// The training workload of `shared/bench/torch_rnn.py`: a character language model
/// `Embedding(V, E) → {RNN|LSTM|GRU}(H, layers) → Linear(H, V)` trained with cross-entropy on fixed batches.
public final class BenchWorkload {
    /// The embedding table.
    public let embedding: Embedding
    /// The recurrent stack.
    public let rnn: RecurrentLayer
    /// The output projection.
    public let head: Linear
    /// Input tokens `(N, T)`, row-major.
    public let inputs: [Int]
    /// Target tokens `(N, T)`, row-major.
    public let targets: [Int]
    /// The batch size `N`.
    public let batch: Int
    /// The sequence length `T`.
    public let steps: Int
    private var rng: RandomGenerator
    private let update: ([Variable]) -> Void

    /// A workload with fresh weights (seeded) on the given token batches.
    ///
    /// - Parameter update: applies one optimizer step to the parameters after each backward pass.
    public init(kind: RecurrentCellKind, vocabulary: Int, embed: Int, hidden: Int, layers: Int,
                batch: Int, steps: Int, inputs: [Int], targets: [Int], seed: UInt64,
                update: @escaping ([Variable]) -> Void) {
        precondition(inputs.count == batch * steps && targets.count == batch * steps,
                     "bench: \(inputs.count) inputs and \(targets.count) targets for batch \(batch) × \(steps) steps")
        var rng = RandomGenerator(seed: seed)
        embedding = Embedding(vocabularySize: vocabulary, dimension: embed, rng: &rng)
        rnn = RecurrentLayer(kind: kind, inputSize: embed, hiddenSize: hidden, layers: layers, rng: &rng)
        head = Linear(inputSize: hidden, outputSize: vocabulary, rng: &rng)
        self.inputs = inputs
        self.targets = targets
        self.batch = batch
        self.steps = steps
        self.rng = rng
        self.update = update
    }

    /// Every trainable parameter, in PyTorch's order (`emb`, `rnn`, `out`).
    public var parameters: [Variable] { embedding.parameters + rnn.parameters + head.parameters }

    /// The logits `(N·T, V)` for the stored inputs.
    public func logits() -> Variable {
        let x = embedding(inputs, shape: [batch, steps])
        let (h, _) = rnn(x, rng: &rng)
        return head(h.reshaped([batch * steps, rnn.outputSize]))
    }

    /// One training step (forward, backward, optimizer update); returns the loss before the update.
    @discardableResult
    public func trainStep() -> Float {
        for p in parameters { p.zeroGrad() }
        let loss = logits().crossEntropy(targets: targets)
        loss.backward()
        update(parameters)
        return loss.value.scalar
    }

    /// One forward pass without recording gradients.
    public func inferStep() {
        withoutGradients { _ = logits() }
    }
}
