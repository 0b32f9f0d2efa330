#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One axis of a plot: the range of data values it spans, where its ticks are and what they read, and how a
/// value maps to a position (linearly, or by its logarithm).
public struct AxisScale: Equatable, Sendable {
    /// The data value at the start of the axis.
    public let lower: Double
    /// The data value at the end of the axis.
    public let upper: Double
    /// The tick values, increasing.
    public let ticks: [Double]
    /// The label of each tick.
    public let labels: [String]
    /// Whether positions follow the logarithm of values.
    public let isLogarithmic: Bool

    /// A linear axis rounded out to the nice ticks around `minimum...maximum` (a value axis).
    public static func rounded(minimum: Double, maximum: Double, targetTickCount: Int) -> AxisScale {
        let nice = NiceScale(minimum: minimum, maximum: maximum, targetTickCount: targetTickCount)
        return AxisScale(lower: nice.lower, upper: nice.upper, ticks: nice.ticks, labels: nice.ticks.map(nice.label),
                         isLogarithmic: false)
    }

    /// A linear axis that starts and ends where the data does (epoch 1, not 0): the nice ticks inside
    /// `minimum...maximum`, with whole-number steps when every value is whole, plus a tick at the start when it
    /// is not one already (the nice tick right after it is left out when the two would crowd each other).
    public static func tight(minimum: Double, maximum: Double, targetTickCount: Int, wholeNumbers: Bool) -> AxisScale {
        var nice = NiceScale(minimum: minimum, maximum: maximum, targetTickCount: targetTickCount)
        if wholeNumbers && nice.exponent < 0 {
            nice = NiceScale(minimum: minimum, maximum: max(maximum, minimum + Double(targetTickCount)), targetTickCount: targetTickCount)
        }
        guard maximum > minimum else { return rounded(minimum: minimum, maximum: maximum, targetTickCount: targetTickCount) }
        let slack = nice.step * 1e-9
        var ticks = nice.ticks.filter { $0 >= minimum - slack && $0 <= maximum + slack }
        var labels = ticks.map(nice.label)
        if ticks.first.map({ $0 - minimum > slack }) ?? true {
            if let first = ticks.first, first - minimum < nice.step / 4 {
                ticks.removeFirst()
                labels.removeFirst()
            }
            ticks.insert(minimum, at: 0)
            labels.insert(NumberFormat.significant(minimum, digits: 4), at: 0)
        }
        return AxisScale(lower: minimum, upper: maximum, ticks: ticks, labels: labels, isLogarithmic: false)
    }

    /// A logarithmic axis over the whole decades around `minimum...maximum` (both positive): a tick at each
    /// power of ten (every second or third one when there are many), and at 2 and 5 times each power of ten
    /// when the axis spans at most two decades.
    public static func logarithmic(minimum: Double, maximum: Double) -> AxisScale {
        precondition(minimum > 0 && minimum.isFinite && maximum.isFinite && minimum <= maximum,
                     "a logarithmic axis needs positive finite bounds; got \(minimum)...\(maximum)")
        var low = NumberFormat.decimalExponent(of: minimum)
        var high = NumberFormat.decimalExponent(of: maximum)
        if NumberFormat.powerOfTen(high) < maximum { high += 1 }
        if high == low {
            low -= NumberFormat.powerOfTen(low) == minimum ? 1 : 0
            high = max(high, low + 1)
        }
        let decades = high - low
        let every = decades <= 8 ? 1 : (decades + 7) / 8
        var ticks: [Double] = []
        for exponent in stride(from: low, through: high, by: every) {
            let decade = NumberFormat.powerOfTen(exponent)
            ticks.append(decade)
            if decades <= 2 && exponent < high { ticks += [2 * decade, 5 * decade] }
        }
        return AxisScale(lower: NumberFormat.powerOfTen(low), upper: NumberFormat.powerOfTen(high), ticks: ticks,
                         labels: ticks.map(logLabel), isLogarithmic: true)
    }

    /// A tick label of a logarithmic axis (1, 2 or 5 times a power of ten): positional from 0.0001 to 500000
    /// (`0.01`, `50`), else `1e-6`, `2e+7`.
    private static func logLabel(_ value: Double) -> String {
        let exponent = NumberFormat.decimalExponent(of: value)
        if (-4...5).contains(exponent) { return NumberFormat.significant(value, digits: 3) }
        let mantissa = NumberFormat.fixed(value / NumberFormat.powerOfTen(exponent), decimals: 0)
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + "\(exponent.magnitude)"
    }

    /// The position of `value` on the axis, 0 at `lower` and 1 at `upper`.
    public func fraction(of value: Double) -> Double {
        if isLogarithmic { return (log10(value) - log10(lower)) / (log10(upper) - log10(lower)) }
        return (value - lower) / (upper - lower)
    }

    /// Whether `value` can be drawn on the axis: finite, and positive on a logarithmic one.
    public func canShow(_ value: Double) -> Bool {
        value.isFinite && (!isLogarithmic || value > 0)
    }
}
