/// One real-valued sequence with real-valued targets, for many-to-one or per-step regression.
public struct RegressionExample: Equatable, Sendable {
    /// The inputs, `steps × features` row-major (step `t`, feature `f` at `t · features + f`).
    public var inputs: [Float]
    /// The number of time steps.
    public var steps: Int
    /// The targets: `outputs` values (many-to-one) or `steps × outputs` row-major (per step).
    public var targets: [Float]

    /// An example from its parts.
    public init(inputs: [Float], steps: Int, targets: [Float]) {
        precondition(steps > 0 && inputs.count % steps == 0,
                     "RegressionExample: \(inputs.count) inputs do not divide into \(steps) steps")
        self.inputs = inputs
        self.steps = steps
        self.targets = targets
    }

    /// The number of input features per step.
    public var featureCount: Int { inputs.count / steps }
}
