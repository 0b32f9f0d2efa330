/// A value known before anything runs: a literal, a front-matter param, a folded constant or a default.
public enum ConstantValue: Hashable, Sendable, CustomStringConvertible {
    /// A whole number.
    case int(Int)
    /// A floating-point number.
    case float(Double)
    /// A string.
    case string(String)
    /// `true` or `false`.
    case bool(Bool)
    /// A list of constants.
    case list([ConstantValue])
    /// An inclusive range of integers such as `4...10`.
    case range(Int, Int)

    /// The static type of the value.
    public var type: ValueType {
        switch self {
        case .int: return .int
        case .float: return .float
        case .string: return .string
        case .bool: return .bool
        case .range: return .range
        case .list(let items):
            return .list(items.map(\.type).reduce(nil as ValueType?) { acc, t in acc.map { $0.joined(with: t) } ?? t } ?? .unknown)
        }
    }

    /// The value as a number when it is an `int` or a `float`.
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let x): return x
        default: return nil
        }
    }

    /// The value written the way the language writes it: `3`, `0.5`, `"char"`, `[1, 2]`, `4...10`.
    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .float(let x): return ConstantValue.format(x)
        case .string(let s): return ConstantValue.quote(s)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .range(let lo, let hi): return "\(lo)...\(hi)"
        }
    }

    /// A double formatted the shortest way that reads back to the same value, always with a `.` or exponent.
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return x.description
    }

    /// A string in double quotes with `"`, `\`, newline and tab escaped as the lexer reads them.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
