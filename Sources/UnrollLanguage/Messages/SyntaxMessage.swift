import UnrollDiagnostics

/// The messages of the lexer and the parser: text that does not read as the language.
public enum SyntaxMessage: DiagnosticMessage, Hashable {
    /// A string without its closing quote on the line.
    case unterminatedString
    /// A backslash escape the language does not have.
    case unknownEscape(character: String)
    /// A number with an exponent but no digits after it.
    case malformedNumber(text: String)
    /// A float literal beyond the range of a double.
    case numberTooLarge(text: String)
    /// An integer literal beyond the range of a 64-bit int.
    case integerTooLarge(text: String)
    /// Two characters another language uses (`&&`); `hint` says what this one writes.
    case foreignOperator(text: String, hint: String)
    /// A character the language does not use; `hint` says what to write instead, if anything fits.
    case unexpectedCharacter(character: String, hint: String?)
    /// A token other than the one the grammar needs; `expectation` says what was needed, `found` quotes the token.
    case expected(expectation: String, found: String)
    /// Nothing that starts an expression after `context` (`'='`, `'('`).
    case expectedExpressionAfter(context: String, found: String)
    /// Nothing that starts an expression.
    case expectedExpression(found: String)
    /// Something after a complete statement on its line.
    case expectedEndOfLine(found: String)
    /// A block's `{` never closed; `opened` is where it opened (`3:12`).
    case unclosedBlock(opened: String, found: String)
    /// `a < b < c`.
    case chainedComparison
    /// A keyword on the left of `=`.
    case keywordAssigned(keyword: String)
    /// An `else` without its `if`.
    case elseWithoutIf
    /// Something other than a plain name on the left of `=`.
    case cannotAssignExpression(expression: String)
    /// A misspelt statement keyword (`pritn x`).
    case unknownStatement(name: String, suggestion: String)
    /// A positional argument after a labelled one.
    case positionalAfterLabelled(label: String)
    /// Brackets, blocks or prefix operators nested deeper than `limit`; `token` quotes where it happened.
    case nestingTooDeep(limit: Int, token: String)
    /// A chain of `link` (`'+'`, `'.'`, `'else if'`) that makes the tree deeper than `limit`.
    case chainTooLong(link: String, limit: Int)

    /// Every message of this type belongs to the language.
    public static let domain = "UnrollLanguage"

    /// The message as users read it.
    public var text: String {
        switch self {
        case .unterminatedString:
            return "unterminated string; add '\"' before the end of the line"
        case .unknownEscape(let character):
            return "unknown escape '\\\(character)' in string; use '\\\\' for a backslash"
        case .malformedNumber(let text):
            return "malformed number '\(text)'; expected digits after the exponent"
        case .numberTooLarge(let text):
            return "number '\(text)' is too large"
        case .integerTooLarge(let text):
            return "integer '\(text)' is too large"
        case .foreignOperator(let text, let hint):
            return "unexpected '\(text)'; \(hint)"
        case .unexpectedCharacter(let character, let hint):
            return "unexpected character '\(character)'" + (hint.map { "; \($0)" } ?? "")
        case .expected(let expectation, let found):
            return "\(expectation), found \(found)"
        case .expectedExpressionAfter(let context, let found):
            return "expected an expression after \(context), found \(found)"
        case .expectedExpression(let found):
            return "expected an expression, found \(found)"
        case .expectedEndOfLine(let found):
            return "expected end of line after the statement, found \(found)"
        case .unclosedBlock(let opened, let found):
            return "expected '}' to close the block started at \(opened), found \(found)"
        case .chainedComparison:
            return "comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'"
        case .keywordAssigned(let keyword):
            return "'\(keyword)' is a keyword and cannot be assigned; choose another name"
        case .elseWithoutIf:
            return "'else' must follow the '}' of an 'if' block"
        case .cannotAssignExpression(let expression):
            return "cannot assign to '\(expression)'; only plain names can be assigned"
        case .unknownStatement(let name, let suggestion):
            return "unknown statement '\(name)'; did you mean '\(suggestion)'?"
        case .positionalAfterLabelled(let label):
            return "positional argument after the labelled argument '\(label)'; put positional arguments first"
        case .nestingTooDeep(let limit, let token):
            return "nesting deeper than \(limit) at \(token); give inner parts names with '=' and use the names"
        case .chainTooLong(let link, let limit):
            let fix = link == "'else if'" ? "split it into separate 'if' statements"
                : "compute parts of it into names ('part = …') and combine the names"
            return "a chain of \(link) nesting deeper than \(limit) links; \(fix)"
        }
    }

    /// The keyword a misspelt statement resembles.
    public var suggestion: String? {
        if case .unknownStatement(_, let keyword) = self { return keyword }
        return nil
    }
}
