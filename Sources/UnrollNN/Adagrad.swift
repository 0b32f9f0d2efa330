import UnrollAutograd
import UnrollTensor

/// Adagrad with learning-rate decay, following PyTorch's `torch.optim.Adagrad`:
///
///     d = g + weight_decay · p;   s = s + d²   (s starts at initial_accumulator_value)
///     p ← p − lr / (1 + (t − 1) · lr_decay) · d / (√s + eps)
///
/// where `t` counts the steps this parameter has taken.
public final class Adagrad: Optimizer {
    /// The parameters updated, in a fixed order.
    public let parameters: [Variable]
    /// The step size used by the next `step()`, before decay.
    public var learningRate: Float
    /// How fast the step size decays with the step count.
    public let learningRateDecay: Float
    /// The value every squared-gradient sum starts from.
    public let initialAccumulatorValue: Float
    /// The term added to the denominator for stability.
    public let epsilon: Float
    /// The L2 penalty factor added to the gradient.
    public let weightDecay: Float
    /// Per parameter: its step count and squared-gradient sum, created on its first step.
    private var steps: [Int]
    private var sums: [Tensor?]

    /// An optimizer for `parameters`; throws when an option is out of range.
    public init(parameters: [Variable], learningRate: Float = 1e-2, learningRateDecay: Float = 0,
                initialAccumulatorValue: Float = 0, epsilon: Float = 1e-10, weightDecay: Float = 0) throws {
        try OptimizerError.check("learning rate", learningRate, atLeast: 0)
        try OptimizerError.check("learning rate decay", learningRateDecay, atLeast: 0)
        try OptimizerError.check("initial accumulator value", initialAccumulatorValue, atLeast: 0)
        try OptimizerError.check("epsilon", epsilon, atLeast: 0)
        try OptimizerError.check("weight decay", weightDecay, atLeast: 0)
        try OptimizerError.checkDistinct(parameters)
        self.parameters = parameters
        self.learningRate = learningRate
        self.learningRateDecay = learningRateDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        steps = Array(repeating: 0, count: parameters.count)
        sums = Array(repeating: nil, count: parameters.count)
    }

    /// Updates every parameter that has a gradient.
    public func step() {
        let wd = weightDecay, eps = epsilon
        for (i, p) in parameters.enumerated() {
            guard let g = p.gradientForStep else { continue }
            if sums[i] == nil { sums[i] = Tensor(shape: p.shape, repeating: initialAccumulatorValue) }
            steps[i] += 1
            let rate = Float(Double(learningRate) / (1 + Double(steps[i] - 1) * Double(learningRateDecay)))
            g.withUnsafeBufferPointer { gp in
                p.value.withUnsafeMutableBufferPointer { w in
                    sums[i]!.withUnsafeMutableBufferPointer { s in
                        for j in 0..<w.count {
                            let d = gp[j] + wd * w[j]
                            s[j] += d * d
                            w[j] -= rate * d / (s[j].squareRoot() + eps)
                        }
                    }
                }
            }
        }
    }
}
