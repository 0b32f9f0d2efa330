import UnrollDiagnostics

/// The grammar of a cell declaration:
///
/// ```
/// cell NAME(SIZE, …) {
///   NAME = param(SIZE, …, init: …)        # one per line
///   step(INPUT, STATE, STATE: SIZE, …) {
///     NAME, … = EXPRESSION               # locals
///     return OUTPUT, NEW_STATE, …
///   }
/// }
/// ```
///
/// `cell`, `param`, `step` and `return` are read from their place, not reserved: a notebook may still name a
/// variable `cell`. Expressions are the language's, with `@` for the matrix product.
extension Parser {
    /// Whether the tokens here start `cell NAME(`.
    func isCellDeclaration() -> Bool {
        tokens[current].text == "cell" && tokens[current + 1].kind == .identifier
            && tokens[current + 2].kind == .punctuation(.leftParen)
    }

    /// `cell NAME(sizes) { parameters; step(…) { … } }`.
    func cellDeclaration() throws -> Statement {
        let first = advance()
        let nameToken = advance()
        let name = Identifier(nameToken.text, at: nameToken.location)
        let sizes = try names(in: "the sizes of cell '\(name.text)'")
        let open = try consume(.punctuation(.leftBrace), "expected '{' to start the body of cell '\(name.text)'")
        var parameters: [CellParameterDeclaration] = []
        var step: (input: Identifier, states: [CellStateDeclaration], body: [CellStatement], at: SourceLocation)?
        var stepWritten = false
        try deeper {
            while true {
                skipNewlines()
                let token = tokens[current]
                if token.kind == .end || token.kind == .punctuation(.rightBrace) { break }
                let start = current
                do {
                    if token.text == "step", tokens[current + 1].kind == .punctuation(.leftParen) {
                        stepWritten = true
                        let parsed = try stepDeclaration(of: name.text)
                        if step != nil {
                            report(SyntaxMessage.cellStepTwice(cell: name.text), at: token.location, length: token.length)
                        } else {
                            step = parsed
                        }
                    } else if token.kind == .identifier, tokens[current + 1].kind == .punctuation(.equal) {
                        parameters.append(try parameterDeclaration(in: name.text))
                    } else {
                        throw error(SyntaxMessage.cellBodyLine(cell: name.text, found: token.quoted), at: token)
                    }
                    try endStatement()
                } catch {
                    if current == start { current += 1 }
                    synchronize(from: start)
                }
            }
        }
        guard tokens[current].kind == .punctuation(.rightBrace) else {
            throw error(SyntaxMessage.unclosedBlock(opened: position(open), found: tokens[current].quoted), at: tokens[current])
        }
        let close = advance()
        guard let step else {
            // A step that failed to parse has had its error already.
            if stepWritten { throw ParseError() }
            throw error(SyntaxMessage.cellWithoutStep(cell: name.text), at: nameToken)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first.offset..<min(close.offset + close.length, scalars.count)])
        let operators = tokens.filter {
            $0.offset >= first.offset && $0.offset < close.offset && ["+", "-", "*", "/", "%", "@"].contains($0.text)
                && $0.kind != .string
        }.map { CellOperatorToken(text: $0.text, location: $0.location) }
        let declaration = CellDeclaration(name: name, sizes: sizes, parameters: parameters, input: step.input,
                                          states: step.states, body: step.body, stepLocation: step.at,
                                          source: String(view), operators: operators)
        return Statement(.cell(declaration), at: first.location)
    }

    /// `( a, b, … )`: plain names, as the header of a cell lists its sizes.
    private func names(in what: String) throws -> [Identifier] {
        let open = advance()
        return try nested {
            var names: [Identifier] = []
            while !check(.punctuation(.rightParen)) {
                let name = try consume(.identifier, "expected a name in \(what)")
                names.append(Identifier(name.text, at: name.location))
                if match(.punctuation(.comma)) == nil { break }
            }
            try consume(.punctuation(.rightParen), "expected ')' to close \(what) started at \(position(open))")
            return names
        }
    }

    /// `NAME = param(sizes…, init: …)`.
    private func parameterDeclaration(in cell: String) throws -> CellParameterDeclaration {
        let nameToken = advance()
        advance()
        let value = try expression(after: "'='")
        guard case .call(let callee, let arguments) = value.kind, case .identifier("param") = callee.kind else {
            throw error(SyntaxMessage.cellParameterNotParam(cell: cell, name: nameToken.text), at: nameToken,
                        length: nameToken.length)
        }
        return CellParameterDeclaration(
            name: Identifier(nameToken.text, at: nameToken.location),
            shape: arguments.filter { $0.label == nil }.map(\.value),
            options: arguments.filter { $0.label != nil }, call: value
        )
    }

    /// `step(x, h, c: 2 * hidden) { statements }`.
    private func stepDeclaration(of cell: String)
        throws -> (input: Identifier, states: [CellStateDeclaration], body: [CellStatement], at: SourceLocation) {
        let stepToken = advance()
        let open = advance()
        let arguments: [(Identifier, Expr?)] = try nested {
            var arguments: [(Identifier, Expr?)] = []
            while !check(.punctuation(.rightParen)) {
                let name = try consume(.identifier, "expected a name in the arguments of 'step'")
                let width = match(.punctuation(.colon)) != nil ? try expression(after: "':'") : nil
                arguments.append((Identifier(name.text, at: name.location), width))
                if match(.punctuation(.comma)) == nil { break }
            }
            try consume(.punctuation(.rightParen), "expected ')' to close the arguments of 'step' started at \(position(open))")
            return arguments
        }
        if arguments.count < 2 {
            // Reported, and the body still read, so that its own errors come in the same run.
            report(SyntaxMessage.stepArguments(cell: cell), at: stepToken.location, length: stepToken.length)
        }
        let input = arguments.first ?? (Identifier("x", at: stepToken.location), nil)
        if let width = input.1 {
            report(SyntaxMessage.stepInputWidth(name: input.0.text), at: width.location, length: width.range.length)
        }
        let states = arguments.dropFirst().map { CellStateDeclaration(name: $0.0, width: $0.1) }
        let braceToken = try consume(.punctuation(.leftBrace), "expected '{' to start the body of 'step'")
        var body: [CellStatement] = []
        try deeper {
            while true {
                skipNewlines()
                let token = tokens[current]
                if token.kind == .end || token.kind == .punctuation(.rightBrace) { break }
                let start = current
                do {
                    body.append(try stepStatement())
                    try endStatement()
                } catch {
                    if current == start { current += 1 }
                    synchronize(from: start)
                }
            }
        }
        guard tokens[current].kind == .punctuation(.rightBrace) else {
            throw error(SyntaxMessage.unclosedBlock(opened: position(braceToken), found: tokens[current].quoted),
                        at: tokens[current])
        }
        advance()
        return (input.0, states, body, stepToken.location)
    }

    /// `return a, b, …` or `a, b = expression`.
    private func stepStatement() throws -> CellStatement {
        let first = peek
        if first.text == "return", first.kind == .identifier, tokens[current + 1].kind != .punctuation(.equal) {
            advance()
            var values = [try expression(after: "'return'")]
            while match(.punctuation(.comma)) != nil { values.append(try expression(after: "','")) }
            return CellStatement(.return(values), at: first.location)
        }
        guard first.kind == .identifier else {
            throw error(SyntaxMessage.stepLine(found: first.quoted), at: first)
        }
        let (names, value) = try assignment()
        return CellStatement(.assign(names, value), at: first.location)
    }
}
