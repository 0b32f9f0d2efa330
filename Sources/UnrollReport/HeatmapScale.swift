import UnrollRecord

/// How a heatmap's values map to shades and labels: values already in 0…1 (attention weights) are used as is,
/// others are normalised between the matrix's minimum and maximum.
public struct HeatmapScale: Equatable, Sendable {
    /// The value drawn lightest.
    public let minimum: Double
    /// The value drawn darkest.
    public let maximum: Double
    /// The digits after the point in cell labels (fewer for larger magnitudes).
    public let decimals: Int

    /// The scale for `heatmap`'s finite values.
    public init(_ heatmap: HeatmapOutput) {
        let finite = heatmap.values.joined().filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        if low >= 0 && high <= 1 {
            minimum = 0
            maximum = 1
        } else {
            minimum = low
            maximum = high
        }
        let largest = finite.map(\.magnitude).max() ?? 0
        decimals = largest >= 100 ? 0 : (largest >= 10 ? 1 : 2)
    }

    /// The darkness of `value` from 0 (lightest) to 1 (darkest); nil for non-finite values.
    public func shade(of value: Double) -> Double? {
        guard value.isFinite else { return nil }
        guard maximum > minimum else { return 0 }
        return min(1, max(0, (value - minimum) / (maximum - minimum)))
    }

    /// The printed form of `value`.
    public func label(_ value: Double) -> String {
        NumberFormat.fixed(value, decimals: decimals)
    }

    /// The background colour for a shade: white to dark blue, each channel falling, so that lightness alone
    /// carries the value in grey-scale print.
    public static func color(forShade shade: Double) -> String {
        let light = (255.0, 255.0, 255.0), dark = (8.0, 48.0, 107.0)
        func channel(_ a: Double, _ b: Double) -> String {
            let value = Int((a + (b - a) * shade).rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[value / 16], digits[value % 16]])
        }
        return "#" + channel(light.0, dark.0) + channel(light.1, dark.1) + channel(light.2, dark.2)
    }
}
