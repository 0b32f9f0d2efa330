/// Real-valued sequences with real-valued targets (the adding problem, time series).
public struct RegressionDataset: ExampleDataset, Sendable {
    /// The examples (their lengths may differ).
    public var examples: [RegressionExample]
    /// The number of input features per step.
    public let featureCount: Int
    /// The number of target values per example (many-to-one) or per step (`perStep`).
    public let outputCount: Int
    /// Whether there is a target for every step rather than one for the whole sequence.
    public let perStep: Bool

    /// A data set from its parts; every example must match `featureCount` and `outputCount`.
    public init(examples: [RegressionExample], featureCount: Int, outputCount: Int, perStep: Bool) {
        for (i, example) in examples.enumerated() {
            precondition(example.inputs.count == example.steps * featureCount,
                         "RegressionDataset: example \(i) has \(example.inputs.count) inputs, "
                         + "expected \(example.steps) steps × \(featureCount) features")
            let expected = perStep ? example.steps * outputCount : outputCount
            precondition(example.targets.count == expected,
                         "RegressionDataset: example \(i) has \(example.targets.count) targets, expected \(expected)")
        }
        self.examples = examples
        self.featureCount = featureCount
        self.outputCount = outputCount
        self.perStep = perStep
    }

    /// The same shape description with other examples.
    public func replacingExamples(_ examples: [RegressionExample]) -> RegressionDataset {
        RegressionDataset(examples: examples, featureCount: featureCount, outputCount: outputCount, perStep: perStep)
    }
}
