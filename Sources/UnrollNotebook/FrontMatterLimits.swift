import UnrollDiagnostics
import Yams

/// Bounds on the front matter, checked on its text before Yams (libyaml) reads it: libyaml and the
/// composer above it recurse once per nesting level, so deeply nested YAML would overflow the stack. After
/// composing (which shares an anchor's node among its aliases, so it stays as small as the text), the
/// values are counted with every alias expanded before anything copies them: a few hundred bytes of aliases
/// to aliases ("billion laughs") would otherwise become billions of values.
enum FrontMatterLimits {
    /// The most bytes of YAML between the delimiters.
    static let maxBytes = 64 * 1024
    /// The deepest nesting of collections (indented mappings, `- ` entries, `[` and `{`) the YAML may have.
    static let maxDepth = 64
    /// The most values (scalars, lists and mappings, an alias counting as many as it repeats) it may expand to.
    static let maxValues = 10_000

    /// The key of the first entry of `mapping` (descending into mappings) at which the values, counted in file
    /// order with aliases expanded, pass `maxValues`; nil when the whole mapping is within the bound.
    static func expansionViolation(in mapping: Node.Mapping) -> Node? {
        var total = 1
        for (key, value) in mapping {
            let size = count(value, upTo: maxValues - total)
            if total + 1 + size > maxValues {
                if let inner = value.mapping, let deeper = expansionViolation(in: inner) { return deeper }
                return key
            }
            total += 1 + size
        }
        return nil
    }

    /// The values `node` expands to (itself, its items, keys and values, aliases expanded), counted without
    /// recursion and stopping once past `limit`.
    static func count(_ node: Node, upTo limit: Int) -> Int {
        var pending = [node], total = 0
        while let next = pending.popLast() {
            total += 1
            if total > limit { return total }
            switch next {
            case .scalar: break
            case .sequence(let items): pending.append(contentsOf: items)
            case .mapping(let entries):
                for (key, value) in entries { pending.append(key); pending.append(value) }
            }
        }
        return total
    }

    /// A problem with `yaml` (file line `firstLine` onward) that Yams must not see, or nil when it is within bounds.
    static func violation(in yaml: String, path: String, firstLine: Int) -> Diagnostic? {
        if yaml.utf8.count > maxBytes {
            return Diagnostic(.error, "front matter is larger than \(maxBytes) bytes; move large values into a data file",
                              at: SourceLocation(file: path, line: firstLine, column: 1), length: 1)
        }
        var scanner = DepthScanner()
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let (column, token) = scanner.scan(line) else { continue }
            return Diagnostic(.error, "front matter nesting deeper than \(maxDepth) at '\(token)'; flatten the value",
                              at: SourceLocation(file: path, line: firstLine + index, column: column), length: 1)
        }
        return nil
    }

    /// Follows the nesting of YAML line by line: a stack of block indentation columns plus open flow brackets.
    private struct DepthScanner {
        /// The indentation columns of the enclosing block collections.
        var indents: [Int] = []
        /// How many `[` and `{` are open (flow collections may span lines).
        var flow = 0

        /// Scans one line; returns the 1-based column and text of the first place nested deeper than allowed.
        mutating func scan(_ line: Substring) -> (Int, String)? {
            let scalars = Array(line.unicodeScalars)
            var i = 0
            while i < scalars.count, scalars[i] == " " { i += 1 }
            if i == scalars.count || scalars[i] == "#" { return nil }
            if flow == 0 {
                while let last = indents.last, last >= i { indents.removeLast() }
                indents.append(i)
                // `- - - x` nests one sequence per marker on a single line.
                while i + 1 < scalars.count, scalars[i] == "-", scalars[i + 1] == " " {
                    i += 2
                    while i < scalars.count, scalars[i] == " " { i += 1 }
                    indents.append(i)
                    if indents.count > maxDepth { return (i - 1, "-") }
                }
                if indents.count > maxDepth { return (i + 1, String(scalars[i])) }
            }
            var quote: Unicode.Scalar?
            var previous: Unicode.Scalar = " "
            while i < scalars.count {
                let c = scalars[i]
                if let q = quote {
                    if c == "\\", q == "\"" { i += 1 } else if c == q { quote = nil }
                } else if c == "#", previous == " " || previous == "\t" {
                    return nil
                } else if c == "\"" || c == "'", previous == " " || previous == "[" || previous == "{" || previous == ","
                            || previous == ":" || previous == "-" {
                    quote = c
                } else if c == "[" || c == "{" {
                    flow += 1
                    if indents.count + flow > maxDepth { return (i + 1, String(c)) }
                } else if c == "]" || c == "}" {
                    flow = max(0, flow - 1)
                }
                previous = c
                i += 1
            }
            return nil
        }
    }
}
