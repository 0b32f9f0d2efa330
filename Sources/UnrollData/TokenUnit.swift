/// How text is cut into tokens: single characters or words.
public enum TokenUnit: String, CaseIterable, Sendable {
    /// Unicode characters (grapheme clusters); spaces and newlines are tokens too.
    case char
    /// Words split on whitespace, with every punctuation or symbol character a token of its own.
    case word

    /// The unit called `name` (`char`/`chars`/`character`, `word`/`words`), or a `DataError` with a hint.
    public static func named(_ name: String) throws -> TokenUnit {
        switch name.lowercased() {
        case "char", "chars", "character", "characters": return .char
        case "word", "words": return .word
        default:
            throw DataError(NameSuggestion.unknownNameMessage(
                kind: "token unit", name: name, available: allCases.map(\.rawValue)))
        }
    }

    /// The tokens of `text`, lower-cased first when `lowercase` is set.
    ///
    /// `char`: one token per Character, with `\r\n` and `\r` read as the newline token `"\n"`.
    /// `word`: runs of letters, digits and marks between whitespace; each punctuation or symbol character
    /// (`,` `.` `'` `!` `+` …) is a token on its own, so `"don't!"` gives `don ' t !`.
    public func tokenize(_ text: String, lowercase: Bool = false) -> [String] {
        let source = lowercase ? text.lowercased() : text
        switch self {
        case .char:
            return source.map { $0 == "\r\n" || $0 == "\r" ? "\n" : String($0) }
        case .word:
            var tokens: [String] = []
            var current = ""
            for character in source {
                if character.isWhitespace {
                    if !current.isEmpty { tokens.append(current); current = "" }
                } else if character.isPunctuation || character.isSymbol {
                    if !current.isEmpty { tokens.append(current); current = "" }
                    tokens.append(String(character))
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { tokens.append(current) }
            return tokens
        }
    }

    /// Joins tokens back into text: characters directly, words with single spaces.
    public func join(_ tokens: [String]) -> String {
        switch self {
        case .char: return tokens.joined()
        case .word: return tokens.joined(separator: " ")
        }
    }
}
