/// Chooses which points of a long series to list in a Markdown table: all of them up to a limit, otherwise
/// evenly spaced indices that always include the first and the last.
public enum SeriesSampling {
    /// Increasing indices into `0..<count`, at most `limit` of them (limit at least 2).
    public static func indices(count: Int, limit: Int = 20) -> [Int] {
        precondition(count >= 0 && limit >= 2, "sampling needs count >= 0 and limit >= 2; got count \(count), limit \(limit)")
        guard count > limit else { return Array(0..<count) }
        let intervals = limit - 1
        return (0...intervals).map { k in (k * (count - 1) + intervals / 2) / intervals }
    }
}
