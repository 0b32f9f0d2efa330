/// The sizes and scalings of an echo state network (Jaeger 2001): a fixed random reservoir and a linear readout.
public struct EchoStateSpec: Equatable, Sendable {
    /// Input features per step.
    public var inputs: Int
    /// Values the readout produces per step (or per sequence).
    public var outputs: Int
    /// Units in the reservoir.
    public var reservoir: Int
    /// The largest eigenvalue modulus the reservoir matrix is scaled to.
    public var spectralRadius: Double
    /// The leak rate `a` of `x(t) = (1 − a)·x(t−1) + a·tanh(…)`, in (0, 1]; 1 is no leak.
    public var leak: Double
    /// Input weights (and the input bias) are drawn from U(−input_scale, input_scale).
    public var inputScale: Double
    /// The probability that a reservoir connection exists.
    public var density: Double

    /// A specification from its parts.
    public init(inputs: Int, outputs: Int, reservoir: Int, spectralRadius: Double, leak: Double, inputScale: Double,
                density: Double) {
        self.inputs = inputs
        self.outputs = outputs
        self.reservoir = reservoir
        self.spectralRadius = spectralRadius
        self.leak = leak
        self.inputScale = inputScale
        self.density = density
    }

    /// The readout's features per step: a constant 1, the inputs, then the reservoir state.
    public var featureCount: Int { 1 + inputs + reservoir }
}
