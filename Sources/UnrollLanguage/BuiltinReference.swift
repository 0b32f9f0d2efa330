/// Writes the builtin reference of `docs/language.md` from the catalog, so that the document cannot drift.
public enum BuiltinReference {
    /// The Markdown reference of every function, member and statement option in `builtins`, grouped by family.
    public static func markdown(_ builtins: Builtins) -> String {
        var out: [String] = []
        for family in BuiltinFamily.allCases where family != .members && family != .statements {
            let functions = builtins.functions.filter { $0.family == family }
            if functions.isEmpty { continue }
            out.append("### \(family.title)")
            out.append("")
            for function in functions {
                out.append("#### `\(header(function))`")
                out.append("")
                out.append(function.doc)
                out.append("")
                out += parameterTable(function.parameters ?? [], heading: "parameter")
            }
        }
        out.append("### \(BuiltinFamily.members.title)")
        out.append("")
        var receivers: [String] = []
        for member in builtins.members where !receivers.contains(member.receiver!) { receivers.append(member.receiver!) }
        for receiver in receivers {
            out.append("#### \(receiver)")
            out.append("")
            out.append("| member | result | meaning |")
            out.append("|---|---|---|")
            for member in builtins.members(of: receiver) {
                var meaning = cell(member.doc)
                for p in member.parameters ?? [] {
                    meaning += " `\(p.name)`: \(typeName(p.type))" + (p.constraint.map { ", \(cell($0.description))" } ?? "")
                        + ", \(p.defaultValue); \(cell(p.doc))."
                }
                out.append("| `.\(memberHeader(member))` | \(typeName(member.result)) | \(meaning) |")
            }
            out.append("")
        }
        out.append("### \(BuiltinFamily.statements.title)")
        out.append("")
        for options in builtins.statementOptions {
            out.append("#### `\(options.name)`")
            out.append("")
            out.append(options.doc)
            out.append("")
            out += parameterTable(options.parameters ?? [], heading: "option")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// `text(path, tokens: "char", min_freq: 1) → Corpus`.
    static func header(_ function: Signature) -> String {
        let parameters = (function.parameters ?? []).map { p -> String in
            if p.isPositional { return p.isRequired ? p.name : "\(p.name) = \(p.defaultValue)" }
            return p.isRequired ? "\(p.name):" : "\(p.name): \(p.defaultValue)"
        }
        return "\(function.name)(\(parameters.joined(separator: ", "))) → \(typeName(function.result))"
    }

    private static func memberHeader(_ member: Signature) -> String {
        guard let parameters = member.parameters else { return member.name }
        return "\(member.name)(\(parameters.map(\.name).joined(separator: ", ")))"
    }

    private static func parameterTable(_ parameters: [Parameter], heading: String) -> [String] {
        if parameters.isEmpty { return [] }
        var rows = ["| \(heading) | type | default | constraint | meaning |", "|---|---|---|---|---|"]
        for p in parameters {
            let name = p.isPositional ? "`\(p.name)` (positional)" : "`\(p.name):`"
            let constraint = p.constraint.map { cell($0.description) } ?? ""
            rows.append("| \(name) | \(cell(typeName(p.type))) | \(cell(p.defaultValue.description)) | \(constraint) | \(cell(p.doc)) |")
        }
        return rows + [""]
    }

    /// A type as the reference names it; `unknown` reads as `any` there.
    private static func typeName(_ type: ValueType) -> String {
        type == .unknown ? "any" : type.description
    }

    /// Text made safe for a Markdown table cell.
    private static func cell(_ text: String) -> String {
        text.map { $0 == "|" ? "\\|" : String($0) }.joined()
    }
}
