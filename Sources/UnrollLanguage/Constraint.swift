import UnrollDiagnostics

/// A rule a parameter's value must follow beyond its type, checked on values known before running.
public enum Constraint: Hashable, Sendable, CustomStringConvertible {
    /// Greater than zero.
    case positive
    /// Zero or more.
    case nonNegative
    /// Between two bounds, each included or not: `[0, 1)` is a probability, `(0, 1)` a fraction.
    case interval(lower: Double, lowerIncluded: Bool, upper: Double, upperIncluded: Bool)
    /// One of the listed strings.
    case oneOf([String])

    /// A probability in `[0, 1)` (dropout).
    public static let probability = Constraint.interval(lower: 0, lowerIncluded: true, upper: 1, upperIncluded: false)
    /// A ratio in `[0, 1]`, both ends included (teacher forcing).
    public static let ratio = Constraint.interval(lower: 0, lowerIncluded: true, upper: 1, upperIncluded: true)
    /// A fraction strictly between 0 and 1 (a split).
    public static let fraction = Constraint.interval(lower: 0, lowerIncluded: false, upper: 1, upperIncluded: false)

    /// How messages and the reference state it: `positive`, `in [0, 1)`, `one of "char", "word"`.
    public var description: String {
        switch self {
        case .positive: return "positive"
        case .nonNegative: return "non-negative"
        case .interval(let lower, let lowerIncluded, let upper, let upperIncluded):
            return "in \(lowerIncluded ? "[" : "(")\(Constraint.bound(lower)), \(Constraint.bound(upper))\(upperIncluded ? "]" : ")")"
        case .oneOf(let options):
            return "one of " + options.map { ConstantValue.quote($0) }.joined(separator: ", ")
        }
    }

    /// Why `value` breaks the rule (`"must be in [0, 1), got 1.5"`), or nil when it follows it or is not
    /// the kind of value the rule is about. Ranges are checked at both ends.
    public func violation(by value: ConstantValue) -> String? {
        switch (self, value) {
        case (_, .range(let lo, let hi)):
            if case .oneOf = self { return nil }
            if satisfied(by: Double(lo)), satisfied(by: Double(hi)) { return nil }
            return "must be \(description), got \(value)"
        case (.oneOf(let options), .string(let s)):
            if options.contains(s) { return nil }
            let hint = Suggestion.closestOption(to: s, in: options).map { "; did you mean \(ConstantValue.quote($0))?" } ?? ""
            return "must be \(description), got \(value)\(hint)"
        case (.oneOf, _):
            return nil
        default:
            guard let x = value.number else { return nil }
            if satisfied(by: x) { return nil }
            return "must be \(description), got \(value)"
        }
    }

    private func satisfied(by x: Double) -> Bool {
        switch self {
        case .positive: return x > 0
        case .nonNegative: return x >= 0
        case .interval(let lower, let lowerIncluded, let upper, let upperIncluded):
            let aboveLower = lowerIncluded ? x >= lower : x > lower
            let belowUpper = upperIncluded ? x <= upper : x < upper
            return aboveLower && belowUpper
        case .oneOf: return true
        }
    }

    private static func bound(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : ConstantValue.format(x)
    }
}
