#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the learning rate changes from epoch to epoch, after PyTorch's `StepLR`, `CosineAnnealingLR` and
/// `ReduceLROnPlateau`; the trainer asks for each epoch's rate before the epoch and reports the watched metric
/// after it.
public struct LearningRateSchedule: Equatable, Sendable {
    /// The rule.
    public enum Kind: Equatable, Sendable {
        /// `base · factor^⌊(epoch − 1) / every⌋` (StepLR).
        case step(every: Int, factor: Double)
        /// `minimum + (base − minimum) · (1 + cos(π · (epoch − 1) / period)) / 2`, with `period` the fit's epochs
        /// when nil (CosineAnnealingLR); past the period it stays at `minimum`.
        case cosine(minimum: Double, period: Int?)
        /// Multiplies the rate by `factor` (not below `minimum`) once the watched metric has not improved by a
        /// relative 1e-4 for more than `patience` epochs, then starts counting again (ReduceLROnPlateau, mode min).
        case plateau(patience: Int, factor: Double, minimum: Double)
    }

    /// The rule.
    public let kind: Kind
    /// The plateau rule's current rate, best value and epochs without improvement.
    private var current: Double?
    private var best = Double.infinity
    private var badEpochs = 0

    /// A schedule following `kind`.
    public init(_ kind: Kind) { self.kind = kind }

    /// The learning rate of `epoch` (1-based) of `epochs`, starting from `base`.
    public mutating func rate(epoch: Int, of epochs: Int, base: Double) -> Double {
        switch kind {
        case .step(let every, let factor):
            return base * pow(factor, Double((epoch - 1) / max(every, 1)))
        case .cosine(let minimum, let period):
            let length = max(period ?? epochs, 1)
            let t = Double(min(epoch - 1, length))
            return minimum + (base - minimum) * (1 + cos(Double.pi * t / Double(length))) / 2
        case .plateau:
            if current == nil { current = base }
            return current!
        }
    }

    /// Tells the schedule the watched metric at the end of an epoch; lower is better unless `maximizes`.
    public mutating func observe(_ value: Double, maximizes: Bool = false) {
        guard case .plateau(let patience, let factor, let minimum) = kind, let rate = current else { return }
        let better = maximizes ? (best.isInfinite || value > best * (1 + 1e-4)) : value < best * (1 - 1e-4)
        if better {
            best = value
            badEpochs = 0
        } else {
            badEpochs += 1
        }
        if badEpochs > patience {
            let reduced = max(rate * factor, minimum)
            if rate - reduced > 1e-8 { current = reduced }
            badEpochs = 0
        }
    }
}
