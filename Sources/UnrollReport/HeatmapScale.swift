import Foundation
import UnrollRecord

/// How a heatmap's values map to shades and labels: values already in 0…1 (attention weights) are used as is,
/// others are normalised between the matrix's minimum and maximum.
public struct HeatmapScale: Equatable, Sendable {
    /// The value drawn lightest.
    public let minimum: Double
    /// The value drawn darkest.
    public let maximum: Double
    /// The digits after the point in cell labels (fewer for larger magnitudes; none for counts, whole numbers
    /// above 1 such as a confusion matrix).
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
        let counts = largest > 1 && finite.allSatisfy { $0 == $0.rounded() }
        decimals = counts || largest >= 100 ? 0 : (largest >= 10 ? 1 : 2)
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

    /// The number of shade steps cells are drawn with (0, 0.1, …, 1), so the page needs one CSS rule per step.
    public static let levelCount = 11

    /// The shade step of `value`, from 0 (lightest) to `levelCount − 1` (darkest); nil for non-finite values.
    public func level(of value: Double) -> Int? {
        shade(of: value).map { Int(($0 * Double(HeatmapScale.levelCount - 1)).rounded()) }
    }

    /// The columns holding the largest finite value of `row` (all of them on a tie); empty when none is finite.
    public static func maximumColumns(of row: [Double]) -> [Int] {
        guard let largest = row.filter(\.isFinite).max() else { return [] }
        return row.indices.filter { row[$0] == largest }
    }

    /// The text colour for a cell of `shade`: black or white, whichever contrasts more with the background
    /// (WCAG relative luminance; the crossing point 0.179 keeps the contrast at 4.5:1 or more on every shade).
    public static func textColor(forShade shade: Double) -> String {
        relativeLuminance(color(forShade: shade)) > 0.179 ? "#000000" : "#ffffff"
    }

    /// The WCAG relative luminance of a `#rrggbb` colour.
    static func relativeLuminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        precondition(digits.count == 6, "expected a #rrggbb colour, got '\(hex)'")
        func linear(_ index: Int) -> Double {
            let byte = Int(String(digits[index..<(index + 2)]), radix: 16) ?? 0
            let value = Double(byte) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(0) + 0.7152 * linear(2) + 0.0722 * linear(4)
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
