import UnrollDiagnostics
import UnrollSettings
import Yams

/// Applies command-line `-p key=value` overrides to a notebook's front-matter parameters.
public enum ParamOverrides {
    /// `params` with each `key=value` in `overrides` applied in turn (a later one wins), order unchanged.
    ///
    /// The value is read as YAML (a number, bool, string or `[list]`) and must fit the declared value: an
    /// integer where an integer was declared, a number (integer or not) where a number was, `true`/`false`
    /// for a bool, a list for a list; for a declared string the text after `=` is taken as it is.
    /// Throws `ParamOverrideError` listing every malformed override, unknown name and mismatched value.
    public static func apply(_ overrides: [String], to params: [Param]) throws -> [Param] {
        var result = params
        var messages: [String] = []
        for override in overrides {
            guard let equals = override.firstIndex(of: "="), equals != override.startIndex else {
                messages.append("malformed parameter override '\(override)'; write it as 'name=value'")
                continue
            }
            let name = String(override[..<equals])
            let text = String(override[override.index(after: equals)...])
            guard let index = result.firstIndex(where: { $0.name == name }) else {
                messages.append(unknown(name, in: params.map(\.name)))
                continue
            }
            switch value(text, fitting: result[index].value, name: name) {
            case .success(let value): result[index].value = value
            case .failure(let problem): messages.append(problem.message)
            }
        }
        if !messages.isEmpty { throw ParamOverrideError(messages: messages) }
        return result
    }

    /// The message for an override naming a parameter the notebook does not declare.
    private static func unknown(_ name: String, in names: [String]) -> String {
        if let guess = Suggestion.closest(to: name, in: names) {
            return "unknown param '\(name)'; did you mean '\(guess)'?"
        }
        if names.isEmpty { return "unknown param '\(name)'; the notebook declares no params" }
        return "unknown param '\(name)'; the notebook declares " + names.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// `text` read as a value of the same kind as `declared`.
    private static func value(
        _ text: String, fitting declared: ParamValue, name: String
    ) -> Result<ParamValue, YAMLValueReader.Problem> {
        if case .string = declared { return .success(.string(text)) }
        let what = "param '\(name)'"
        func mismatch() -> Result<ParamValue, YAMLValueReader.Problem> {
            .failure(.init(message: "\(what) expects \(declared.kindDescription); got '\(text)'"))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            return mismatch()
        }
        guard let node else { return mismatch() }
        let parsed: ParamValue
        switch YAMLValueReader.paramValue(node, what: what) {
        case .success(let value): parsed = value
        case .failure: return mismatch()
        }
        switch (declared, parsed) {
        case (.int, .int), (.double, .double), (.bool, .bool), (.list, .list):
            return .success(parsed)
        case (.double, .int(let whole)):
            return .success(.double(Double(whole)))
        default:
            return mismatch()
        }
    }
}
