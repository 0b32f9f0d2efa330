extension SyntheticTasks {
    /// The integration step δ of the Mackey–Glass discretisation (in time units).
    public static let mackeyGlassStep = 0.1
    /// Integration steps per sample: samples are one time unit apart.
    public static let mackeyGlassSubsampling = 10
    /// Samples dropped at the start of the series (the transient from the constant history).
    public static let mackeyGlassTransient = 1000

    /// The Mackey–Glass series `dx/dt = 0.2·x(t−τ) / (1 + x(t−τ)¹⁰) − 0.1·x(t)`, sampled once per time unit.
    ///
    /// The discretisation is Jaeger's (2001, GMD Report 148; Jaeger & Haas 2004): the Euler step
    /// `x(n+1) = x(n) + δ·(0.2·x(n−τ/δ) / (1 + x(n−τ/δ)¹⁰) − 0.1·x(n))` with δ = 0.1 (`mackeyGlassStep`), kept
    /// every 10th step (`mackeyGlassSubsampling`), from the constant history x = 1.2 for t ≤ 0. The first
    /// `mackeyGlassTransient` samples are dropped, then `skip` more; `count` samples are returned. `x¹⁰` is
    /// `((x²)²)²·x²`, so an independent implementation can reproduce the values to the last bit.
    public static func mackeyGlassSeries(count: Int, tau: Int = 17, skip: Int = 0) -> [Double] {
        precondition(count >= 0 && tau >= 1 && skip >= 0, "mackey-glass: count \(count), tau \(tau), skip \(skip)")
        let delay = tau * mackeyGlassSubsampling
        let total = (mackeyGlassTransient + skip + count) * mackeyGlassSubsampling
        // history[k] is x at integration step k − delay; the first `delay + 1` entries are the constant history.
        var history = [Double](repeating: 1.2, count: delay + 1)
        history.reserveCapacity(delay + 1 + total)
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for n in 0..<total {
            let x = history[n + delay], lagged = history[n]
            let l2 = lagged * lagged, l4 = l2 * l2, l8 = l4 * l4
            let next = x + mackeyGlassStep * (0.2 * lagged / (1 + l8 * l2) - 0.1 * x)
            history.append(next)
            let sample = (n + 1) / mackeyGlassSubsampling - 1
            if (n + 1) % mackeyGlassSubsampling == 0, sample >= mackeyGlassTransient + skip { samples.append(next) }
        }
        return samples
    }

    /// One-step-ahead forecasting of the Mackey–Glass series (`mackeyGlassSeries`): `count` consecutive windows of
    /// `length` steps, one input per step (`x(t)`) and its target the next sample `x(t+1)`; window `i` starts at
    /// sample `skip + i·length`. The series is fixed, so no generator is used.
    public static func mackeyGlass(count: Int, length: Int, tau: Int = 17, skip: Int = 0) throws -> RegressionDataset {
        try checkCount(count, task: "mackey_glass")
        try checkLength(length...length, minimum: 1, task: "mackey_glass")
        guard tau >= 1 else { throw DataError("mackey_glass: tau must be at least 1, got \(tau)") }
        guard skip >= 0 else { throw DataError("mackey_glass: skip must be zero or positive, got \(skip)") }
        let (samples, overflow) = count.multipliedReportingOverflow(by: length)
        guard !overflow, samples <= 10_000_000 else {
            throw DataError("mackey_glass: \(count) windows of \(length) steps are more than 10,000,000 samples")
        }
        let series = mackeyGlassSeries(count: samples + 1, tau: tau, skip: skip)
        let examples = (0..<count).map { i in
            let start = i * length
            return RegressionExample(inputs: series[start..<(start + length)].map(Float.init), steps: length,
                                     targets: series[(start + 1)...(start + length)].map(Float.init))
        }
        return RegressionDataset(examples: examples, featureCount: 1, outputCount: 1, perStep: true)
    }
}
