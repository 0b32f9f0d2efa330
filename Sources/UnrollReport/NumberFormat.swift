/// Locale-free, deterministic number formatting for reports: fixed decimals for coordinates and tick labels,
/// significant digits for values shown to readers.
public enum NumberFormat {
    /// How non-finite numbers are shown (the same words the run record uses).
    public static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
    }

    /// `value` rounded half away from zero to `decimals` digits after the point (`fixed(2.5, 2)` is
    /// `"2.50"`); negative zero is written without a sign.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        precondition((0...17).contains(decimals), "fixed-point formatting asked for \(decimals) decimals; expected 0...17")
        guard value.isFinite else { return nonFinite(value) }
        let scaled = (value.magnitude * powerOfTen(decimals)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return "\(value)" }
        var digits = String(UInt64(scaled))
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// `value` with at most `decimals` digits after the point and trailing zeros removed (`12.50` is `"12.5"`),
    /// used for SVG coordinates.
    public static func compact(_ value: Double, decimals: Int = 2) -> String {
        trimZeros(fixed(value, decimals: decimals))
    }

    /// `value` to `digits` significant digits without trailing zeros: positional between 1e-4 and 1e15
    /// (`0.000123`, `1234.57`, `40`), otherwise scientific (`1.5e-7`, `2e+20`).
    public static func significant(_ value: Double, digits: Int = 6) -> String {
        precondition((1...17).contains(digits), "significant-digit formatting asked for \(digits) digits; expected 1...17")
        guard value.isFinite else { return nonFinite(value) }
        if value == 0 { return "0" }
        var exponent = decimalExponent(of: value.magnitude)
        if exponent >= -4 && exponent < 15 {
            return trimZeros(fixed(value, decimals: max(0, min(17, digits - 1 - exponent))))
        }
        var mantissa = value / powerOfTen(exponent)
        guard mantissa.isFinite, mantissa != 0 else { return "\(value)" }
        var text = trimZeros(fixed(mantissa, decimals: digits - 1))
        if text.hasPrefix("10") || text.hasPrefix("-10") {
            exponent += 1
            mantissa = value / powerOfTen(exponent)
            text = trimZeros(fixed(mantissa, decimals: digits - 1))
        }
        return text + "e" + (exponent < 0 ? "-" : "+") + "\(exponent.magnitude)"
    }

    /// ⌊log10(value)⌋ for a positive finite value, found by scaling so that exact powers of ten land on
    /// their exponent.
    static func decimalExponent(of value: Double) -> Int {
        precondition(value > 0 && value.isFinite, "decimal exponent needs a positive finite value; got \(value)")
        var exponent = 0
        var probe = value
        if probe >= 1 {
            while probe >= 10 { probe /= 10; exponent += 1 }
        } else {
            while probe < 1 { probe *= 10; exponent -= 1 }
        }
        return exponent
    }

    /// 10 raised to `exponent`, exact for exponents whose power of ten is a double.
    static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 {
            for _ in 0..<exponent { result *= 10 }
        } else {
            for _ in 0..<(-exponent) { result *= 10 }
            result = 1 / result
        }
        return result
    }

    /// `text` without trailing zeros after a decimal point, and without the point if nothing follows it.
    private static func trimZeros(_ text: String) -> String {
        guard text.contains("."), !text.contains("e") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return result == "-0" ? "0" : String(result)
    }
}
