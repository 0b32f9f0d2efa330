import UnrollDiagnostics

/// Splits the source of one cell into tokens, each tagged with its line and column in the `.md` file.
///
/// Columns count Unicode scalars from 1. Comments run from `#` to the end of the line. Every line end
/// becomes a `newline` token; the parser decides where line ends are insignificant (inside brackets and
/// records). Problems (an unknown character, an unterminated string) become diagnostics and lexing goes on.
public struct Lexer {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private let columnOffset: Int
    private var index = 0
    private var line: Int
    private var column = 1
    private var tokens: [Token] = []
    /// The problems found so far, in source order.
    public private(set) var diagnostics: [Diagnostic] = []

    /// A lexer for `source`, whose first line is line `firstLine` of `file`; `columnOffset` is added to
    /// every column (for a fenced block indented inside a list item).
    public init(source: String, file: String, firstLine: Int = 1, columnOffset: Int = 0) {
        scalars = Array(source.unicodeScalars)
        self.file = file
        self.line = firstLine
        self.columnOffset = columnOffset
    }

    /// Tokens of the whole source and the problems found, ending with an `end` token.
    public static func tokenize(source: String, file: String, firstLine: Int = 1, columnOffset: Int = 0) -> ([Token], [Diagnostic]) {
        var lexer = Lexer(source: source, file: file, firstLine: firstLine, columnOffset: columnOffset)
        let tokens = lexer.tokenize()
        return (tokens, lexer.diagnostics)
    }

    /// Every token of the source, ending with an `end` token.
    public mutating func tokenize() -> [Token] {
        tokens = []
        while let c = peek() {
            let start = index
            let startLocation = location
            switch c {
            case " ", "\t", "\r":
                advance()
            case "#":
                while let d = peek(), d != "\n" { advance() }
            case "\n":
                advance()
                add(.newline, from: start, at: startLocation)
                line += 1
                column = 1
            case "\"":
                lexString(from: start, at: startLocation)
            case "0"..."9":
                lexNumber(from: start, at: startLocation)
            case _ where Lexer.isIdentifierStart(c):
                while let d = peek(), Lexer.isIdentifierPart(d) { advance() }
                let text = self.text(from: start)
                if let keyword = Keyword(rawValue: text) {
                    switch keyword {
                    case .true: add(.keyword(keyword), from: start, at: startLocation, literal: .bool(true))
                    case .false: add(.keyword(keyword), from: start, at: startLocation, literal: .bool(false))
                    default: add(.keyword(keyword), from: start, at: startLocation)
                    }
                } else {
                    add(.identifier, from: start, at: startLocation)
                }
            default:
                lexPunctuation(c, from: start, at: startLocation)
            }
        }
        // The end token sits on the last line of the cell, not on the line after its final newline.
        var endLocation = location
        if let last = tokens.last, last.kind == .newline { endLocation = last.location }
        tokens.append(Token(kind: .end, text: "", location: endLocation, offset: index, length: 1))
        return tokens
    }

    // MARK: - Pieces

    private mutating func lexString(from start: Int, at startLocation: SourceLocation) {
        advance()  // opening quote
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek(), c != "\n" else {
                report(SyntaxMessage.unterminatedString, at: startLocation, length: index - start)
                add(.string, from: start, at: startLocation, literal: .string(String(value)))
                return
            }
            if c == "\"" {
                advance()
                add(.string, from: start, at: startLocation, literal: .string(String(value)))
                return
            }
            if c == "\\" {
                let escapeLocation = location
                advance()
                switch peek() {
                case "\""?: value.append("\""); advance()
                case "\\"?: value.append("\\"); advance()
                case "n"?: value.append("\n"); advance()
                case "t"?: value.append("\t"); advance()
                case "\n"?, nil:
                    break  // reported as an unterminated string
                case let other?:
                    advance()
                    report(SyntaxMessage.unknownEscape(character: "\(other)"), at: escapeLocation, length: 2)
                }
                continue
            }
            value.append(c)
            advance()
        }
    }

    private mutating func lexNumber(from start: Int, at startLocation: SourceLocation) {
        var isFloat = false
        while let d = peek(), Lexer.isDigit(d) { advance() }
        // A fraction needs a digit after the dot, so that `4...10` lexes as a range.
        if peek() == ".", let next = peek(1), Lexer.isDigit(next) {
            isFloat = true
            advance()
            while let d = peek(), Lexer.isDigit(d) { advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            var lookahead = 1
            if let sign = peek(1), sign == "+" || sign == "-" { lookahead = 2 }
            if let d = peek(lookahead), Lexer.isDigit(d) {
                isFloat = true
                for _ in 0..<lookahead { advance() }
                while let d = peek(), Lexer.isDigit(d) { advance() }
            } else {
                for _ in 0..<lookahead { advance() }
                report(SyntaxMessage.malformedNumber(text: text(from: start)),
                       at: startLocation, length: index - start)
                add(.float, from: start, at: startLocation, literal: .float(0))
                return
            }
        }
        let text = self.text(from: start)
        if isFloat {
            let value = Double(text) ?? .infinity
            if !value.isFinite {
                report(SyntaxMessage.numberTooLarge(text: text), at: startLocation, length: index - start)
                add(.float, from: start, at: startLocation, literal: .float(0))
            } else {
                add(.float, from: start, at: startLocation, literal: .float(value))
            }
        } else if let value = Int(text) {
            add(.integer, from: start, at: startLocation, literal: .int(value))
        } else {
            report(SyntaxMessage.integerTooLarge(text: text), at: startLocation, length: index - start)
            add(.integer, from: start, at: startLocation, literal: .int(0))
        }
    }

    private mutating func lexPunctuation(_ c: Unicode.Scalar, from start: Int, at startLocation: SourceLocation) {
        let two = peek(1).map { String(c) + String($0) }
        let three = peek(1).flatMap { b in peek(2).map { String(c) + String(b) + String($0) } }
        if three == "..." {
            advance(3)
            add(.punctuation(.ellipsis), from: start, at: startLocation)
            return
        }
        if let two, let p = Punctuation(rawValue: two) {
            advance(2)
            add(.punctuation(p), from: start, at: startLocation)
            return
        }
        let hints: [String: String] = ["..": "use '...' for a range", "&&": "use 'and'", "||": "use 'or'",
                                       "++": "write 'x += 1' to add one"]
        if let two, let hint = hints[two] {
            advance(2)
            report(SyntaxMessage.foreignOperator(text: two, hint: hint), at: startLocation, length: 2)
            return
        }
        if let p = Punctuation(rawValue: String(c)) {
            advance()
            add(.punctuation(p), from: start, at: startLocation)
            return
        }
        advance()
        let hint: String?
        switch c {
        case "!": hint = "use 'not' for negation"
        case "'": hint = "strings use double quotes"
        case ";": hint = "end a statement with a new line"
        default: hint = nil
        }
        report(SyntaxMessage.unexpectedCharacter(character: "\(c)", hint: hint), at: startLocation)
    }

    // MARK: - Helpers

    private var location: SourceLocation {
        SourceLocation(file: file, line: line, column: column + columnOffset)
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func advance(_ count: Int = 1) {
        index += count
        column += count
    }

    private func text(from start: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<index])
        return String(view)
    }

    private mutating func add(_ kind: TokenKind, from start: Int, at startLocation: SourceLocation, literal: ConstantValue? = nil) {
        tokens.append(Token(kind: kind, text: text(from: start), literal: literal, location: startLocation,
                            offset: start, length: index - start))
    }

    private mutating func report(_ message: SyntaxMessage, at location: SourceLocation, length: Int = 1) {
        diagnostics.append(Diagnostic(message, at: SourceRange(start: location, length: length)))
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    private static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }
}
