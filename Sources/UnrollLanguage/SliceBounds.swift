/// The items a slice `lower...upper` takes from something with `count` items, both ends included; a
/// negative end counts from the end (`-1` is the last item), as an index does.
public struct SliceBounds: Equatable, Sendable {
    /// The first item taken, counted from 0.
    public var lower: Int
    /// The last item taken, counted from 0.
    public var upper: Int

    /// Whether `lower...upper` counts its first end from the front and its last from the end (`1...-1`: all but the
    /// first item), which as a range literal would be empty but as a slice is not.
    public static func countsFromBothEnds(lower: Int, upper: Int) -> Bool { lower >= 0 && upper < 0 }

    /// The bounds, or nil when either end lies outside the items or the slice runs backwards.
    public init?(lower: Int, upper: Int, count: Int) {
        let a = lower < 0 ? count + lower : lower, b = upper < 0 ? count + upper : upper
        guard a >= 0, b < count, a <= b else { return nil }
        self.lower = a
        self.upper = b
    }
}
