#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollAutograd
import UnrollTensor

/// Adam with bias correction and L2 weight decay added to the gradient, following PyTorch's `torch.optim.Adam`
/// (eps is added outside the square root):
///
///     d = g + weight_decay · p;   m = β₁ m + (1 − β₁) d;   v = β₂ v + (1 − β₂) d²
///     p ← p − lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + eps)
///
/// where `t` counts the steps this parameter has taken. With `decoupled` weight decay (AdamW, see `AdamW.swift`) the
/// penalty leaves the gradient alone and shrinks the weights instead, `p ← p · (1 − lr · weight_decay)`, before the
/// same update with `d = g`.
public final class Adam: Optimizer {
    /// The parameters updated, in a fixed order.
    public let parameters: [Variable]
    /// The step size used by the next `step()`.
    public var learningRate: Float
    /// The decay rate β₁ of the gradient average.
    public let beta1: Float
    /// The decay rate β₂ of the squared-gradient average.
    public let beta2: Float
    /// The term added to the denominator for stability.
    public let epsilon: Float
    /// The L2 penalty factor added to the gradient (or, when `decoupled`, the factor the weights shrink by).
    public let weightDecay: Float
    /// Whether weight decay shrinks the weights directly (AdamW) instead of joining the gradient.
    public let decoupled: Bool
    /// Per parameter: its step count and moment estimates, created on its first step.
    private var steps: [Int]
    private var firstMoments: [Tensor?]
    private var secondMoments: [Tensor?]

    /// An optimizer for `parameters`; throws when an option is out of range.
    public init(parameters: [Variable], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0, decoupled: Bool = false) throws {
        try OptimizerError.check("learning rate", learningRate, atLeast: 0)
        try OptimizerError.check("beta1", beta1, atLeast: 0, below: 1)
        try OptimizerError.check("beta2", beta2, atLeast: 0, below: 1)
        try OptimizerError.check("epsilon", epsilon, atLeast: 0)
        try OptimizerError.check("weight decay", weightDecay, atLeast: 0)
        try OptimizerError.checkDistinct(parameters)
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupled = decoupled
        steps = Array(repeating: 0, count: parameters.count)
        firstMoments = Array(repeating: nil, count: parameters.count)
        secondMoments = Array(repeating: nil, count: parameters.count)
    }

    /// Updates every parameter that has a gradient.
    public func step() {
        let b1 = beta1, b2 = beta2, eps = epsilon
        // Coupled: the penalty joins the gradient. Decoupled: the weights shrink first (a factor of 1 otherwise).
        let wd: Float = decoupled ? 0 : weightDecay
        let shrink = decoupled ? Float(1 - Double(learningRate) * Double(weightDecay)) : 1
        for (i, p) in parameters.enumerated() {
            guard let g = p.gradientForStep else { continue }
            if firstMoments[i] == nil {
                firstMoments[i] = Tensor(zeros: p.shape)
                secondMoments[i] = Tensor(zeros: p.shape)
            }
            steps[i] += 1
            let t = Double(steps[i])
            let stepSize = Float(Double(learningRate) / (1 - pow(Double(b1), t)))
            let correction2 = Float((1 - pow(Double(b2), t)).squareRoot())
            g.withUnsafeBufferPointer { gp in
                p.value.withUnsafeMutableBufferPointer { w in
                    firstMoments[i]!.withUnsafeMutableBufferPointer { m in
                        secondMoments[i]!.withUnsafeMutableBufferPointer { v in
                            for j in 0..<w.count {
                                w[j] *= shrink
                                let d = gp[j] + wd * w[j]
                                m[j] += (1 - b1) * (d - m[j])
                                v[j] = b2 * v[j] + (1 - b2) * d * d
                                w[j] -= stepSize * m[j] / (v[j].squareRoot() / correction2 + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
