import UnrollDiagnostics

/// The expression grammar, loosest binding first:
/// `or` < `and` < `not` < comparison (non-chaining) < range `...` < `+ -` < `* / %` < unary `-` < postfix
/// (`.name`, call, index) < primary.
extension Parser {
    /// One expression; `context` names what it follows, for the message when none is there.
    func expression(after context: String? = nil) throws -> Expr {
        if let context, isExpressionEnd(peek) {
            throw error(SyntaxMessage.expectedExpressionAfter(context: context, found: peek.quoted), at: peek)
        }
        return try or()
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
        while match(.keyword(.or)) != nil {
            let right = try and()
            left = make(.binary(.or, left, right), from: first)
        }
        return left
    }

    private func and() throws -> Expr {
        let first = peek
        var left = try not()
        while match(.keyword(.and)) != nil {
            let right = try not()
            left = make(.binary(.and, left, right), from: first)
        }
        return left
    }

    private func not() throws -> Expr {
        let first = peek
        if match(.keyword(.not)) != nil {
            return make(.unary(.not, try not()), from: first)
        }
        return try comparison()
    }

    private func comparison() throws -> Expr {
        let first = peek
        let left = try range()
        guard let op = comparisonOperator(peek) else { return left }
        advance()
        let right = try range()
        if comparisonOperator(peek) != nil {
            throw error(SyntaxMessage.chainedComparison, at: peek)
        }
        return make(.binary(op, left, right), from: first)
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
        guard match(.punctuation(.ellipsis)) != nil else { return lower }
        let upper = try additive()
        return make(.range(lower, upper), from: first)
    }

    private func additive() throws -> Expr {
        let first = peek
        var left = try multiplicative()
        while true {
            let op: BinaryOperator
            if match(.punctuation(.plus)) != nil { op = .add } else if match(.punctuation(.minus)) != nil { op = .subtract } else { break }
            let right = try multiplicative()
            left = make(.binary(op, left, right), from: first)
        }
        return left
    }

    private func multiplicative() throws -> Expr {
        let first = peek
        var left = try unary()
        while true {
            let op: BinaryOperator
            if match(.punctuation(.star)) != nil {
                op = .multiply
            } else if match(.punctuation(.slash)) != nil {
                op = .divide
            } else if match(.punctuation(.percent)) != nil {
                op = .remainder
            } else {
                break
            }
            let right = try unary()
            left = make(.binary(op, left, right), from: first)
        }
        return left
    }

    private func unary() throws -> Expr {
        let first = peek
        if match(.punctuation(.minus)) != nil {
            return make(.unary(.negate, try unary()), from: first)
        }
        return try postfix()
    }

    private func postfix() throws -> Expr {
        let first = peek
        var expr = try primary()
        while true {
            if match(.punctuation(.dot)) != nil {
                let name = try consume(.identifier, "expected a member name after '.'")
                if case .identifier("params") = expr.kind {
                    expr = make(.parameter(name.text), from: first)
                } else {
                    expr = make(.member(expr, Identifier(name.text, at: name.location)), from: first)
                }
            } else if check(.punctuation(.leftParen)) {
                let arguments = try callArguments()
                expr = make(.call(expr, arguments), from: first)
            } else if check(.punctuation(.leftBracket)) {
                let open = advance()
                let index = try nested { () throws -> Expr in
                    let index = try expression(after: "'['")
                    try consume(.punctuation(.rightBracket), "expected ']' to close the index started at \(position(open))")
                    return index
                }
                expr = make(.index(expr, index), from: first)
            } else {
                return expr
            }
        }
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
            case .int(let i)?: return make(.integer(i), from: token)
            case .float(let x)?: return make(.float(x), from: token)
            case .string(let s)?: return make(.string(s), from: token)
            case .bool(let b)?: return make(.bool(b), from: token)
            default: return make(.invalid, from: token)
            }
        case .identifier:
            advance()
            return make(.identifier(token.text), from: token)
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
                return make(.list(items), from: token)
            }
        case .punctuation(.leftBrace):
            let fields = try record(named: "record")
            return make(.record(fields), from: token)
        default:
            throw error(SyntaxMessage.expectedExpression(found: token.quoted), at: token)
        }
    }

    /// An expression node spanning from `first` to the last token consumed.
    private func make(_ kind: ExprKind, from first: Token) -> Expr {
        Expr(kind, range: range(from: first))
    }

    private func range(from first: Token) -> SourceRange {
        let end = previous
        let sameLine = end.location.line == first.location.line && end.location.column >= first.location.column
        let length = sameLine ? end.location.column + end.length - first.location.column : first.length
        return SourceRange(start: first.location, length: length)
    }
}
