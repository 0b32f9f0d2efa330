/// Sizes worked out from user-given numbers before anything is allocated: sums and products that are nil
/// when a term is nil or the result does not fit in an `Int`, so an estimate never traps.
public enum CheckedSize {
    /// The product of `factors`, nil when one is nil or it overflows.
    public static func product(_ factors: [Int?]) -> Int? {
        var result = 1
        for factor in factors {
            guard let factor else { return nil }
            let (value, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// The sum of `terms`, nil when one is nil or it overflows.
    public static func sum(_ terms: [Int?]) -> Int? {
        var result = 0
        for term in terms {
            guard let term else { return nil }
            let (value, overflow) = result.addingReportingOverflow(term)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// `base` to the power `exponent` (≥ 0), nil on overflow.
    public static func power(_ base: Int, _ exponent: Int) -> Int? {
        var result = 1
        for _ in 0..<max(0, exponent) {
            guard let next = product([result, base]) else { return nil }
            result = next
            if result == 0 || result == 1 { break }
        }
        return result
    }
}
