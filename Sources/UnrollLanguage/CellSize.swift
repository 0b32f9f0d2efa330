/// A width in a cell declaration as the checker knows it: a whole number plus whole multiples of the cell's
/// sizes (`hidden`, `input`, the header's others), e.g. `4 * hidden` or `hidden + input`.
///
/// Two widths are the same when they are equal for every value of the sizes, so `hidden` and `input` differ
/// even where a notebook happens to give them the same value: a cell must fit every layer it is used in.
public struct CellSize: Hashable, Sendable, CustomStringConvertible {
    /// The whole-number part.
    public private(set) var constant: Int
    /// The multiple of each size, without zeros.
    public private(set) var terms: [String: Int]

    /// The number `n`.
    public init(_ n: Int) {
        constant = n
        terms = [:]
    }

    /// The size called `name`.
    public init(name: String) {
        constant = 0
        terms = [name: 1]
    }

    /// Whether it is a plain number.
    public var isConstant: Bool { terms.isEmpty }

    /// The sum, or nil on overflow.
    public static func + (a: CellSize, b: CellSize) -> CellSize? {
        var sum = a
        let (c, overflow) = a.constant.addingReportingOverflow(b.constant)
        guard !overflow else { return nil }
        sum.constant = c
        for (name, k) in b.terms {
            let (t, over) = (sum.terms[name] ?? 0).addingReportingOverflow(k)
            guard !over else { return nil }
            sum.terms[name] = t == 0 ? nil : t
        }
        return sum
    }

    /// `a` times the number `k`, or nil on overflow.
    public func scaled(by k: Int) -> CellSize? {
        var product = CellSize(0)
        let (c, overflow) = constant.multipliedReportingOverflow(by: k)
        guard !overflow else { return nil }
        product.constant = c
        for (name, t) in terms where k != 0 {
            let (p, over) = t.multipliedReportingOverflow(by: k)
            guard !over else { return nil }
            product.terms[name] = p
        }
        return product
    }

    /// The difference, or nil on overflow.
    public static func - (a: CellSize, b: CellSize) -> CellSize? {
        b.scaled(by: -1).flatMap { a + $0 }
    }

    /// `a / k` when `k` divides every part exactly (so it is a whole number for every value of the sizes); else nil.
    public func divided(by k: Int) -> CellSize? {
        guard k != 0, constant % k == 0, terms.values.allSatisfy({ $0 % k == 0 }), !(k == -1 && constant == .min) else {
            return nil
        }
        var quotient = CellSize(constant / k)
        for (name, t) in terms { quotient.terms[name] = t / k }
        return quotient
    }

    /// Whether it is at least `1` for every choice of sizes of at least 1 (so a width it measures is never empty).
    public var isSurelyPositive: Bool { isSurelyAtLeast(1) }

    /// Whether it is below `1` for every choice of sizes of at least 1.
    public var isSurelyNotPositive: Bool {
        terms.values.allSatisfy { $0 <= 0 } && (constant + terms.values.reduce(0, +)) < 1
    }

    /// Whether it is at least `n` for every choice of sizes of at least 1.
    public func isSurelyAtLeast(_ n: Int) -> Bool {
        terms.values.allSatisfy { $0 >= 0 } && constant + terms.values.reduce(0, +) >= n
    }

    /// Its value for the given sizes, or nil when one is missing or the sum overflows.
    public func value(_ sizes: [String: Int]) -> Int? {
        var total = constant
        for (name, k) in terms {
            guard let s = sizes[name] else { return nil }
            let (p, o1) = k.multipliedReportingOverflow(by: s)
            let (t, o2) = total.addingReportingOverflow(p)
            guard !o1, !o2 else { return nil }
            total = t
        }
        return total
    }

    /// `4 * hidden + input - 1`: the sizes in alphabetical order, then the number.
    public var description: String {
        var text = ""
        for name in terms.keys.sorted() {
            let k = terms[name]!
            let magnitude = k.magnitude == 1 ? name : "\(k.magnitude) * \(name)"
            text += text.isEmpty ? (k < 0 ? "-" : "") + magnitude : (k < 0 ? " - " : " + ") + magnitude
        }
        if text.isEmpty { return "\(constant)" }
        if constant != 0 { text += constant < 0 ? " - \(constant.magnitude)" : " + \(constant)" }
        return text
    }

    /// The width as messages show it: `(hidden)`, or `(hidden=32)` when the sizes are known.
    public func shown(_ sizes: [String: Int]?) -> String {
        guard !isConstant, let sizes, let value = value(sizes) else { return "(\(description))" }
        return "(\(description)=\(value))"
    }
}
