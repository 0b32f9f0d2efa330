import UnrollAutograd
import UnrollTensor

/// A lookup table of token vectors `(V, E)`, initialised N(0, 1) as PyTorch does.
public final class Embedding: Parameterized {
    /// `(V, E)`.
    public let weight: Variable

    /// A table of `vocabularySize` vectors of `dimension` features.
    public init(vocabularySize: Int, dimension: Int, rng: inout RandomGenerator) {
        weight = Variable(.normal([vocabularySize, dimension], using: &rng), requiresGrad: true)
    }

    /// The number of rows.
    public var vocabularySize: Int { weight.shape[0] }
    /// The vector size.
    public var dimension: Int { weight.shape[1] }

    /// Looks up token ids laid out as `shape` (e.g. `[N, T]`), giving `shape + [E]`.
    public func callAsFunction(_ tokens: [Int], shape: [Int]) -> Variable {
        precondition(tokens.count == shape.reduce(1, *), "embedding: \(tokens.count) tokens for shape \(shape)")
        return weight.gatherRows(tokens).reshaped(shape + [dimension])
    }

    public var namedParameters: [(name: String, variable: Variable)] { [("weight", weight)] }
}
