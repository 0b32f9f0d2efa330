import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor

/// What the classifier and tagger objectives share: a model of token sequences, its examples, and the padded
/// batches of a pass, reshuffled at each `begin`; each subclass scores a batch its own way.
public class PaddedSequenceObjective<Model: Parameterized, Example> {
    /// The model.
    public let model: Model
    /// The examples, each a token sequence with its target.
    public let examples: [Example]
    /// The batches of the current pass.
    private(set) var batches: [PaddedBatch] = []
    private let tokens: (Example) -> [Int]

    /// An objective for `model` on `examples`, whose token sequences `tokens` reads.
    init(model: Model, examples: [Example], tokens: @escaping (Example) -> [Int]) {
        self.model = model
        self.examples = examples
        self.tokens = tokens
    }

    /// The model's parameters.
    public var parameters: [Variable] { model.parameters }

    /// Cuts the examples into padded batches (in a new order when `shuffle`) and returns how many there are.
    public func begin(shuffle: Bool, batchSize: Int, rng: inout RandomGenerator) -> Int {
        batches = shuffledPaddedBatches(examples.map(tokens), shuffle: shuffle, batchSize: batchSize, rng: &rng)
        return batches.count
    }
}
