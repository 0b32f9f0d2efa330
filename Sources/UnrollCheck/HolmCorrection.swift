/// The Holm–Bonferroni step-down correction of a family of p-values, which keeps the chance of any false
/// rejection in the family at most α.
public enum HolmCorrection {
    /// The adjusted p-values, in the input order: with p sorted ascending (ties in input order) as p₍₁₎ ≤ … ≤ p₍ₘ₎,
    /// the adjusted p₍ᵢ₎ is max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎). A hypothesis is rejected at level α
    /// exactly when its adjusted p-value is ≤ α (the same decisions as stepping down through α/(m − i + 1)).
    /// A NaN p-value is treated as 1.
    public static func adjusted(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let p = pValues.map { $0.isNaN ? 1 : min(1, max(0, $0)) }
        let order = p.indices.sorted { p[$0] < p[$1] || (p[$0] == p[$1] && $0 < $1) }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * p[index]))
            adjusted[index] = running
        }
        return adjusted
    }

    /// Which hypotheses are rejected at level `alpha`, in the input order.
    public static func rejected(_ pValues: [Double], alpha: Double) -> [Bool] {
        adjusted(pValues).map { $0 <= alpha }
    }
}
