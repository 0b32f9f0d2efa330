import UnrollDiagnostics
import UnrollSettings

/// Reads the `name=value` words after `rnn` in a cell's info string into `CellOptions`, reporting every bad
/// word with the file column it starts at.
struct CellOptionsParser {
    /// What parsing one info string produced.
    struct Result: Equatable {
        /// The options (defaults where a word was missing or bad).
        var options: CellOptions
        /// Where the `id=` value starts, when given.
        var idLocation: SourceLocation?
        /// One diagnostic per bad word.
        var diagnostics: [Diagnostic]
    }

    /// The notebook path used in diagnostics.
    let path: String

    /// Parses `words` (the info string's words after the language) of the fence on file line `line`.
    func parse(_ words: [FenceLine.Word], line: Int) -> Result {
        var result = Result(options: CellOptions(), idLocation: nil, diagnostics: [])
        var seen: Set<String> = []
        for word in words {
            let location = SourceLocation(file: path, line: line, column: word.column)
            guard let equals = word.text.firstIndex(of: "=") else {
                result.diagnostics.append(missingValue(word.text, at: location))
                continue
            }
            let name = String(word.text[..<equals])
            let value = String(word.text[word.text.index(after: equals)...])
            guard !name.isEmpty else {
                result.diagnostics.append(Diagnostic(
                    .error, "cell option '\(word.text)' has no name; write 'name=value'", at: location,
                    length: word.text.unicodeScalars.count))
                continue
            }
            guard CellOptions.names.contains(name) else {
                result.diagnostics.append(unknown(name, at: location))
                continue
            }
            guard !value.isEmpty else {
                result.diagnostics.append(missingValue(name, at: location))
                continue
            }
            guard seen.insert(name).inserted else {
                result.diagnostics.append(Diagnostic(
                    .error, "cell option '\(name)' is given twice; keep one", at: location, length: name.unicodeScalars.count))
                continue
            }
            let valueLocation = SourceLocation(file: path, line: line, column: word.column + name.unicodeScalars.count + 1)
            if let problem = apply(name: name, value: value, to: &result.options) {
                result.diagnostics.append(Diagnostic(
                    .error, problem, at: valueLocation, length: max(1, value.unicodeScalars.count)))
            } else if name == "id" {
                result.idLocation = valueLocation
            }
        }
        return result
    }

    /// Sets option `name` from `value`; returns the message when the value is not allowed.
    private func apply(name: String, value: String, to options: inout CellOptions) -> String? {
        switch name {
        case "id":
            guard isValidID(value) else {
                return "bad cell id '\(value)'; use only letters, digits, '_' and '-'"
            }
            options.id = value
        case "eval", "echo":
            guard let flag = Self.bool(value) else {
                return "bad value '\(value)' for '\(name)'; expected 'true' or 'false'"
            }
            if name == "eval" { options.eval = flag } else { options.echo = flag }
        case "timeout":
            guard let seconds = Double(value), seconds.isFinite, seconds > 0 else {
                return "bad value '\(value)' for 'timeout'; expected a positive number of seconds"
            }
            options.timeout = seconds
        case "check":
            guard let mode = CheckMode(rawValue: value) else {
                let names = CheckMode.allCases.map(\.rawValue)
                if !value.isEmpty, let guess = Suggestion.closest(to: value, in: names) {
                    return "bad value '\(value)' for 'check'; did you mean '\(guess)'?"
                }
                return "bad value '\(value)' for 'check'; expected 'exact', 'loose' or 'ignore'"
            }
            options.check = mode
        default:  // "rtol", "atol"
            guard let tolerance = Double(value), tolerance.isFinite, tolerance >= 0 else {
                return "bad value '\(value)' for '\(name)'; expected a non-negative number"
            }
            if name == "rtol" { options.rtol = tolerance } else { options.atol = tolerance }
        }
        return nil
    }

    /// The diagnostic for a word without `=`.
    private func missingValue(_ word: String, at location: SourceLocation) -> Diagnostic {
        let length = word.unicodeScalars.count
        guard CellOptions.names.contains(word) else { return unknown(word, at: location) }
        let example: String
        switch word {
        case "id": example = "id=train"
        case "eval", "echo": example = "\(word)=false"
        case "timeout": example = "timeout=60"
        case "check": example = "check=loose"
        default: example = "\(word)=1e-5"
        }
        return Diagnostic(.error, "cell option '\(word)' needs a value, as in '\(example)'", at: location, length: length)
    }

    /// The diagnostic for an option name the cell does not know.
    private func unknown(_ name: String, at location: SourceLocation) -> Diagnostic {
        let length = max(1, name.unicodeScalars.count)
        if !name.isEmpty, let guess = Suggestion.closest(to: name, in: CellOptions.names) {
            return Diagnostic(.error, "unknown cell option '\(name)'; did you mean '\(guess)'?", at: location, length: length)
        }
        let list = CellOptions.names.map { "'\($0)'" }.joined(separator: ", ")
        return Diagnostic(.error, "unknown cell option '\(name)'; expected one of \(list)", at: location, length: length)
    }

    /// Whether `id` is non-empty and made only of ASCII letters, digits, `_` and `-`.
    private func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
            default: return false
            }
        }
    }

    /// `true`/`false` as a Bool; anything else is nil.
    private static func bool(_ text: String) -> Bool? {
        switch text {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}
