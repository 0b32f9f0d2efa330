import UnrollTensor

extension SyntheticTasks {
    /// The adding problem (Hochreiter & Schmidhuber, 1997): a many-to-one regression over sequences of two
    /// features per step, a value uniform in [0, 1) and a marker that is 1 at exactly two steps and 0
    /// elsewhere; the target is the sum of the two marked values.
    ///
    /// The first marked step is drawn from the first half of the sequence (`0..<T/2`) and the second from the
    /// rest (`T/2..<T`), so the two values are on average `T/2` steps apart. Lengths are drawn uniformly from
    /// `length` (at least 2).
    public static func adding(count: Int, length: ClosedRange<Int>, rng: inout RandomGenerator) throws
        -> RegressionDataset {
        try checkCount(count, task: "adding")
        try checkLength(length, minimum: 2, task: "adding")
        try checkMemory(task: "adding", count: count, longest: length.upperBound)
        var examples: [RegressionExample] = []
        examples.reserveCapacity(count)
        for _ in 0..<count {
            let steps = drawLength(length, rng: &rng)
            var inputs = [Float](repeating: 0, count: steps * 2)
            for t in 0..<steps { inputs[2 * t] = rng.nextUnitFloat() }
            let half = steps / 2
            let first = rng.nextInt(below: half)
            let second = half + rng.nextInt(below: steps - half)
            inputs[2 * first + 1] = 1
            inputs[2 * second + 1] = 1
            examples.append(RegressionExample(inputs: inputs, steps: steps,
                                              targets: [inputs[2 * first] + inputs[2 * second]]))
        }
        return RegressionDataset(examples: examples, featureCount: 2, outputCount: 1, perStep: false)
    }

    /// The adding problem with every sequence `length` steps long.
    public static func adding(count: Int, length: Int, rng: inout RandomGenerator) throws -> RegressionDataset {
        try adding(count: count, length: length...length, rng: &rng)
    }
}
