import UnrollRecord

/// Welch's two-sample t-test for equal means without assuming equal variances (what SciPy's
/// `ttest_ind(a, b, equal_var=False)` computes), with the Welch–Satterthwaite degrees of freedom.
public struct WelchTest: Equatable, Sendable {
    /// t = (mean(a) − mean(b)) / √(s²_a/n_a + s²_b/n_b).
    public var t: Double
    /// ν = (s²_a/n_a + s²_b/n_b)² / ((s²_a/n_a)²/(n_a−1) + (s²_b/n_b)²/(n_b−1)).
    public var degreesOfFreedom: Double
    /// The two-sided p-value P(|T_ν| ≥ |t|).
    public var pValue: Double

    /// The test of samples with these means, sample standard deviations and sizes (each at least 2); nil
    /// when both spreads are zero (no test is defined) or a number is not finite.
    public init?(meanA: Double, sdA: Double, countA: Int, meanB: Double, sdB: Double, countB: Int) {
        guard countA >= 2, countB >= 2, [meanA, sdA, meanB, sdB].allSatisfy(\.isFinite) else { return nil }
        let va = sdA * sdA / Double(countA), vb = sdB * sdB / Double(countB)
        let variance = va + vb
        guard variance > 0 else { return nil }
        t = (meanA - meanB) / variance.squareRoot()
        degreesOfFreedom = variance * variance / (va * va / Double(countA - 1) + vb * vb / Double(countB - 1))
        pValue = StudentT.twoSidedTail(t, degreesOfFreedom: degreesOfFreedom)
    }

    /// The test of two seed samples (each of at least two values).
    public init?(_ a: SeedSample, _ b: SeedSample) {
        self.init(meanA: a.mean, sdA: a.standardDeviation, countA: a.values.count,
                  meanB: b.mean, sdB: b.standardDeviation, countB: b.values.count)
    }
}
