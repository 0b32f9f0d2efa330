import UnrollAutograd
import UnrollTensor

/// The result of running a model on one batch.
public struct BatchOutcome {
    /// The mean loss over the counted items (recorded on the tape when training).
    public var loss: Variable
    /// How many items (tokens, sequences, values) the loss averages over.
    public var count: Int
    /// Correct predictions among them, for objectives that classify.
    public var correct: Int?
}

/// A model paired with a data set: how to cut the data into batches and score one batch.
///
/// Language models carry recurrent state from batch to batch, so an objective is a class that may keep state
/// between `begin` and the end of a pass.
public protocol Objective: AnyObject {
    /// The parameters the optimizer updates.
    var parameters: [Variable] { get }
    /// Whether the pass metrics include a perplexity.
    var reportsPerplexity: Bool { get }
    /// Starts a pass and returns how many batches it has; `shuffle` asks for a new random order.
    func begin(shuffle: Bool, batchSize: Int, rng: inout RandomGenerator) -> Int
    /// Runs batch `index` of the current pass.
    func run(batch index: Int, training: Bool, rng: inout RandomGenerator) -> BatchOutcome
    /// Told before each training epoch which one it is (1-based) of how many, for schedules.
    func beginEpoch(_ epoch: Int, of epochs: Int)
}

extension Objective {
    public var reportsPerplexity: Bool { false }
    public func beginEpoch(_ epoch: Int, of epochs: Int) {}
}
