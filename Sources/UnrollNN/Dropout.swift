import UnrollAutograd
import UnrollTensor

/// Inverted dropout as a layer: active only in training.
public struct Dropout {
    /// The probability of zeroing an element.
    public var probability: Float

    /// A dropout layer with drop probability `probability` in [0, 1).
    public init(_ probability: Float) {
        precondition(probability >= 0 && probability < 1, "dropout: probability must be in [0, 1), got \(probability)")
        self.probability = probability
    }

    /// Drops elements of `x` in training, passes it through otherwise.
    public func callAsFunction(_ x: Variable, training: Bool, rng: inout RandomGenerator) -> Variable {
        training ? x.dropout(probability, using: &rng) : x
    }
}
