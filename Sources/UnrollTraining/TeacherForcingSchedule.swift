#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How often the decoder is fed the true previous token while training, epoch by epoch.
///
/// A constant ratio is plain teacher forcing (1 = always the truth); a ratio that falls from `start` to
/// `end` over the epochs of a fit is scheduled sampling (Bengio et al., 2015), in one of their three decays.
public struct TeacherForcingSchedule: Equatable, Sendable {
    /// How the ratio moves from `start` to `end`.
    public enum Decay: String, CaseIterable, Sendable {
        /// Straight line from `start` at the first epoch to `end` at the last.
        case linear
        /// `start · k^(e−1)` with `k` chosen so that the last epoch reaches `end` (never below `end`).
        case exponential
        /// Bengio et al.'s inverse sigmoid `k / (k + exp(e / k))`: slow at first, then fast; rescaled to run
        /// from `start` to `end`.
        case inverseSigmoid = "inverse_sigmoid"
    }

    /// The ratio of the first epoch.
    public var start: Double
    /// The ratio of the last epoch.
    public var end: Double
    /// The curve between them.
    public var decay: Decay

    /// A schedule from `start` to `end` (the same value gives a constant ratio).
    public init(start: Double, end: Double? = nil, decay: Decay = .linear) {
        precondition((0...1).contains(start), "teacher forcing: start ratio \(start) is outside [0, 1]")
        precondition((0...1).contains(end ?? start), "teacher forcing: end ratio \(end ?? start) is outside [0, 1]")
        self.start = start
        self.end = end ?? start
        self.decay = decay
    }

    /// The ratio at 1-based `epoch` of `epochs`.
    public func ratio(epoch: Int, of epochs: Int) -> Double {
        guard epochs > 1, start != end else { return start }
        let progress = Double(min(max(epoch, 1), epochs) - 1) / Double(epochs - 1)
        switch decay {
        case .linear:
            return start + (end - start) * progress
        case .exponential:
            // Geometric interpolation needs positive ends; a zero end is approached from a small floor.
            let lo = max(min(start, end), 1e-3), hi = max(start, end)
            let value = start >= end ? hi * pow(lo / hi, progress) : lo * pow(hi / lo, progress)
            return min(max(value, min(start, end)), max(start, end))
        case .inverseSigmoid:
            // k / (k + exp(x / k)) with k = 10 over x in [0, 2 k ln k], an S-curve centred at k ln k: flat at
            // first, steepest mid-way; rescaled so that progress 0 gives `start` and 1 gives `end`.
            let k = 10.0, span = 2 * k * log(k)
            let curve = { (x: Double) in k / (k + exp(x / k)) }
            let first = curve(0), last = curve(span)
            let shape = (curve(span * progress) - last) / (first - last)
            return end + (start - end) * shape
        }
    }
}
