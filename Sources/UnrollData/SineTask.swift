#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UnrollTensor

extension SyntheticTasks {
    /// The range of sine frequencies, in cycles per step (periods of 10 to 40 steps).
    public static let sineFrequencies: ClosedRange<Float> = 0.025...0.1

    /// Next-value prediction on sine waves: per-step regression with one input and one output.
    ///
    /// Each example draws a frequency `f` uniformly from `sineFrequencies` (cycles per step) and a phase `φ`
    /// uniformly from [0, 2π); with `x(t) = sin(2π f t + φ)`, the input at step `t` is
    /// `x(t) + noise · n(t)` with `n(t)` standard normal, and the target is the noise-free next value
    /// `x(t + 1)`, so a perfect model reaches zero error whatever the noise. Lengths come from `length`.
    public static func sine(count: Int, length: ClosedRange<Int>, noise: Float = 0,
                            rng: inout RandomGenerator) throws -> RegressionDataset {
        try checkCount(count, task: "sine")
        try checkLength(length, minimum: 1, task: "sine")
        try checkMemory(task: "sine", count: count, longest: length.upperBound)
        guard noise.isFinite, noise >= 0 else {
            throw DataError("sine: noise must be zero or positive, got \(noise)")
        }
        var examples: [RegressionExample] = []
        examples.reserveCapacity(count)
        for _ in 0..<count {
            let steps = drawLength(length, rng: &rng)
            let frequency = Double(rng.uniform(sineFrequencies.lowerBound, sineFrequencies.upperBound))
            let phase = Double(rng.uniform(0, 1)) * 2 * Double.pi
            func wave(_ t: Int) -> Float { Float(sin(2 * Double.pi * frequency * Double(t) + phase)) }
            var inputs = [Float](repeating: 0, count: steps)
            var targets = [Float](repeating: 0, count: steps)
            for t in 0..<steps {
                inputs[t] = wave(t) + (noise > 0 ? noise * rng.normal() : 0)
                targets[t] = wave(t + 1)
            }
            examples.append(RegressionExample(inputs: inputs, steps: steps, targets: targets))
        }
        return RegressionDataset(examples: examples, featureCount: 1, outputCount: 1, perStep: true)
    }

    /// Sine next-value prediction with every sequence `length` steps long.
    public static func sine(count: Int, length: Int, noise: Float = 0,
                            rng: inout RandomGenerator) throws -> RegressionDataset {
        try sine(count: count, length: length...length, noise: noise, rng: &rng)
    }
}
