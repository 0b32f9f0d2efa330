import UnrollAutograd
import UnrollTensor

/// The training workload of `scripts/torch_rnn.py` (the PyTorch twin of `unroll bench`): a character language model
/// `Embedding(V, E) → {RNN|LSTM|GRU}(H, layers) → Linear(H, V)` trained with cross-entropy and Adam(lr=1e-3)
/// on fixed batches.
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
    private let optimizer: Adam

    /// A workload with fresh weights (seeded) on the given token batches.
    public init(kind: RecurrentCellKind, vocabulary: Int, embed: Int, hidden: Int, layers: Int,
                batch: Int, steps: Int, inputs: [Int], targets: [Int], seed: UInt64) throws {
        precondition(inputs.count == batch * steps && targets.count == batch * steps,
                     "bench: \(inputs.count) inputs and \(targets.count) targets for batch \(batch) × \(steps) steps")
        var rng = RandomGenerator(seed: seed)
        let embedding = Embedding(vocabularySize: vocabulary, dimension: embed, rng: &rng)
        let rnn = RecurrentLayer(kind: kind, inputSize: embed, hiddenSize: hidden, layers: layers, rng: &rng)
        let head = Linear(inputSize: hidden, outputSize: vocabulary, rng: &rng)
        optimizer = try Adam(parameters: embedding.parameters + rnn.parameters + head.parameters, learningRate: 1e-3)
        self.embedding = embedding
        self.rnn = rnn
        self.head = head
        self.inputs = inputs
        self.targets = targets
        self.batch = batch
        self.steps = steps
        self.rng = rng
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
        optimizer.zeroGrad()
        let loss = logits().crossEntropy(targets: targets)
        loss.backward()
        optimizer.step()
        return loss.value.scalar
    }

    /// One forward pass without recording gradients.
    public func inferStep() {
        withoutGradients { _ = logits() }
    }
}
