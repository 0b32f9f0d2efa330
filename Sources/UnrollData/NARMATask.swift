import UnrollTensor

extension SyntheticTasks {
    /// The targets of the NARMA system of order `n` (Atiya & Parlos 2000; Jaeger 2003) for the inputs `u`:
    /// `y(t+1) = 0.3·y(t) + 0.05·y(t)·Σ_{i=0}^{n−1} y(t−i) + 1.5·u(t−n+1)·u(t) + 0.1`, with `y` and `u` zero before
    /// the start. Element `t` of the result is `y(t+1)`; the sum runs from `i = 0` upwards, so an independent
    /// implementation in Double can reproduce the values to the last bit. Nil when the recurrence leaves
    /// [−1000, 1000] (it can diverge for high orders).
    public static func narmaTargets(inputs u: [Double], order n: Int) -> [Double]? {
        precondition(n >= 1, "narma: order must be positive")
        var y = [Double](repeating: 0, count: u.count + 1)
        for t in 0..<u.count {
            var window = 0.0
            for i in 0..<n where t - i >= 0 { window += y[t - i] }
            let delayed = t - n + 1 >= 0 ? u[t - n + 1] : 0
            let next = 0.3 * y[t] + 0.05 * y[t] * window + 1.5 * delayed * u[t] + 0.1
            guard next.isFinite, abs(next) <= 1000 else { return nil }
            y[t + 1] = next
        }
        return Array(y.dropFirst())
    }

    /// NARMA system identification: `count` sequences of `length` steps, each with inputs `u(t)` drawn from
    /// U(0, 0.5) and the target `y(t+1)` of the order-`order` system (`narmaTargets`) at every step.
    public static func narma(count: Int, length: Int, order: Int = 10, rng: inout RandomGenerator) throws -> RegressionDataset {
        try checkCount(count, task: "narma")
        try checkLength(length...length, minimum: 1, task: "narma")
        guard order >= 1 else { throw DataError("narma: order must be at least 1, got \(order)") }
        var examples: [RegressionExample] = []
        examples.reserveCapacity(count)
        for index in 0..<count {
            let inputs = (0..<length).map { _ in rng.uniform(0, 0.5) }
            guard let targets = narmaTargets(inputs: inputs.map(Double.init), order: order) else {
                throw DataError("narma: the order-\(order) system diverged on sequence \(index + 1); use a lower order")
            }
            examples.append(RegressionExample(inputs: inputs, steps: length, targets: targets.map(Float.init)))
        }
        return RegressionDataset(examples: examples, featureCount: 1, outputCount: 1, perStep: true)
    }
}
