import UnrollAutograd

extension Adam {
    /// AdamW (Loshchilov & Hutter), following PyTorch's `torch.optim.AdamW`: Adam whose weight decay is decoupled
    /// from the gradient, `p ← p · (1 − lr · weight_decay)` before each Adam update; PyTorch's default decay is 0.01.
    public static func adamW(parameters: [Variable], learningRate: Float = 1e-3, beta1: Float = 0.9,
                             beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 1e-2) throws -> Adam {
        try Adam(parameters: parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                 weightDecay: weightDecay, decoupled: true)
    }
}
