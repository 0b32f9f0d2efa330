import UnrollTensor

/// Inverted dropout.
extension Variable {
    /// Zeroes each element with probability `p` and scales survivors by `1/(1-p)`; identity when `p == 0`.
    public func dropout(_ p: Float, using rng: inout RandomGenerator) -> Variable {
        precondition(p >= 0 && p < 1, "dropout: probability must be in [0, 1), got \(p)")
        guard p > 0 else { return self }
        let keep = 1 / (1 - p)
        var mask = Tensor(zeros: shape)
        mask.withUnsafeMutableBufferPointer { m in
            for i in 0..<m.count { m[i] = rng.nextUnitFloat() < p ? 0 : keep }
        }
        return multiplied(byConstant: mask)
    }
}
