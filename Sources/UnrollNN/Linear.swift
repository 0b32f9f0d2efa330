import UnrollAutograd
import UnrollTensor

/// A fully connected layer `y = x Wᵀ + b` with PyTorch's weight shape `(out, in)` and initialisation
/// U(−1/√in, 1/√in) for both weight and bias.
public final class Linear: Parameterized {
    /// `(out, in)`.
    public let weight: Variable
    /// `(out)`, or nil without bias.
    public let bias: Variable?

    /// A layer mapping `inputSize` features to `outputSize`.
    public init(inputSize: Int, outputSize: Int, bias: Bool = true, rng: inout RandomGenerator) {
        let bound = 1 / Float(inputSize).squareRoot()
        weight = Variable(.uniform([outputSize, inputSize], low: -bound, high: bound, using: &rng), requiresGrad: true)
        self.bias = bias ? Variable(.uniform([outputSize], low: -bound, high: bound, using: &rng), requiresGrad: true) : nil
    }

    /// The number of input features.
    public var inputSize: Int { weight.shape[1] }
    /// The number of output features.
    public var outputSize: Int { weight.shape[0] }

    /// Maps `(R, in)` to `(R, out)`; any leading dimensions are flattened into rows and restored.
    public func callAsFunction(_ x: Variable) -> Variable {
        precondition(x.shape.last == inputSize, "linear: input \(x.shape) for a layer of \(inputSize) inputs")
        let lead = Array(x.shape.dropLast())
        let rows = lead.reduce(1, *)
        var y = Variable.matmul(x.shape.count == 2 ? x : x.reshaped([rows, inputSize]), weight, transposeB: true)
        if let bias { y = y.addingRowVector(bias) }
        return x.shape.count == 2 ? y : y.reshaped(lead + [outputSize])
    }

    public var namedParameters: [(name: String, variable: Variable)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }
}
