import UnrollDiagnostics
import Yams

/// Finds the YAML block at the top of a notebook and reads it into `FrontMatter`, with diagnostics at file
/// lines for YAML syntax errors, unknown keys and badly typed values.
struct FrontMatterParser {
    /// What reading the front matter produced.
    struct Result {
        /// The front matter (fields left at their defaults where they were bad).
        var frontMatter: FrontMatter
        /// Every problem found.
        var diagnostics: [Diagnostic]
    }

    /// The top-level keys the front matter accepts.
    static let keys = ["title", "seed", "params", "check"]
    /// The keys `check` accepts.
    static let checkKeys = ["rtol", "atol"]

    /// The notebook path used in diagnostics.
    let path: String

    /// The file lines of the front matter, delimiters included: line 1 is `---`, the next line is not blank,
    /// and a later line is `---` or `...`. Returns `.unclosed` when the block never ends.
    static func locate(in source: SourceText) -> Location {
        guard let first = source.line(1), isDelimiter(first, allowDots: false) else { return .none }
        guard source.lineCount >= 2, !source.isBlank(2) else { return .none }
        for number in 2...source.lineCount where isDelimiter(source.line(number)!, allowDots: true) {
            return .lines(1...number)
        }
        return .unclosed
    }

    /// Where the front matter is, as `locate(in:)` found it.
    enum Location: Equatable {
        /// The notebook does not start with front matter.
        case none
        /// The front matter spans these file lines, delimiters included.
        case lines(ClosedRange<Int>)
        /// A `---` opens front matter that no `---` closes.
        case unclosed
    }

    /// Locates and reads the front matter of `source`.
    func parse(_ source: SourceText) -> Result {
        switch Self.locate(in: source) {
        case .none:
            return Result(frontMatter: FrontMatter(), diagnostics: [])
        case .unclosed:
            let diagnostic = Diagnostic(
                .error, "front matter opened with '---' on line 1 is never closed; end it with a '---' line",
                at: SourceLocation(file: path, line: 1, column: 1), length: 3)
            return Result(frontMatter: FrontMatter(), diagnostics: [diagnostic])
        case .lines(let lines):
            let yaml = source.slice(from: lines.lowerBound + 1, through: lines.upperBound - 1)
            var result = read(yaml, firstLine: lines.lowerBound + 1, lastLine: lines.upperBound - 1)
            result.frontMatter.lines = lines
            return result
        }
    }

    /// Reads `yaml`, whose first line is file line `firstLine`.
    private func read(_ yaml: String, firstLine: Int, lastLine: Int) -> Result {
        if let limit = FrontMatterLimits.violation(in: yaml, path: path, firstLine: firstLine) {
            return Result(frontMatter: FrontMatter(), diagnostics: [limit])
        }
        var reader = Reader(path: path, lineOffset: firstLine - 1, lastLine: lastLine)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            reader.yamlError(error)
            return Result(frontMatter: FrontMatter(), diagnostics: reader.diagnostics)
        }
        var frontMatter = FrontMatter()
        if let root { reader.readTopLevel(root, into: &frontMatter) }
        return Result(frontMatter: frontMatter, diagnostics: reader.diagnostics)
    }

    /// Whether `line` is `---` (or `...` when `allowDots`), trailing spaces and tabs allowed.
    private static func isDelimiter(_ line: String, allowDots: Bool) -> Bool {
        var trimmed = Substring(line)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}

/// Walks the composed YAML, collecting values and diagnostics; positions are shifted to file lines.
private struct Reader {
    /// The notebook path.
    let path: String
    /// Added to a YAML line to get the file line.
    let lineOffset: Int
    /// The last file line of the YAML text (errors at its end are clamped here).
    let lastLine: Int
    /// Problems found so far.
    var diagnostics: [Diagnostic] = []

    /// The file location of YAML position `mark` (the first YAML line when unknown).
    func location(_ mark: Mark?) -> SourceLocation {
        location(line: mark?.line, column: mark?.column)
    }

    /// The file location of a 1-based YAML line and column, clamped to the front matter's lines.
    func location(line: Int?, column: Int?) -> SourceLocation {
        let fileLine = min(max(1, line ?? 1) + lineOffset, max(lastLine, lineOffset + 1))
        return SourceLocation(file: path, line: fileLine, column: max(1, column ?? 1))
    }

    /// Adds an error at `mark`, underlining `length` columns.
    mutating func error(_ message: String, at mark: Mark?, length: Int = 1) {
        diagnostics.append(Diagnostic(.error, message, at: location(mark), length: length))
    }

    /// Turns a Yams parse error into a diagnostic at the file line it points to.
    mutating func yamlError(_ error: Error) {
        guard let yamlError = error as? YamlError else {
            self.error("bad yaml in front matter: \(error)", at: nil)
            return
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "bad yaml in front matter: \(problem)"
            if let context { message += " (\(context.text) on line \(context.mark.line + lineOffset))" }
            self.error(message, at: mark)
        case .reader(let problem, _, _, _):
            self.error("bad yaml in front matter: \(problem)", at: nil)
        default:
            self.error("bad yaml in front matter: \(yamlError)", at: nil)
        }
    }

    /// Reads the top-level mapping into `frontMatter`.
    mutating func readTopLevel(_ root: Node, into frontMatter: inout FrontMatter) {
        guard let mapping = root.mapping else {
            error("front matter must be a mapping of keys such as 'title', 'seed' and 'params'", at: root.mark)
            return
        }
        if let key = FrontMatterLimits.expansionViolation(in: mapping) {
            let name = key.scalar?.string ?? "this entry"
            error("front matter expands to more than \(FrontMatterLimits.maxValues) values at '\(name)' (each YAML alias "
                  + "repeats the value it names); write fewer values or fewer aliases", at: key.mark,
                  length: max(1, name.unicodeScalars.count))
            return
        }
        var seen: [String: Int] = [:]
        for (keyNode, value) in mapping {
            guard let key = plainKey(keyNode, what: "front matter key") else { continue }
            let line = location(keyNode.mark).line
            if let first = seen[key] {
                error("duplicate front matter key '\(key)'; it is already given on line \(first)",
                      at: keyNode.mark, length: key.unicodeScalars.count)
                continue
            }
            seen[key] = line
            switch key {
            case "title": frontMatter.title = readTitle(value)
            case "seed": frontMatter.seed = readSeed(value)
            case "params": frontMatter.params = readParams(value)
            case "check": frontMatter.check = readCheck(value)
            default:
                let message: String
                if let guess = Suggestion.closest(to: key, in: FrontMatterParser.keys) {
                    message = "unknown front matter key '\(key)'; did you mean '\(guess)'?"
                } else {
                    message = "unknown front matter key '\(key)'; expected 'title', 'seed', 'params' or 'check'"
                }
                error(message, at: keyNode.mark, length: key.unicodeScalars.count)
            }
        }
    }

    /// A mapping key that is a scalar, as a string; reports and returns nil otherwise.
    mutating func plainKey(_ node: Node, what: String) -> String? {
        guard let scalar = node.scalar else {
            error("\(what) must be a plain name, not a list or mapping", at: node.mark)
            return nil
        }
        return scalar.string
    }

    /// `title`: any non-null scalar, as text.
    mutating func readTitle(_ node: Node) -> String? {
        guard let scalar = node.scalar, YAMLValueReader.classify(scalar) != .null else {
            error("front matter 'title' must be a string", at: node.mark)
            return nil
        }
        return scalar.string
    }

    /// `seed`: a non-negative integer.
    mutating func readSeed(_ node: Node) -> Int? {
        if let scalar = node.scalar, case .int(let seed) = YAMLValueReader.classify(scalar), seed >= 0 {
            return seed
        }
        let shown = node.scalar.map { "'\($0.string)'" } ?? "a list or mapping"
        error("front matter 'seed' must be a non-negative integer, got \(shown)", at: node.mark)
        return nil
    }

    /// `params`: a mapping of identifiers to values, in file order.
    mutating func readParams(_ node: Node) -> [Param] {
        if let scalar = node.scalar, YAMLValueReader.classify(scalar) == .null { return [] }
        guard let mapping = node.mapping else {
            error("front matter 'params' must be a mapping of names to values", at: node.mark)
            return []
        }
        var params: [Param] = []
        var seen: [String: Int] = [:]
        for (keyNode, value) in mapping {
            guard let name = plainKey(keyNode, what: "param name") else { continue }
            let line = location(keyNode.mark).line
            let length = max(1, name.unicodeScalars.count)
            guard isIdentifier(name) else {
                error("param name '\(name)' is not an identifier; use letters, digits and '_', not starting with a digit",
                      at: keyNode.mark, length: length)
                continue
            }
            if let first = seen[name] {
                error("duplicate param '\(name)'; it is already declared on line \(first)", at: keyNode.mark, length: length)
                continue
            }
            seen[name] = line
            switch YAMLValueReader.paramValue(value, what: "param '\(name)'") {
            case .success(let parsed):
                params.append(Param(name: name, value: parsed, line: line))
            case .failure(let problem):
                let place = problem.line == nil
                    ? location(keyNode.mark) : location(line: problem.line, column: problem.column)
                diagnostics.append(Diagnostic(.error, problem.message, at: place))
            }
        }
        return params
    }

    /// `check`: a mapping with `rtol` and `atol`, each a non-negative number.
    mutating func readCheck(_ node: Node) -> CheckTolerances {
        var tolerances = CheckTolerances()
        if let scalar = node.scalar, YAMLValueReader.classify(scalar) == .null { return tolerances }
        guard let mapping = node.mapping else {
            error("front matter 'check' must be a mapping such as '{rtol: 1e-5, atol: 1e-8}'", at: node.mark)
            return tolerances
        }
        for (keyNode, value) in mapping {
            guard let key = plainKey(keyNode, what: "check setting") else { continue }
            guard FrontMatterParser.checkKeys.contains(key) else {
                let message: String
                if let guess = Suggestion.closest(to: key, in: FrontMatterParser.checkKeys) {
                    message = "unknown check setting '\(key)'; did you mean '\(guess)'?"
                } else {
                    message = "unknown check setting '\(key)'; expected 'rtol' or 'atol'"
                }
                error(message, at: keyNode.mark, length: key.unicodeScalars.count)
                continue
            }
            var number: Double?
            if let scalar = value.scalar {
                switch YAMLValueReader.classify(scalar) {
                case .int(let v): number = Double(v)
                case .double(let v): number = v
                default: break
                }
            }
            guard let tolerance = number, tolerance.isFinite, tolerance >= 0 else {
                let shown = value.scalar.map { "'\($0.string)'" } ?? "a list or mapping"
                error("'check.\(key)' must be a non-negative number, got \(shown)", at: value.mark)
                continue
            }
            if key == "rtol" { tolerances.rtol = tolerance } else { tolerances.atol = tolerance }
        }
        return tolerances
    }

    /// Whether `name` is `[A-Za-z_][A-Za-z0-9_]*`.
    func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_": return true
            default: return false
            }
        }
    }
}
