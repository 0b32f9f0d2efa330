/// Where a train/test split falls, with the checks that turn a bad fraction into a `DataError`.
enum SplitPoint {
    /// `round(fraction · total)`, checked to leave at least `minimumPart` items on each side.
    static func count(fraction: Double, total: Int, minimumPart: Int = 1, what: String = "examples",
                      name: String? = nil) throws -> Int {
        guard fraction.isFinite, fraction > 0, fraction < 1 else {
            throw DataError("split fraction must be between 0 and 1 (exclusive), got \(fraction)", file: name)
        }
        let cut = Int((fraction * Double(total)).rounded())
        guard cut >= minimumPart, total - cut >= minimumPart else {
            let short = minimumPart == 1 ? "an empty part" : "a part with fewer than \(minimumPart) \(what)"
            throw DataError("splitting \(total) \(what) at \(fraction) leaves \(short); "
                + "use more data or a fraction nearer 0.5", file: name)
        }
        return cut
    }
}
