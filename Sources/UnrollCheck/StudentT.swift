/// Student's t distribution with real degrees of freedom, through the regularized incomplete beta function.
public enum StudentT {
    /// P(|T| ≥ |t|) for T with `degreesOfFreedom` (> 0): I_{ν/(ν+t²)}(ν/2, 1/2); 1 at t = 0, NaN for bad input.
    public static func twoSidedTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return 0 }
        return min(1, IncompleteBeta.regularized(nu / (nu + t * t), a: nu / 2, b: 0.5))
    }

    /// P(T ≤ t), the cumulative distribution function.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let tail = twoSidedTail(t, degreesOfFreedom: nu) / 2
        return t >= 0 ? 1 - tail : tail
    }
}
