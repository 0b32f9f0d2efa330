import UnrollDiagnostics

/// The reserved words of the notebook language.
public enum Keyword: String, CaseIterable, Sendable {
    /// Words that start a statement (`on` joins `fit MODEL on DATA`).
    case seed, fit, on, print, show, plot, expect
    /// Control flow.
    case `for`, `in`, `if`, `else`
    /// Logical operators.
    case and, or, not
    /// Boolean literals.
    case `true`, `false`

    /// The keywords that begin a statement, used by error recovery and "did you mean" hints.
    public static let statementStarters: [Keyword] = [.seed, .fit, .print, .show, .plot, .expect, .for, .if]
}

/// The operators and punctuation of the notebook language.
public enum Punctuation: String, CaseIterable, Sendable {
    /// Grouping and call arguments.
    case leftParen = "(", rightParen = ")"
    /// List literals and indexing.
    case leftBracket = "[", rightBracket = "]"
    /// Records, options and blocks.
    case leftBrace = "{", rightBrace = "}"
    /// Separators, labels, member access and ranges.
    case comma = ",", colon = ":", dot = ".", ellipsis = "..."
    /// Assignment and (in)equality.
    case equal = "=", equalEqual = "==", bangEqual = "!="
    /// Compound assignment: `x += 1` is `x = x + 1`.
    case plusEqual = "+=", minusEqual = "-=", starEqual = "*=", slashEqual = "/="
    /// Ordering comparisons.
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    /// Arithmetic.
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    /// The matrix product of a cell's step, `W @ x`.
    case at = "@"

    /// The arithmetic a compound assignment (`+=`, `-=`, `*=`, `/=`) applies; nil for other punctuation.
    public var compoundOperator: BinaryOperator? {
        switch self {
        case .plusEqual: return .add
        case .minusEqual: return .subtract
        case .starEqual: return .multiply
        case .slashEqual: return .divide
        default: return nil
        }
    }
}

/// What kind of token the lexer found.
public enum TokenKind: Hashable, Sendable {
    /// A name such as `corpus` or `LSTM`.
    case identifier
    /// An integer literal such as `64`.
    case integer
    /// A floating-point literal such as `0.1` or `3e-3`.
    case float
    /// A double-quoted string literal.
    case string
    /// A reserved word.
    case keyword(Keyword)
    /// An operator or punctuation mark.
    case punctuation(Punctuation)
    /// The end of a line, which ends a statement unless it sits inside brackets.
    case newline
    /// The end of the cell.
    case end
}

/// One token of a cell, with the place it came from.
public struct Token: Hashable, Sendable {
    /// What kind of token it is.
    public var kind: TokenKind
    /// The token exactly as written (string literals keep their quotes and escapes).
    public var text: String
    /// The decoded value of a literal (`int`, `float` or `string`); nil for other tokens.
    public var literal: ConstantValue?
    /// Where the token starts in the `.md` file.
    public var location: SourceLocation
    /// The index of its first Unicode scalar within the cell source.
    public var offset: Int
    /// Its length in Unicode scalars.
    public var length: Int

    /// A token from its parts.
    public init(kind: TokenKind, text: String, literal: ConstantValue? = nil, location: SourceLocation, offset: Int, length: Int) {
        self.kind = kind
        self.text = text
        self.literal = literal
        self.location = location
        self.offset = offset
        self.length = length
    }

    /// How error messages name the token: `'fit'`, `string "abc"`, `end of line`.
    public var quoted: String {
        switch kind {
        case .newline: return "end of line"
        case .end: return "end of cell"
        case .string: return "string \(text)"
        default: return "'\(text)'"
        }
    }
}
