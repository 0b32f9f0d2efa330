/// Writes JSON deterministically: keys sorted by their UTF-8 bytes, two-space indentation, a trailing newline.
public enum JSONWriter {
    /// The text of `value`, ending in a newline.
    public static func write(_ value: JSONValue) -> String {
        var out = ""
        append(value, indent: 0, to: &out)
        out.append("\n")
        return out
    }

    /// `text` as a quoted JSON string literal; non-ASCII characters are written as UTF-8, control characters
    /// as escapes.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// Appends `value` to `out`, with nested lines indented by `indent` levels plus one.
    private static func append(_ value: JSONValue, indent: Int, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): out += quote(text)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += padding(indent + 1)
                append(item, indent: indent + 1, to: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += padding(indent) + "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                out += padding(indent + 1) + quote(key) + ": "
                append(fields[key]!, indent: indent + 1, to: &out)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += padding(indent) + "}"
        }
    }

    /// Two spaces per level.
    private static func padding(_ level: Int) -> String {
        String(repeating: "  ", count: level)
    }

    /// Four lower-case hexadecimal digits.
    private static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<4).reversed().map { digits[Int((value >> (4 * UInt32($0))) & 0xf)] })
    }
}
