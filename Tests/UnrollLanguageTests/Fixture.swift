import Foundation
import UnrollDiagnostics
@testable import UnrollLanguage

/// A `.rnn` test notebook: cells separated by `# cell` lines, params from a `# params:` line, and the
/// expected diagnostics as `# expect error: LINE:COL: message` (or `# expect warning: …`) comments.
/// `# expect:` lines without a severity are for the interpreter and are ignored here.
struct Fixture {
    /// The file name, used as the diagnostics' path.
    var name: String
    /// The cells, each starting at its line in the file.
    var cells: [CellSource] = []
    /// The params from `# params: a=1, b="x"`.
    var params: [String: ConstantValue] = [:]
    /// The expected diagnostics, as `LINE:COL: severity: message`.
    var expected: [String] = []
    /// Problems with the fixture file itself.
    var problems: [String] = []

    init(name: String, text: String) {
        self.name = name
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var current: [String] = []
        var start = 1
        for (i, line) in lines.enumerated() {
            let number = i + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "# cell" {
                cells.append(CellSource(source: current.joined(separator: "\n"), firstLine: start))
                current = []
                start = number + 1
                continue
            }
            current.append(line)
            if trimmed.hasPrefix("# params:") {
                parseParams(String(trimmed.dropFirst("# params:".count)), line: number)
            }
            for severity in ["error", "warning"] {
                let marker = "# expect \(severity): "
                guard let range = line.range(of: marker) else { continue }
                let rest = line[range.upperBound...]
                guard let colon = rest.firstIndex(of: " "), rest[..<colon].hasSuffix(":") else {
                    problems.append("line \(number): expected '\(marker)LINE:COL: message'")
                    continue
                }
                expected.append("\(rest[..<colon].dropLast()): \(severity): \(rest[rest.index(after: colon)...])")
            }
        }
        cells.append(CellSource(source: current.joined(separator: "\n"), firstLine: start))
    }

    /// `name=value` pairs, values written as literals of the language.
    private mutating func parseParams(_ text: String, line: Int) {
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                problems.append("line \(line): bad param '\(pair)'")
                continue
            }
            var (tokens, _) = Lexer.tokenize(source: parts[1], file: name)
            var negative = false
            if tokens.first?.kind == .punctuation(.minus) { negative = true; tokens.removeFirst() }
            switch tokens.first?.literal {
            case .int(let i)?: params[parts[0]] = .int(negative ? -i : i)
            case .float(let x)?: params[parts[0]] = .float(negative ? -x : x)
            case let value?: params[parts[0]] = value
            case nil: problems.append("line \(line): bad param value '\(parts[1])'")
            }
        }
    }

    /// The diagnostics the fixture produces, as `LINE:COL: severity: message`.
    func actual() -> [String] {
        Analysis(cells: cells, file: name, params: params, builtins: .standard).diagnostics.map {
            "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)"
        }
    }

    /// Sorts `LINE:COL: …` strings by line, column, then text.
    static func sorted(_ items: [String]) -> [String] {
        func key(_ s: String) -> (Int, Int, String) {
            let parts = s.split(separator: ":", maxSplits: 2)
            return (Int(parts.first ?? "") ?? 0, Int(parts.dropFirst().first ?? "") ?? 0, s)
        }
        return items.sorted { key($0) < key($1) }
    }
}
