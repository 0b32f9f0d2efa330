import Foundation
import UnrollDiagnostics
import XCTest
@testable import UnrollLanguage

final class ParserTests: XCTestCase {
    private func parse(_ source: String, firstLine: Int = 1) -> (Program, [Diagnostic]) {
        Parser.parse(source: source, file: "nb.md", firstLine: firstLine)
    }

    /// The expression of a one-statement program, fully parenthesised to show the tree.
    private func tree(_ source: String) -> String {
        let (program, problems) = parse(source)
        XCTAssertEqual(problems, [], source)
        guard case .expression(let e)? = program.statements.first?.kind else { return "<no expression>" }
        return parenthesised(e)
    }

    private func parenthesised(_ e: Expr) -> String {
        switch e.kind {
        case .binary(let op, let l, let r): return "(\(parenthesised(l)) \(op.rawValue) \(parenthesised(r)))"
        case .unary(.negate, let x): return "(-\(parenthesised(x)))"
        case .unary(.not, let x): return "(not \(parenthesised(x)))"
        case .range(let l, let r): return "(\(parenthesised(l))...\(parenthesised(r)))"
        default: return e.description
        }
    }

    func testPrecedence() {
        XCTAssertEqual(tree("a + b * c - d"), "((a + (b * c)) - d)")
        XCTAssertEqual(tree("a - b - c"), "((a - b) - c)")
        XCTAssertEqual(tree("-a * b"), "((-a) * b)")
        XCTAssertEqual(tree("a < b + 1 and not c or d"), "(((a < (b + 1)) and (not c)) or d)")
        XCTAssertEqual(tree("not a == b"), "(not (a == b))")
        XCTAssertEqual(tree("1...n + 1"), "(1...(n + 1))")
        XCTAssertEqual(tree("(a + b) * c % 2"), "(((a + b) * c) % 2)")
        XCTAssertEqual(tree("x.y[-1].z(2) / 4"), "(x.y[-1].z(2) / 4)")
    }

    func testCompoundAssignmentIsAnAssignmentOfTheArithmetic() {
        for (source, op) in [("n += 2 * k", "+"), ("n -= 1", "-"), ("n *= 3", "*"), ("n /= 2", "/")] {
            let (program, problems) = parse(source)
            XCTAssertEqual(problems, [], source)
            guard case .assign(let names, let value)? = program.statements.first?.kind,
                  case .binary(let binary, let left, _) = value.kind else { return XCTFail(source) }
            XCTAssertEqual(names.map(\.text), ["n"])
            XCTAssertEqual(binary.rawValue, op)
            XCTAssertEqual(left.kind, .identifier("n"))
            XCTAssertEqual(value.range.length, source.count, "the arithmetic spans the statement")
        }
        XCTAssertEqual(tree("xs[1...3]"), "xs[1...3]")
    }

    func testPostfixChainsAndParams() {
        let (program, problems) = parse("x = params.hidden * lm.history.valid.loss[-1]")
        XCTAssertEqual(problems, [])
        guard case .assign(let names, let value)? = program.statements.first?.kind,
              case .binary(.multiply, let left, let right) = value.kind else { return XCTFail("\(program)") }
        XCTAssertEqual(names.map(\.text), ["x"])
        XCTAssertEqual(left.kind, .parameter("hidden"))
        guard case .index(let base, let index) = right.kind else { return XCTFail() }
        XCTAssertEqual(base.description, "lm.history.valid.loss")
        XCTAssertEqual(index.kind, .unary(.negate, Expr(.integer(1), range: SourceRange(start: SourceLocation(file: "nb.md", line: 1, column: 44)))))
    }

    func testCallsWithPositionalAndLabelledArguments() {
        let (program, problems) = parse("lm = LanguageModel(corpus.vocab, embed: 64,\n    rnn: LSTM(hidden: 128, layers: 2))")
        XCTAssertEqual(problems, [])
        guard case .assign(_, let value)? = program.statements.first?.kind,
              case .call(let callee, let args) = value.kind else { return XCTFail() }
        XCTAssertEqual(callee.kind, .identifier("LanguageModel"))
        XCTAssertEqual(args.map { $0.label?.text }, [nil, "embed", "rnn"])
        XCTAssertEqual(args[2].label?.location, SourceLocation(file: "nb.md", line: 2, column: 5))
        XCTAssertEqual(value.description, "LanguageModel(corpus.vocab, embed: 64, rnn: LSTM(hidden: 128, layers: 2))")
    }

    func testStatementsOfEveryKind() {
        let source = """
        seed 7
        train, valid = corpus.split(0.9)
        fit lm on train {
          epochs: 2, batch: 32,
          optimizer: Adam(lr: 3e-3)
        }
        print "loss", lm.history.train.loss.last
        show table([[1, 2]], columns: ["a", "b"])
        plot lm.history { metric: "perplexity" }
        expect lm.history.valid.loss.last  <  3.5
        for h in [32, 64] { print h }
        if x > 1 {
          print "big"
        }
        else if x > 0 { print "small" } else { print "none" }
        save(lm, "x")
        """
        let (program, problems) = parse(source, firstLine: 10)
        XCTAssertEqual(problems, [])
        let kinds = program.statements.map { s -> String in
            switch s.kind {
            case .seed: return "seed"
            case .assign(let names, _): return "assign \(names.count)"
            case .fit(_, _, let options): return "fit \(options.map(\.name.text))"
            case .print(let items): return "print \(items.count)"
            case .show: return "show"
            case .plot(let values, let options): return values.count == 1 ? "plot \(options.count)" : "plot \(values.count) values \(options.count)"
            case .expect(let e, let text): return "expect \(e.comparison!.op.rawValue) [\(text)]"
            case .forLoop(let v, _, let body): return "for \(v.text) \(body.count)"
            case .ifElse(_, let then, let otherwise): return "if \(then.count) \(otherwise?.count ?? -1)"
            case .expression: return "expression"
            case .cell(let d): return "cell \(d.name.text)"
            }
        }
        XCTAssertEqual(kinds, [
            "seed", "assign 2", "fit [\"epochs\", \"batch\", \"optimizer\"]", "print 2", "show", "plot 1",
            "expect < [lm.history.valid.loss.last  <  3.5]", "for h 1", "if 1 1", "expression",
        ])
        XCTAssertEqual(program.statements.map(\.location.line), [10, 11, 12, 16, 17, 18, 19, 20, 21, 25])
        // `else if` nests a second `if` as the whole else branch.
        guard case .ifElse(_, _, let otherwise?) = program.statements[8].kind,
              case .ifElse(_, _, let last?) = otherwise[0].kind else { return XCTFail() }
        XCTAssertEqual(last.count, 1)
    }

    func testExpectKeepsBothSidesOfTheComparison() {
        let (program, _) = parse("expect accuracy(m, d) >= 0.95")
        guard case .expect(let condition, _)? = program.statements.first?.kind,
              let (left, op, right) = condition.comparison else { return XCTFail() }
        XCTAssertEqual(left.description, "accuracy(m, d)")
        XCTAssertEqual(op, .greaterEqual)
        XCTAssertEqual(right.kind, .float(0.95))
    }

    func testRecoveryReportsEveryError() {
        let source = """
        a = (1 + 2
        print a
        b = [1, 2 3]
        fit on data
        c = 4
        d = )
        """
        let (program, problems) = parse(source)
        XCTAssertEqual(problems.map(\.description), [
            "nb.md:2:1: error: expected ')' to close the '(' at 1:5, found 'print'",
            "nb.md:3:11: error: expected ']' to close the list started at 3:5, found '3'",
            "nb.md:4:5: error: expected an expression, found 'on'",
            "nb.md:6:5: error: expected an expression after '=', found ')'",
        ])
        // The statements between the errors still parse.
        XCTAssertEqual(program.statements.count, 2)
    }

    func testCallErrorNamesWhereTheCallStarted() {
        let (_, problems) = parse("x = 1\nlm = LanguageModel(vocab: 3, rnn: LSTM(hidden: 8)\nfit lm on c")
        XCTAssertEqual(problems.map(\.description), [
            "nb.md:3:1: error: expected ')' to close the call started at 2:19, found 'fit'",
        ])
    }

    func testRecoveryInsideBlocks() {
        let source = """
        for x in xs {
          print
          y = 1 +
        }
        print z )
        """
        let (program, problems) = parse(source)
        XCTAssertEqual(problems.map(\.description), [
            "nb.md:2:8: error: expected an expression after 'print', found end of line",
            "nb.md:3:10: error: expected an expression, found end of line",
            "nb.md:5:9: error: expected end of line after the statement, found ')'",
        ])
        guard case .forLoop(_, _, let body)? = program.statements.first?.kind else { return XCTFail() }
        XCTAssertEqual(body.count, 0)
    }

    func testHelpfulMessages() {
        let cases: [(String, String)] = [
            ("pritn x", "1:1: error: unknown statement 'pritn'; did you mean 'print'?"),
            ("a < b < c", "1:7: error: comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'"),
            ("a.b = 1", "1:1: error: cannot assign to 'a.b'; only plain names can be assigned"),
            ("f(x: 1, 2)", "1:9: error: positional argument after the labelled argument 'x'; put positional arguments first"),
            ("else { }", "1:1: error: 'else' must follow the '}' of an 'if' block"),
            ("in = 3", "1:1: error: 'in' is a keyword and cannot be assigned; choose another name"),
            ("print = 3", "1:1: error: 'print' is a keyword and cannot be assigned; choose another name"),
            ("for x xs { }", "1:7: error: expected 'in' after the loop variable 'x', found 'xs'"),
            ("for x in xs\n{ }", "1:12: error: expected '{' to start the body of 'for', found end of line"),
            ("if a { print 1", "1:15: error: expected '}' to close the block started at 1:6, found end of cell"),
            ("fit m d", "1:7: error: expected 'on' after the model in 'fit', found 'd'"),
            ("x = {a 1}", "1:8: error: expected ':' after 'a', found '1'"),
            ("x = a[1", "1:8: error: expected ']' to close the index started at 1:6, found end of cell"),
            ("print \"a\" \"b\"", "1:11: error: expected end of line after the statement, found string \"b\""),
        ]
        for (source, expected) in cases {
            let (_, problems) = parse(source)
            XCTAssertEqual(problems.map(\.description), ["nb.md:" + expected], source)
        }
    }

    func testNewlinesInsideBracketsAndRecordsAreIgnored() {
        let source = """
        x = [
          1,
          2,
        ]
        plot h {
          title: "t",
          log: true
        }
        """
        let (program, problems) = parse(source)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(program.statements.count, 2)
    }

    func testExpressionRangesCoverTheirText() {
        let (program, _) = parse("x = foo(1, 2) + 3")
        guard case .assign(_, let value)? = program.statements.first?.kind else { return XCTFail() }
        XCTAssertEqual(value.range.start.column, 5)
        XCTAssertEqual(value.range.length, 13)
    }

    /// Every prefix of a real notebook parses and checks without trapping or hanging: errors users can
    /// cause become diagnostics.
    func testEveryPrefixOfANotebookIsHandled() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/valid", withExtension: "rnn"))
        let scalars = Array(try String(contentsOf: url, encoding: .utf8).unicodeScalars)
        var sawErrors = 0
        for end in stride(from: 0, through: scalars.count, by: 5) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<end])
            let analysis = Analysis(cells: [CellSource(source: String(view), firstLine: 1)], file: "prefix", builtins: .standard)
            if analysis.hasErrors { sawErrors += 1 }
        }
        XCTAssertGreaterThan(sawErrors, 60)
    }
}
