import UnrollAutograd
import UnrollNN

/// An optimizer as a notebook declares it; `fit` builds the optimizer for the model's parameters.
enum OptimizerSpec {
    /// Stochastic gradient descent with momentum.
    case sgd(lr: Double, momentum: Double)
    /// Adam with the default betas and epsilon.
    case adam(lr: Double)
    /// AdamW (decoupled weight decay) with the default betas and epsilon.
    case adamW(lr: Double, weightDecay: Double)
    /// RMSprop with the default alpha and epsilon.
    case rmsprop(lr: Double)
    /// Adagrad with the default epsilon.
    case adagrad(lr: Double)

    /// The optimizer for `parameters`; throws an `OptimizerError` for options out of range.
    func make(for parameters: [Variable]) throws -> Optimizer {
        switch self {
        case .sgd(let lr, let momentum):
            return try SGD(parameters: parameters, learningRate: Float(lr), momentum: Float(momentum))
        case .adam(let lr): return try Adam(parameters: parameters, learningRate: Float(lr))
        case .adamW(let lr, let weightDecay):
            return try Adam.adamW(parameters: parameters, learningRate: Float(lr), weightDecay: Float(weightDecay))
        case .rmsprop(let lr): return try RMSprop(parameters: parameters, learningRate: Float(lr))
        case .adagrad(let lr): return try Adagrad(parameters: parameters, learningRate: Float(lr))
        }
    }

    /// The call that builds it: `Adam(lr: 0.001)`.
    var summary: String {
        switch self {
        case .sgd(let lr, let momentum):
            let m = momentum == 0 ? "" : ", momentum: \(NumberText.format(momentum))"
            return "SGD(lr: \(NumberText.format(lr))\(m))"
        case .adam(let lr): return "Adam(lr: \(NumberText.format(lr)))"
        case .adamW(let lr, let weightDecay):
            return "AdamW(lr: \(NumberText.format(lr)), weight_decay: \(NumberText.format(weightDecay)))"
        case .rmsprop(let lr): return "RMSprop(lr: \(NumberText.format(lr)))"
        case .adagrad(let lr): return "Adagrad(lr: \(NumberText.format(lr)))"
        }
    }
}
