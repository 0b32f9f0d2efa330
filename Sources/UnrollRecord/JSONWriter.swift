import UnrollFileIO

/// Writes JSON deterministically: keys sorted by their UTF-8 bytes, two-space indentation, a trailing newline.
public enum JSONWriter {
    /// The text of `value`, ending in a newline.
    public static func write(_ value: JSONValue) -> String {
        var out = ""
        append(value, indent: 0, to: &out)
        out.append("\n")
        return out
    }

    /// Appends `value` to `out`, with nested lines indented by `indent` levels plus one.
    private static func append(_ value: JSONValue, indent: Int, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): out += JSONString.quote(text)
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
                out += padding(indent + 1) + JSONString.quote(key) + ": "
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
}
