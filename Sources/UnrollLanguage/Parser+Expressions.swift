import UnrollDiagnostics

/// The expression grammar, loosest binding first:
/// `or` < `and` < `not` < comparison (non-chaining) < range `...` < `+ -` < `* / % @` < unary `-` < postfix
/// (`.name`, call, index) < primary.
extension Parser {
    /// One expression; `context` names what it follows, for the message when none is there.
    func expression(after context: String? = nil) throws -> Expr {
        if let context, isExpressionEnd(peek) {
            throw error(SyntaxMessage.expectedExpressionAfter(context: context, found: peek.quoted), at: peek)
        }
        return try deeper { try or() }
    }

    private func isExpressionEnd(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .end, .punctuation(.rightParen), .punctuation(.rightBracket), .punctuation(.rightBrace),
             .punctuation(.comma):
            return true
        default:
            return false
        }
    }

    private func or() throws -> Expr {
        let first = peek
        var left = try and()
        while let link = match(.keyword(.or)) {
            let right = try and()
            left = try make(.binary(.or, left, right), from: first, link: link)
        }
        return left
    }

    private func and() throws -> Expr {
        let first = peek
        var left = try not()
        while let link = match(.keyword(.and)) {
            let right = try not()
            left = try make(.binary(.and, left, right), from: first, link: link)
        }
        return left
    }

    /// `not not … x`, read in a loop so that a long run of prefixes does not recurse.
    private func not() throws -> Expr {
        var prefixes: [Token] = []
        while let token = match(.keyword(.not)) { prefixes.append(token) }
        return try prefixed(try comparison(), by: prefixes, .not)
    }

    /// `operand` under the prefix operators `prefixes` (outermost first), each node spanning to the operand's end.
    private func prefixed(_ operand: Expr, by prefixes: [Token], _ op: UnaryOperator) throws -> Expr {
        var expr = operand
        for token in prefixes.reversed() { expr = try make(.unary(op, expr), from: token, link: nil) }
        return expr
    }

    private func comparison() throws -> Expr {
        let first = peek
        let left = try range()
        guard let op = comparisonOperator(peek) else { return left }
        let link = advance()
        let right = try range()
        if comparisonOperator(peek) != nil {
            throw error(SyntaxMessage.chainedComparison, at: peek)
        }
        return try make(.binary(op, left, right), from: first, link: link)
    }

    private func comparisonOperator(_ token: Token) -> BinaryOperator? {
        guard case .punctuation(let p) = token.kind else { return nil }
        switch p {
        case .equalEqual: return .equal
        case .bangEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    private func range() throws -> Expr {
        let first = peek
        let lower = try additive()
        guard let link = match(.punctuation(.ellipsis)) else { return lower }
        let upper = try additive()
        return try make(.range(lower, upper), from: first, link: link)
    }

    private func additive() throws -> Expr {
        let first = peek
        var left = try multiplicative()
        while true {
            let op: BinaryOperator
            let link = peek
            if match(.punctuation(.plus)) != nil { op = .add } else if match(.punctuation(.minus)) != nil { op = .subtract } else { break }
            let right = try multiplicative()
            left = try make(.binary(op, left, right), from: first, link: link)
        }
        return left
    }

    private func multiplicative() throws -> Expr {
        let first = peek
        var left = try unary()
        while true {
            let op: BinaryOperator
            let link = peek
            if match(.punctuation(.star)) != nil {
                op = .multiply
            } else if match(.punctuation(.slash)) != nil {
                op = .divide
            } else if match(.punctuation(.percent)) != nil {
                op = .remainder
            } else if match(.punctuation(.at)) != nil {
                op = .matmul
            } else {
                break
            }
            let right = try unary()
            left = try make(.binary(op, left, right), from: first, link: link)
        }
        return left
    }

    /// `- - … x`, read in a loop so that a long run of minuses does not recurse.
    private func unary() throws -> Expr {
        var prefixes: [Token] = []
        while let token = match(.punctuation(.minus)) { prefixes.append(token) }
        return try prefixed(try postfix(), by: prefixes, .negate)
    }

    private func postfix() throws -> Expr {
        let first = peek
        var expr = try primary()
        while true {
            let link = peek
            if match(.punctuation(.dot)) != nil {
                let name = try consume(.identifier, "expected a member name after '.'")
                if case .identifier("params") = expr.kind {
                    expr = try make(.parameter(name.text), from: first, link: nil)
                } else {
                    expr = try make(.member(expr, Identifier(name.text, at: name.location)), from: first, link: link)
                }
            } else if check(.punctuation(.leftParen)) {
                let arguments = try callArguments()
                expr = try make(.call(expr, arguments), from: first, link: link)
            } else if check(.punctuation(.leftBracket)) {
                let open = advance()
                let index = try nested { () throws -> Expr in
                    let index = try expression(after: "'['")
                    if let colon = match(.punctuation(.colon)) { throw try colonSlice(expr, index, colon) }
                    try consume(.punctuation(.rightBracket), "expected ']' to close the index started at \(position(open))")
                    return index
                }
                expr = try make(.index(expr, index), from: first, link: link)
            } else {
                return expr
            }
        }
    }

    /// The error for a Python slice `x[a:b]`, suggesting the range `x[a...b-1]` that takes the same items.
    private func colonSlice(_ base: Expr, _ lower: Expr, _ colon: Token) throws -> ParseError {
        var upper = "N - 1"
        if !check(.punctuation(.rightBracket)), let end = try? expression() {
            if case .integer(let b) = end.kind, b > Int.min { upper = String(b - 1) } else { upper = "\(end) - 1" }
        }
        return error(SyntaxMessage.colonSlice(suggestion: "\(base)[\(lower)...\(upper)]"), at: colon)
    }

    /// `( positional…, label: value… )`.
    private func callArguments() throws -> [Argument] {
        let open = advance()
        return try nested {
            var arguments: [Argument] = []
            var lastLabel: Identifier?
            while !check(.punctuation(.rightParen)) {
                var label: Identifier?
                if check(.identifier), peekNext.kind == .punctuation(.colon) {
                    let name = advance()
                    advance()
                    label = Identifier(name.text, at: name.location)
                }
                let value = try expression(after: label.map { "'\($0.text):'" } ?? "'('")
                if label == nil, let lastLabel {
                    report(SyntaxMessage.positionalAfterLabelled(label: lastLabel.text), at: value.location, length: value.range.length)
                }
                if let label { lastLabel = label }
                arguments.append(Argument(label: label, value: value))
                if match(.punctuation(.comma)) == nil { break }
            }
            try consume(.punctuation(.rightParen), "expected ')' to close the call started at \(position(open))")
            return arguments
        }
    }

    private func primary() throws -> Expr {
        let token = peek
        switch token.kind {
        case .integer, .float, .string, .keyword(.true), .keyword(.false):
            advance()
            switch token.literal {
            case .int(let i)?: return try make(.integer(i), from: token, link: nil)
            case .float(let x)?: return try make(.float(x), from: token, link: nil)
            case .string(let s)?: return try make(.string(s), from: token, link: nil)
            case .bool(let b)?: return try make(.bool(b), from: token, link: nil)
            default: return try make(.invalid, from: token, link: nil)
            }
        case .identifier:
            advance()
            return try make(.identifier(token.text), from: token, link: nil)
        case .punctuation(.leftParen):
            advance()
            return try nested {
                let inner = try expression(after: "'('")
                try consume(.punctuation(.rightParen), "expected ')' to close the '(' at \(position(token))")
                return Expr(inner.kind, range: range(from: token))
            }
        case .punctuation(.leftBracket):
            advance()
            return try nested {
                var items: [Expr] = []
                while !check(.punctuation(.rightBracket)) {
                    items.append(try expression())
                    if match(.punctuation(.comma)) == nil { break }
                }
                try consume(.punctuation(.rightBracket), "expected ']' to close the list started at \(position(token))")
                return try make(.list(items), from: token, link: nil)
            }
        case .punctuation(.leftBrace):
            let fields = try record(named: "record")
            return try make(.record(fields), from: token, link: nil)
        default:
            throw error(SyntaxMessage.expectedExpression(found: token.quoted), at: token)
        }
    }

    /// An expression node spanning from `first` to the last token consumed; throws when the node would make
    /// the tree deeper than `NestingLimit.depth` (`link` is the operator or suffix that joined it to a chain).
    private func make(_ kind: ExprKind, from first: Token, link: Token?) throws -> Expr {
        let expr = Expr(kind, range: range(from: first))
        guard expr.depth <= NestingLimit.depth else {
            if let link { throw error(SyntaxMessage.chainTooLong(link: link.quoted, limit: NestingLimit.depth), at: link) }
            throw tooDeep(at: first)
        }
        return expr
    }

    private func range(from first: Token) -> SourceRange {
        let end = previous
        let sameLine = end.location.line == first.location.line && end.location.column >= first.location.column
        let length = sameLine ? end.location.column + end.length - first.location.column : first.length
        return SourceRange(start: first.location, length: length)
    }
}
