import UnrollAutograd
import UnrollTensor

/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay, following
/// PyTorch's `torch.optim.SGD`:
///
///     d = g + weight_decay · p
///     b = d on the first step, else momentum · b + (1 − dampening) · d
///     p ← p − lr · (nesterov ? d + momentum · b : b)          (p ← p − lr · d without momentum)
public final class SGD: Optimizer {
    /// The parameters updated, in a fixed order.
    public let parameters: [Variable]
    /// The step size used by the next `step()`.
    public var learningRate: Float
    /// The momentum factor (0 turns momentum off).
    public let momentum: Float
    /// The fraction of each new gradient kept out of the momentum buffer.
    public let dampening: Float
    /// The L2 penalty factor added to the gradient.
    public let weightDecay: Float
    /// Whether to use Nesterov momentum.
    public let nesterov: Bool
    /// The momentum buffer of each parameter, created on its first step.
    private var buffers: [Tensor?]

    /// An optimizer for `parameters`; throws when an option is out of range.
    public init(parameters: [Variable], learningRate: Float, momentum: Float = 0, dampening: Float = 0,
                weightDecay: Float = 0, nesterov: Bool = false) throws {
        try OptimizerError.check("learning rate", learningRate, atLeast: 0)
        try OptimizerError.check("momentum", momentum, atLeast: 0)
        try OptimizerError.check("dampening", dampening, atLeast: 0)
        try OptimizerError.check("weight decay", weightDecay, atLeast: 0)
        if nesterov, momentum <= 0 || dampening != 0 {
            throw OptimizerError("nesterov momentum needs a momentum > 0 and zero dampening, got momentum \(momentum) "
                                 + "and dampening \(dampening)")
        }
        try OptimizerError.checkDistinct(parameters)
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        self.buffers = Array(repeating: nil, count: parameters.count)
    }

    /// Updates every parameter that has a gradient.
    public func step() {
        let lr = learningRate, wd = weightDecay, mu = momentum, keep = 1 - dampening, nesterov = self.nesterov
        for (i, p) in parameters.enumerated() {
            guard let g = p.gradientForStep else { continue }
            if mu == 0 {
                g.withUnsafeBufferPointer { gp in
                    p.value.withUnsafeMutableBufferPointer { w in
                        for j in 0..<w.count { w[j] -= lr * (gp[j] + wd * w[j]) }
                    }
                }
                continue
            }
            let first = buffers[i] == nil
            if first { buffers[i] = Tensor(zeros: p.shape) }
            g.withUnsafeBufferPointer { gp in
                p.value.withUnsafeMutableBufferPointer { w in
                    buffers[i]!.withUnsafeMutableBufferPointer { b in
                        for j in 0..<w.count {
                            let d = gp[j] + wd * w[j]
                            let v = first ? d : mu * b[j] + keep * d
                            b[j] = v
                            w[j] -= lr * (nesterov ? d + mu * v : v)
                        }
                    }
                }
            }
        }
    }
}
