import Foundation
import UnrollRecord

/// How one value came out of a statistical check: both samples, the test made and whether the value regressed.
public struct SeedVerdict: Equatable, Sendable {
    /// How the two samples were compared.
    public enum Basis: Equatable, Sendable {
        /// Welch's t-test, with the Holm-adjusted p-value over the notebook's tested values.
        case welch(WelchTest, adjustedP: Double)
        /// Both spreads are zero: the means are compared within the tolerance.
        case zeroSpread
        /// A value is NaN or infinite: the samples must hold the same numbers seed by seed.
        case notFinite
        /// The value is in the baseline's statistics but not in this run.
        case missing
        /// The value is in this run but not in the baseline's statistics (a note).
        case added
    }

    /// The baseline's sample; nil for an added value.
    public var baseline: SeedSample?
    /// This run's sample; nil for a missing value.
    public var actual: SeedSample?
    /// How they were compared.
    public var basis: Basis
    /// The tolerance of the value's cell (used when both spreads are zero).
    public var tolerance: Tolerance
    /// The level the adjusted p-values are held to.
    public var alpha: Double
    /// Whether the value is a regression.
    public var regressed: Bool
    /// Later values whose samples repeat this one's number for number on both sides (a `plot` of a history a
    /// `fit` recorded), reported and tested once, here; their baseline samples.
    public var alsoIn: [SeedSample] = []

    /// The value's key, `cell/value`.
    public var key: String { (baseline ?? actual)!.key }

    /// What the report says about the value: the verdict, both means and spreads, and the p-value or tolerance.
    public var detail: String {
        let key = self.key
        switch basis {
        case .missing: return "\(key): the value is gone (baseline \(describe(baseline!)))"
        case .added: return "\(key): note: new value \(describe(actual!)), not in the baseline's seed statistics"
        case .notFinite:
            let verdict = regressed ? "the values differ" : "consistent"
            return "\(key): \(verdict) (not every value is finite): baseline \(list(baseline!)), this run \(list(actual!))"
        case .zeroSpread:
            let (b, a) = (baseline!, actual!)
            let rtol = Finding.format(tolerance.relative)
            let abs = Swift.abs(a.mean - b.mean), rel = abs / Swift.abs(b.mean)
            let verdict = regressed ? "the means differ beyond rtol \(rtol) (both spreads zero)"
                : "consistent (both spreads zero, within rtol \(rtol))"
            return "\(key): \(verdict): baseline \(describe(b)), this run \(describe(a)); "
                + "abs diff \(Finding.format(abs)), rel diff \(Finding.format(rel))"
        case .welch(let test, let adjusted):
            let verdict = regressed ? "the means differ" : "consistent"
            let comparison = regressed ? "<=" : ">"
            return "\(key): \(verdict): baseline \(describe(baseline!)), this run \(describe(actual!)); "
                + "Welch p = \(Finding.format(test.pValue)), Holm-adjusted \(Finding.format(adjusted)) "
                + "\(comparison) alpha \(Finding.format(alpha))"
        }
    }

    /// `mean M (sd S, K seeds)`.
    private func describe(_ sample: SeedSample) -> String {
        "mean \(SeedVerdict.number(sample.mean)) (sd \(Finding.format(sample.standardDeviation)), "
            + "\(sample.values.count) seeds)"
    }

    /// The values seed by seed, `[v1, v2, …]`.
    private func list(_ sample: SeedSample) -> String {
        "[" + sample.values.map(SeedVerdict.number).joined(separator: ", ") + "]"
    }

    /// A mean with six significant digits (`0.512345`, `1.5e-07`, `nan`, `inf`).
    static func number(_ value: Double) -> String {
        value.isFinite ? String(format: "%.6g", value) : Finding.format(value)
    }
}
