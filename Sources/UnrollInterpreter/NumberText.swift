/// Numbers as `print`, `str` and messages show them: locale-free, at most six significant digits, the same
/// way the reports write numbers (`0.000123`, `1234.57`, `40`, `1.5e-7`, `2e+20`).
enum NumberText {
    /// `value` with `digits` significant digits and no trailing zeros: positional from 1e-4 up to 1e15 (whole
    /// numbers keep all their digits), scientific outside; `nan`, `inf` and `-inf` for the non-finite.
    static func format(_ value: Double, digits: Int = 6) -> String {
        precondition((1...17).contains(digits), "number text: \(digits) significant digits; expected 1...17")
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        let exponent = decimalExponent(value.magnitude)
        if exponent >= -4 && exponent < 15 {
            return fixed(value, decimals: max(0, digits - 1 - exponent))
        }
        var e = exponent
        var mantissa = fixed(value / power(e), decimals: digits - 1)
        if mantissa.hasPrefix("10") || mantissa.hasPrefix("-10") {
            e += 1
            mantissa = fixed(value / power(e), decimals: digits - 1)
        }
        return mantissa + "e" + (e < 0 ? "-" : "+") + String(e.magnitude)
    }

    /// `value` rounded half away from zero to `decimals` places, without trailing zeros or a bare point.
    private static func fixed(_ value: Double, decimals: Int) -> String {
        let scaled = (value.magnitude * power(decimals)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        var digits = String(UInt64(scaled))
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        if digits == "0" { return "0" }
        return (value < 0 ? "-" : "") + digits
    }

    /// ⌊log10(x)⌋ for a positive finite `x`, counted by repeated scaling so that powers of ten are exact.
    private static func decimalExponent(_ x: Double) -> Int {
        var e = 0, probe = x
        while probe >= 10 { probe /= 10; e += 1 }
        while probe < 1 { probe *= 10; e -= 1 }
        return e
    }

    /// 10 to the power `e`, by repeated multiplication (exact while the result is a double).
    private static func power(_ e: Int) -> Double {
        var result = 1.0
        for _ in 0..<e.magnitude { result *= 10 }
        return e < 0 ? 1 / result : result
    }
}
