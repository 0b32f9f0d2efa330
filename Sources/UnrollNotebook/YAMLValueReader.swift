import UnrollSettings
import Yams

/// Types YAML values the way the notebook wants them: YAML 1.2 core-schema scalars (so `no` and `on` stay
/// strings, `010` is ten, dates are strings) and lists of them, read into `ParamValue`s.
enum YAMLValueReader {
    /// What a single scalar is.
    enum Scalar: Equatable {
        /// `~`, `null` or nothing.
        case null
        /// `true` / `false` (any of YAML's three spellings).
        case bool(Bool)
        /// A decimal, `0x` hexadecimal or `0o` octal integer that fits in `Int`.
        case int(Int)
        /// An integer literal too large for `Int`.
        case intOverflow
        /// A decimal number with a point or exponent, or `.inf` / `.nan`.
        case double(Double)
        /// Anything else, and every quoted or block scalar.
        case string(String)
    }

    /// A problem with a value, with the YAML position of the offending node when known.
    struct Problem: Error, Equatable {
        /// The message, lower-case.
        var message: String
        /// The 1-based line in the YAML text.
        var line: Int?
        /// The 1-based column in the YAML text.
        var column: Int?
    }

    /// The type of the plain (unquoted) scalar `text`.
    static func classify(plain text: String) -> Scalar {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        if let integer = integerLiteral(text) { return integer }
        if isDecimalNumber(text), let value = Double(text) { return .double(value) }
        return .string(text)
    }

    /// The type of scalar node `scalar`: quoted, block and `!!str` scalars are strings, the rest are classified.
    static func classify(_ scalar: Node.Scalar) -> Scalar {
        if scalar.tag.description == Tag.Name.str.rawValue { return .string(scalar.string) }
        return classify(plain: scalar.string)
    }

    /// `node` as a parameter value; `what` names it in messages (e.g. "param 'hidden'").
    static func paramValue(_ node: Node, what: String) -> Result<ParamValue, Problem> {
        let mark = node.mark
        func problem(_ message: String) -> Result<ParamValue, Problem> {
            .failure(Problem(message: message, line: mark?.line, column: mark?.column))
        }
        switch node {
        case .scalar(let scalar):
            switch classify(scalar) {
            case .null:
                return problem("\(what) has no value; give a number, string, bool or list")
            case .bool(let value):
                return .success(.bool(value))
            case .int(let value):
                return .success(.int(value))
            case .intOverflow:
                return problem("\(what) is too large for an integer: '\(scalar.string)'")
            case .double(let value):
                guard value.isFinite else { return problem("\(what) must be a finite number, got '\(scalar.string)'") }
                return .success(.double(value))
            case .string(let value):
                return .success(.string(value))
            }
        case .sequence(let sequence):
            var items: [ParamValue] = []
            for (offset, item) in sequence.enumerated() {
                switch paramValue(item, what: "item \(offset + 1) of \(what)") {
                case .success(let value): items.append(value)
                case .failure(let failure): return .failure(failure)
                }
            }
            return .success(.list(items))
        case .mapping:
            return problem("\(what) cannot be a mapping; give a number, string, bool or list")
        }
    }

    /// A decimal, `0x` or `0o` integer literal with an optional sign, or nil when `text` is not one.
    private static func integerLiteral(_ text: String) -> Scalar? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        var radix = 10
        if body.hasPrefix("0x") {
            radix = 16
            body = body.dropFirst(2)
        } else if body.hasPrefix("0o") {
            radix = 8
            body = body.dropFirst(2)
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        guard radix == 16 || body.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        guard radix != 8 || body.allSatisfy({ ("0"..."7").contains($0) }) else { return nil }
        guard let value = Int((negative ? "-" : "") + body, radix: radix) else { return .intOverflow }
        return .int(value)
    }

    /// Whether `text` is `[-+]?(digits[.digits?]|.digits)([eE][-+]?digits)?` with a point or an exponent.
    private static func isDecimalNumber(_ text: String) -> Bool {
        var scalars = Array(text.unicodeScalars)[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        func digits() -> Int {
            var count = 0
            while let first = scalars.first, ("0"..."9").contains(first) { scalars = scalars.dropFirst(); count += 1 }
            return count
        }
        var mantissa = digits()
        var hasPointOrExponent = false
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            hasPointOrExponent = true
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
            guard digits() > 0 else { return false }
            hasPointOrExponent = true
        }
        return scalars.isEmpty && hasPointOrExponent
    }
}
