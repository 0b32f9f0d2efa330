import UnrollAutograd
import UnrollTensor

/// RMSprop, optionally centered and with momentum, following PyTorch's `torch.optim.RMSprop`:
///
///     d = g + weight_decay · p;   s = α s + (1 − α) d²
///     centered: a = α a + (1 − α) d,  r = √(s − a²) + eps;   otherwise r = √s + eps
///     momentum: b = momentum · b + d / r,  p ← p − lr · b;     otherwise p ← p − lr · d / r
public final class RMSprop: Optimizer {
    /// The parameters updated, in a fixed order.
    public let parameters: [Variable]
    /// The step size used by the next `step()`.
    public var learningRate: Float
    /// The smoothing constant α of the squared-gradient average.
    public let alpha: Float
    /// The term added to the denominator for stability.
    public let epsilon: Float
    /// The momentum factor (0 turns momentum off).
    public let momentum: Float
    /// Whether to normalise by the variance estimate `s − a²` instead of `s`.
    public let centered: Bool
    /// The L2 penalty factor added to the gradient.
    public let weightDecay: Float
    /// Per parameter, created on its first step: the squared-gradient average, the gradient average
    /// (centered only) and the momentum buffer (momentum only).
    private var squareAverages: [Tensor?]
    private var gradientAverages: [Tensor?]
    private var buffers: [Tensor?]

    /// An optimizer for `parameters`; throws when an option is out of range.
    public init(parameters: [Variable], learningRate: Float = 1e-2, alpha: Float = 0.99, epsilon: Float = 1e-8,
                momentum: Float = 0, centered: Bool = false, weightDecay: Float = 0) throws {
        try OptimizerError.check("learning rate", learningRate, atLeast: 0)
        try OptimizerError.check("alpha", alpha, atLeast: 0)
        try OptimizerError.check("epsilon", epsilon, atLeast: 0)
        try OptimizerError.check("momentum", momentum, atLeast: 0)
        try OptimizerError.check("weight decay", weightDecay, atLeast: 0)
        try OptimizerError.checkDistinct(parameters)
        self.parameters = parameters
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.centered = centered
        self.weightDecay = weightDecay
        squareAverages = Array(repeating: nil, count: parameters.count)
        gradientAverages = Array(repeating: nil, count: parameters.count)
        buffers = Array(repeating: nil, count: parameters.count)
    }

    /// Updates every parameter that has a gradient.
    public func step() {
        let lr = learningRate, a = alpha, eps = epsilon, mu = momentum, wd = weightDecay, centered = self.centered
        for (i, p) in parameters.enumerated() {
            guard let g = p.gradientForStep else { continue }
            if squareAverages[i] == nil {
                squareAverages[i] = Tensor(zeros: p.shape)
                // Unused buffers stay empty so that one loop serves every combination of options.
                gradientAverages[i] = Tensor(zeros: centered ? p.shape : [0])
                buffers[i] = Tensor(zeros: mu > 0 ? p.shape : [0])
            }
            g.withUnsafeBufferPointer { gp in
                p.value.withUnsafeMutableBufferPointer { w in
                    squareAverages[i]!.withUnsafeMutableBufferPointer { s in
                        gradientAverages[i]!.withUnsafeMutableBufferPointer { avg in
                            buffers[i]!.withUnsafeMutableBufferPointer { b in
                                for j in 0..<w.count {
                                    let d = gp[j] + wd * w[j]
                                    s[j] = a * s[j] + (1 - a) * d * d
                                    var variance = s[j]
                                    if centered {
                                        avg[j] += (1 - a) * (d - avg[j])
                                        // s ≥ a² holds exactly; clamp the rounding error that could make it negative.
                                        variance = max(0, s[j] - avg[j] * avg[j])
                                    }
                                    let r = variance.squareRoot() + eps
                                    if mu > 0 {
                                        b[j] = mu * b[j] + d / r
                                        w[j] -= lr * b[j]
                                    } else {
                                        w[j] -= lr * d / r
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
