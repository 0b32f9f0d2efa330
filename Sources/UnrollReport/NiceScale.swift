/// An axis range rounded out to "nice" tick steps (1, 2 or 5 times a power of ten), with its tick values and
/// their labels.
public struct NiceScale: Equatable, Sendable {
    /// The lowest tick, at or below the data minimum.
    public let lower: Double
    /// The highest tick, at or above the data maximum.
    public let upper: Double
    /// The distance between ticks: 1, 2 or 5 times 10^`exponent`.
    public let step: Double
    /// The leading digit of the step: 1, 2 or 5.
    public let stepMantissa: Int
    /// The power of ten of the step.
    public let exponent: Int
    /// The tick values from `lower` to `upper`.
    public let ticks: [Double]

    /// A scale covering `minimum...maximum` with about `targetTickCount` intervals; equal (or nearly equal)
    /// bounds are widened around the value (by 10% of it, or by 1 around zero), and bounds beyond ±1e300 are
    /// clamped so that the span stays finite.
    public init(minimum: Double, maximum: Double, targetTickCount: Int = 5) {
        precondition(
            minimum.isFinite && maximum.isFinite && minimum <= maximum,
            "nice scale needs finite bounds with minimum <= maximum; got \(minimum)...\(maximum)")
        precondition(targetTickCount >= 1, "nice scale needs at least one interval; got \(targetTickCount)")
        var low = max(minimum, -1e300), high = min(maximum, 1e300)
        let center = low / 2 + high / 2
        if high - low <= center.magnitude * 1e-12 || high - low < 1e-290 {
            let pad = center.magnitude < 1e-290 ? 1 : center.magnitude * 0.1
            low = center - pad
            high = center + pad
        }
        let rough = (high - low) / Double(targetTickCount)
        var exponent = NumberFormat.decimalExponent(of: rough)
        let fraction = rough / NumberFormat.powerOfTen(exponent)
        // The allowance keeps rounding noise (0.6000000000000001 / 6) from bumping the step to the next size.
        let fuzz = 1e-9
        var mantissa: Int
        if fraction <= 1 + fuzz {
            mantissa = 1
        } else if fraction <= 2 + fuzz {
            mantissa = 2
        } else if fraction <= 5 + fuzz {
            mantissa = 5
        } else {
            mantissa = 1
            exponent += 1
        }
        let step = Double(mantissa) * NumberFormat.powerOfTen(exponent)
        // A small allowance keeps values like 0.3 / 0.1 = 2.9999999999999996 on their tick.
        let slack = 1e-9
        let first = Int((low / step + slack).rounded(.down))
        let last = Int((high / step - slack).rounded(.up))
        self.stepMantissa = mantissa
        self.exponent = exponent
        self.step = step
        self.ticks = (first...max(first + 1, last)).map { NiceScale.tickValue(index: $0, mantissa: mantissa, exponent: exponent) }
        self.lower = ticks.first!
        self.upper = ticks.last!
    }

    /// The tick `index × mantissa × 10^exponent`, computed so that decimal ticks are as exact as doubles allow
    /// (dividing by an exact power of ten instead of multiplying by an inexact one).
    private static func tickValue(index: Int, mantissa: Int, exponent: Int) -> Double {
        let units = Double(index * mantissa)
        return exponent >= 0 ? units * NumberFormat.powerOfTen(exponent) : units / NumberFormat.powerOfTen(-exponent)
    }

    /// The digits after the point that tick labels need.
    public var decimals: Int { max(0, -exponent) }

    /// The label of a tick: fixed decimals for everyday magnitudes, scientific for tiny or huge steps.
    public func label(_ value: Double) -> String {
        if exponent < -4 || exponent > 5 {
            return value == 0 ? "0" : NumberFormat.significant(value, digits: 3)
        }
        return NumberFormat.fixed(value, decimals: decimals)
    }

    /// The position of `value` in the scale, 0 at `lower` and 1 at `upper`.
    public func fraction(of value: Double) -> Double {
        (value - lower) / (upper - lower)
    }
}
