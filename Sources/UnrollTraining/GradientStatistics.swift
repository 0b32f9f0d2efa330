/// What the gradients of one training epoch looked like: their global norm before clipping and how often
/// clipping changed them.
public struct GradientStatistics: Equatable, Sendable {
    /// The mean over the epoch's batches of the global L2 norm of all gradients, measured after backward and
    /// before any clipping (non-finite when a batch's gradients were).
    public var meanNorm: Double
    /// The largest of those per-batch norms.
    public var maxNorm: Double
    /// The fraction of the epoch's batches whose gradients clipping changed: scaled by `clip` (norm above the
    /// limit) or with an element clamped by `clip_value`; 0 without clipping.
    public var clippedFraction: Double

    /// Statistics from their parts.
    public init(meanNorm: Double, maxNorm: Double, clippedFraction: Double) {
        self.meanNorm = meanNorm
        self.maxNorm = maxNorm
        self.clippedFraction = clippedFraction
    }

    /// The statistics of an epoch whose batches had global norms `norms`, `clipped` of them clipped; all NaN for
    /// an epoch without batches (whose loss is NaN too).
    public init(norms: [Double], clipped: Int) {
        guard !norms.isEmpty else {
            self.init(meanNorm: .nan, maxNorm: .nan, clippedFraction: .nan)
            return
        }
        var sum = 0.0, largest = -Double.infinity
        for norm in norms {
            sum += norm
            largest = norm.isNaN || largest.isNaN ? .nan : max(largest, norm)
        }
        self.init(meanNorm: sum / Double(norms.count), maxNorm: largest,
                  clippedFraction: Double(clipped) / Double(norms.count))
    }

    /// The names of the per-epoch gradient series a history offers, in a fixed order.
    public static let seriesNames = ["grad_norm", "grad_norm_max", "clipped"]

    /// The value of series `name` (one of `seriesNames`), or nil for another name.
    public func value(_ name: String) -> Double? {
        switch name {
        case "grad_norm": return meanNorm
        case "grad_norm_max": return maxNorm
        case "clipped": return clippedFraction
        default: return nil
        }
    }
}
