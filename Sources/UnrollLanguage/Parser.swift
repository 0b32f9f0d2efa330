import UnrollDiagnostics

/// Parses the tokens of one cell into a `Program`, reporting every syntax error it can find in one run.
///
/// A recursive-descent parser in the style of jlox: `consume(_:_:)` reports what it expected and what it
/// found, and after an error `synchronize(from:)` skips to the start of the next statement so that later
/// errors are reported too. Line ends separate statements except inside `( )`, `[ ]` and records, where
/// they are skipped.
public final class Parser {
    /// Thrown to unwind to the statement level after an error has been recorded.
    struct ParseError: Error {}

    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    var current = 0
    /// How many brackets or records enclose the current token; line ends are skipped while it is above 0.
    var nesting = 0
    /// The last token consumed, used to find where an expression ends.
    var previous: Token
    /// The errors found so far.
    private(set) var diagnostics: [Diagnostic] = []
    /// How many expressions and blocks the parser is inside (its own recursion), at most `NestingLimit.depth`.
    private var depth = 0
    /// Set once input nested too deeply has been reported: the rest of the cell is skipped without more errors.
    private var abandoned = false

    /// Parses one cell: its source, the file it sits in and the line of that file where the source starts.
    /// Returns the statements that parsed and every lexical and syntax error, sorted by place.
    public static func parse(source: String, file: String, firstLine: Int = 1, columnOffset: Int = 0) -> (Program, [Diagnostic]) {
        let (tokens, lexical) = Lexer.tokenize(source: source, file: file, firstLine: firstLine, columnOffset: columnOffset)
        let parser = Parser(tokens: tokens, source: source)
        let program = parser.parseProgram()
        return (program, DiagnosticList(lexical + parser.diagnostics).diagnostics)
    }

    /// A parser over `tokens` (which end with an `end` token) lexed from `source`.
    init(tokens: [Token], source: String) {
        precondition(tokens.last?.kind == .end, "parser: token list must end with an end token, got \(tokens.count) tokens")
        self.tokens = tokens
        self.scalars = Array(source.unicodeScalars)
        self.previous = tokens[0]
    }

    /// All statements of the cell.
    func parseProgram() -> Program {
        Program(statements: parseStatements(inBlock: false))
    }

    // MARK: - Statements

    /// Statements up to the end of the cell, or up to (not including) the `}` that closes a block.
    private func parseStatements(inBlock: Bool) -> [Statement] {
        var statements: [Statement] = []
        while true {
            skipNewlines()
            let kind = tokens[current].kind
            if kind == .end || (inBlock && kind == .punctuation(.rightBrace)) { break }
            let start = current
            do {
                let statement = try statement()
                guard statement.depth <= NestingLimit.depth else { throw tooDeep(at: tokens[start]) }
                statements.append(statement)
                try endStatement()
            } catch {
                if abandoned { break }
                if current == start { current += 1 }
                synchronize(from: start)
            }
        }
        return statements
    }

    private func statement() throws -> Statement {
        let first = peek
        if case .keyword(let keyword) = first.kind, tokens[current + 1].kind == .punctuation(.equal) {
            throw error(SyntaxMessage.keywordAssigned(keyword: keyword.rawValue), at: first)
        }
        switch first.kind {
        case .keyword(.seed):
            advance()
            return Statement(.seed(try expression(after: "'seed'")), at: first.location)
        case .keyword(.fit):
            advance()
            let model = try expression(after: "'fit'")
            try consume(.keyword(.on), "expected 'on' after the model in 'fit'")
            let data = try expression(after: "'on'")
            let options = check(.punctuation(.leftBrace)) ? try record(named: "options") : []
            return Statement(.fit(model: model, data: data, options: options), at: first.location)
        case .keyword(.print):
            advance()
            var items = [try expression(after: "'print'")]
            while match(.punctuation(.comma)) != nil { items.append(try expression(after: "','")) }
            return Statement(.print(items), at: first.location)
        case .keyword(.show):
            advance()
            return Statement(.show(try expression(after: "'show'")), at: first.location)
        case .keyword(.plot):
            advance()
            var values = [try expression(after: "'plot'")]
            while match(.punctuation(.comma)) != nil { values.append(try expression(after: "','")) }
            let options = check(.punctuation(.leftBrace)) ? try record(named: "options") : []
            return Statement(.plot(values, options: options), at: first.location)
        case .keyword(.expect):
            advance()
            let condition = try expression(after: "'expect'")
            return Statement(.expect(condition, text: sourceText(of: condition)), at: first.location)
        case .keyword(.for):
            advance()
            let name = try consume(.identifier, "expected a loop variable name after 'for'")
            try consume(.keyword(.in), "expected 'in' after the loop variable '\(name.text)'")
            let sequence = try expression(after: "'in'")
            let body = try block(of: "for")
            return Statement(.forLoop(Identifier(name.text, at: name.location), sequence, body: body), at: first.location)
        case .keyword(.if):
            return try ifStatement()
        case .keyword(.else):
            throw error(SyntaxMessage.elseWithoutIf, at: first)
        case .identifier where isCellDeclaration():
            return try cellDeclaration()
        case .identifier where isAssignment():
            return try assignment()
        default:
            return try expressionStatement()
        }
    }

    /// `if c { … } else if d { … } … else { … }`, the `else if` links read in a loop and nested from the last.
    private func ifStatement() throws -> Statement {
        var branches: [(first: Token, condition: Expr, then: [Statement])] = []
        var otherwise: [Statement]?
        while true {
            let first = advance()
            if branches.count == NestingLimit.depth - 1 {
                throw error(SyntaxMessage.chainTooLong(link: "'else if'", limit: NestingLimit.depth), at: first)
            }
            let condition = try expression(after: "'if'")
            branches.append((first, condition, try block(of: "if")))
            // `else` may sit on the line after the closing brace.
            var look = current
            while tokens[look].kind == .newline { look += 1 }
            guard tokens[look].kind == .keyword(.else) else { break }
            current = look
            advance()
            if !check(.keyword(.if)) {
                otherwise = try block(of: "else")
                break
            }
        }
        var statement: Statement?
        for branch in branches.reversed() {
            let rest = statement.map { [$0] } ?? otherwise
            statement = Statement(.ifElse(branch.condition, then: branch.then, otherwise: rest), at: branch.first.location)
        }
        return statement!
    }

    /// `{ statements }` on the same line as the statement that owns it.
    private func block(of owner: String) throws -> [Statement] {
        let open = try consume(.punctuation(.leftBrace), "expected '{' to start the body of '\(owner)'")
        let body = try deeper { parseStatements(inBlock: true) }
        guard tokens[current].kind == .punctuation(.rightBrace) else {
            throw error(SyntaxMessage.unclosedBlock(opened: position(open), found: tokens[current].quoted), at: tokens[current])
        }
        advance()
        return body
    }

    private func isAssignment() -> Bool {
        let next = tokens[current + 1].kind
        return next == .punctuation(.equal) || next == .punctuation(.comma) || compoundOperator(tokens[current + 1]) != nil
    }

    /// The arithmetic of a compound assignment token (`+=`), or nil.
    private func compoundOperator(_ token: Token) -> BinaryOperator? {
        guard case .punctuation(let p) = token.kind else { return nil }
        return p.compoundOperator
    }

    /// `name += value` (and `-=`, `*=`, `/=`), read as `name = name + value`.
    private func compoundAssignment() throws -> Statement {
        let name = advance()
        let op = advance()
        let value = try expression(after: "'\(op.text)'")
        let target = Expr(.identifier(name.text), range: SourceRange(start: name.location, length: name.length))
        let sameLine = previous.location.line == name.location.line
        let length = sameLine ? previous.location.column + previous.length - name.location.column : name.length
        let sum = Expr(.binary(compoundOperator(op)!, target, value), range: SourceRange(start: name.location, length: length))
        return Statement(.assign([Identifier(name.text, at: name.location)], sum), at: name.location)
    }

    private func assignment() throws -> Statement {
        let first = peek
        if compoundOperator(tokens[current + 1]) != nil { return try compoundAssignment() }
        let (names, value) = try assignment()
        return Statement(.assign(names, value), at: first.location)
    }

    /// `a, b = expression`: the names assigned to and the value, as a statement and a cell's step both write them.
    func assignment() throws -> (names: [Identifier], value: Expr) {
        var names: [Identifier] = []
        repeat {
            let name = try consume(.identifier, "expected a name to assign to")
            names.append(Identifier(name.text, at: name.location))
        } while match(.punctuation(.comma)) != nil
        try consume(.punctuation(.equal), "expected '=' after the names to assign")
        let value = try expression(after: "'='")
        return (names, value)
    }

    private func expressionStatement() throws -> Statement {
        let first = peek
        let value = try expression()
        if check(.punctuation(.equal)) || compoundOperator(peek) != nil {
            throw error(SyntaxMessage.cannotAssignExpression(expression: "\(value)"), at: first, length: value.range.length)
        }
        // `pritn x` reads as a misspelt statement keyword followed by more tokens on the line.
        if case .identifier(let name) = value.kind, !isStatementEnd(peek),
           let keyword = Suggestion.closest(to: name, in: Keyword.statementStarters.map(\.rawValue)) {
            throw error(SyntaxMessage.unknownStatement(name: name, suggestion: keyword), at: first)
        }
        return Statement(.expression(value), at: first.location)
    }

    /// A statement ends at a line end, at the end of the cell, or before the `}` closing its block.
    func endStatement() throws {
        let token = tokens[current]
        if token.kind == .newline { current += 1; return }
        if isStatementEnd(token) { return }
        throw error(SyntaxMessage.expectedEndOfLine(found: token.quoted), at: token)
    }

    private func isStatementEnd(_ token: Token) -> Bool {
        token.kind == .newline || token.kind == .end || token.kind == .punctuation(.rightBrace)
    }

    /// `{ key: value, … }`: a record literal or the options of `fit` and `plot` (line ends are free inside). A keyword
    /// followed by `:` is a key too (`plot: false`).
    func record(named what: String) throws -> [Field] {
        let open = advance()
        return try nested {
            var fields: [Field] = []
            while !check(.punctuation(.rightBrace)) {
                let key: Token
                if case .keyword = tokens[current].kind, current + 1 < tokens.count,
                   tokens[current + 1].kind == .punctuation(.colon) {
                    key = advance()
                } else {
                    key = try consume(.identifier, "expected a name before ':' in the \(what) started at \(position(open))")
                }
                try consume(.punctuation(.colon), "expected ':' after '\(key.text)'")
                let value = try expression(after: "'\(key.text):'")
                fields.append(Field(name: Identifier(key.text, at: key.location), value: value))
                if match(.punctuation(.comma)) == nil { break }
            }
            try consume(.punctuation(.rightBrace), "expected '}' to close the \(what) started at \(position(open))")
            return fields
        }
    }

    // MARK: - Error recovery

    /// Skips to the start of the next statement after an error in the statement that began at token `start`.
    ///
    /// A line end ends the broken statement once the brackets opened since `start` are closed, or when the
    /// next line starts at or left of the statement's column with a statement keyword or a name (so that an
    /// unclosed `(` does not swallow the rest of the cell). A `}` that closes the enclosing block is left for
    /// the block to consume.
    func synchronize(from start: Int) {
        var depth = 0
        for token in tokens[start..<current] { depth += bracketDelta(token) }
        let column = tokens[start].location.column
        if current > start, tokens[current - 1].kind == .newline, resumes(at: current, column: column) { return }
        while tokens[current].kind != .end {
            let token = tokens[current]
            if token.kind == .newline {
                var next = current + 1
                while tokens[next].kind == .newline { next += 1 }
                if depth <= 0 || resumes(at: next, column: column) {
                    current = next
                    return
                }
            } else if token.kind == .punctuation(.rightBrace), depth <= 0 {
                return
            } else {
                depth += bracketDelta(token)
            }
            current += 1
        }
    }

    /// Whether the token at `index`, first on its line, is where parsing can go on after a statement at
    /// `column` broke: a statement starting at or left of that column, or a `}` left of it (closing the
    /// enclosing block).
    private func resumes(at index: Int, column: Int) -> Bool {
        let token = tokens[index]
        if token.kind == .punctuation(.rightBrace) { return token.location.column < column }
        guard token.location.column <= column else { return false }
        if case .keyword(let k) = token.kind { return Keyword.statementStarters.contains(k) }
        return token.kind == .identifier
    }

    private func bracketDelta(_ token: Token) -> Int {
        switch token.kind {
        case .punctuation(.leftParen), .punctuation(.leftBracket), .punctuation(.leftBrace): return 1
        case .punctuation(.rightParen), .punctuation(.rightBracket), .punctuation(.rightBrace): return -1
        default: return 0
        }
    }

    // MARK: - Token access

    /// The current token, skipping line ends while inside brackets.
    var peek: Token {
        if nesting > 0 { while tokens[current].kind == .newline { current += 1 } }
        return tokens[current]
    }

    /// The first token after the current one that is not a line end.
    var peekNext: Token {
        _ = peek
        var i = current + 1
        while tokens[i].kind == .newline, i < tokens.count - 1 { i += 1 }
        return tokens[min(i, tokens.count - 1)]
    }

    func check(_ kind: TokenKind) -> Bool { peek.kind == kind }

    @discardableResult
    func advance() -> Token {
        let token = peek
        if token.kind != .end { current += 1 }
        previous = token
        return token
    }

    func match(_ kind: TokenKind) -> Token? {
        check(kind) ? advance() : nil
    }

    /// The current token if it is of `kind`; otherwise records `message, found X` and throws.
    @discardableResult
    func consume(_ kind: TokenKind, _ message: @autoclosure () -> String) throws -> Token {
        if check(kind) { return advance() }
        throw error(SyntaxMessage.expected(expectation: message(), found: peek.quoted), at: peek)
    }

    func skipNewlines() {
        while tokens[current].kind == .newline { current += 1 }
    }

    /// Runs `body` with line ends skipped (inside brackets and records), restoring the previous mode after.
    func nested<T>(_ body: () throws -> T) rethrows -> T {
        nesting += 1
        defer { nesting -= 1 }
        return try body()
    }

    /// Records an error at `token` and returns the error to throw.
    func error(_ message: SyntaxMessage, at token: Token, length: Int? = nil) -> ParseError {
        report(message, at: token.location, length: length ?? token.length)
        return ParseError()
    }

    /// Records an error without unwinding.
    func report(_ message: SyntaxMessage, at location: SourceLocation, length: Int = 1) {
        guard !abandoned else { return }
        diagnostics.append(Diagnostic(message, at: SourceRange(start: location, length: length)))
    }

    /// Runs `body` one level deeper in the parser's recursion; past `NestingLimit.depth` it reports the
    /// nesting at the current token instead and gives up on the rest of the cell.
    func deeper<T>(_ body: () throws -> T) throws -> T {
        guard depth < NestingLimit.depth else { throw tooDeep(at: peek) }
        depth += 1
        defer { depth -= 1 }
        return try body()
    }

    /// Reports `nesting deeper than N` at `token`, skips the rest of the cell and returns the error to throw.
    func tooDeep(at token: Token) -> ParseError {
        let error = error(SyntaxMessage.nestingTooDeep(limit: NestingLimit.depth, token: token.quoted), at: token)
        abandoned = true
        current = tokens.count - 1
        return error
    }

    /// `line:col` of a token, as messages cite the bracket that opened a construct.
    func position(_ token: Token) -> String { "\(token.location.line):\(token.location.column)" }

    /// The source text from the first character of `expression` to the end of the last token consumed.
    func sourceText(of expression: Expr) -> String {
        guard let first = tokens.first(where: { $0.location == expression.location && $0.kind != .newline }) else {
            return expression.description
        }
        let end = previous.offset + previous.length
        guard first.offset < end, end <= scalars.count else { return expression.description }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first.offset..<end])
        return String(view)
    }
}
