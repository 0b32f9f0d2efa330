import UnrollDiagnostics
import XCTest
@testable import UnrollLanguage

final class CheckerTests: XCTestCase {
    /// Parses each string as a cell (cell i starts at line 10 * i + 1) and checks them together.
    private func check(_ cells: String..., params: [String: ConstantValue] = [:]) -> CheckResult {
        var programs: [Program] = []
        for (i, cell) in cells.enumerated() {
            let (program, problems) = Parser.parse(source: cell, file: "nb.md", firstLine: 10 * i + 1)
            XCTAssertEqual(problems, [], cell)
            programs.append(program)
        }
        return Checker(builtins: .standard, params: params).check(programs)
    }

    private func messages(_ result: CheckResult) -> [String] {
        result.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    func testDidYouMeanForLayersNamesMembersAndLabels() {
        let result = check("""
        corpus = text("a.txt")
        lm = LanguageModel(vocab: corpus.vocab, rnn: LTSM(hidden: 8))
        print corpsu.size, corpus.sise
        g = GRU(hiddn: 3)
        """)
        XCTAssertEqual(messages(result), [
            "2:46: unknown layer 'LTSM'; did you mean 'LSTM'?",
            "3:7: unknown name 'corpsu'; did you mean 'corpus'?",
            "3:27: unknown member 'sise' of Corpus; did you mean 'size'?",
            "4:5: missing required argument 'hidden' for 'GRU'",
            "4:9: unknown argument 'hiddn' for 'GRU'; did you mean 'hidden'?",
        ])
        XCTAssertTrue(result.hasErrors)
    }

    func testDiagnosticsCarryTheirMessageArgumentsAndFixIts() {
        let result = check("""
        corpus = text("a.txt")
        lm = LanguageModel(vocab: corpus.vocab, rnn: LTSM(hidden: 8))
        print corpsu.size
        """)
        let raised: [any DiagnosticMessage] = [
            CallMessage.unknownFunction(noun: "layer", name: "LTSM", suggestion: "LSTM"),
            NameMessage.unknownName(name: "corpsu", suggestion: "corpus"),
        ]
        XCTAssertEqual(result.diagnostics.map(\.id), raised.map(\.id))
        XCTAssertEqual(result.diagnostics.map(\.arguments), raised.map(\.arguments))
        XCTAssertEqual(result.diagnostics[0].arguments, ["layer", "LTSM", "LSTM"])
        XCTAssertEqual(result.diagnostics[0].fixIts, [FixIt(replacing: result.diagnostics[0].range, with: "LSTM")])
        XCTAssertEqual(result.diagnostics[1].fixIts.map(\.replacement), ["corpus"])
    }

    func testAUseBeforeTheDefinitionNotesWhereTheDefinitionIs() {
        let result = check("print x\nx = 1")
        XCTAssertEqual(result.diagnostics.map(\.id), [NameMessage.usedBeforeDefinition(name: "x", line: 2, column: 1).id])
        XCTAssertEqual(result.diagnostics.first?.notes,
                       [DiagnosticNote("'x' is defined here", at: SourceRange(start: SourceLocation(file: "nb.md", line: 2, column: 1)))])
        let text = DiagnosticFormatter(source: "print x\nx = 1").format(result.diagnostics)
        XCTAssertEqual(text, """
            nb.md:1:7: error: 'x' is used before its definition at 2:1
            print x
                  ^
            nb.md:2:1: note: 'x' is defined here
            x = 1
            ^
            """)
    }

    func testCellsShareOneEnvironmentInOrder() {
        let result = check(
            "corpus = text(\"a.txt\")\nprint vocab_size",
            "vocab_size = corpus.vocab.size",
            "lm = LanguageModel(vocab: vocab_size, rnn: GRU(hidden: 4))\nfit lm on corpus"
        )
        XCTAssertEqual(messages(result), ["2:7: 'vocab_size' is used before its definition at 11:1"])
        XCTAssertEqual(result.globals["vocab_size"], .int)
        XCTAssertEqual(result.globals["lm"], .model(.languageModel))
    }

    func testParamsGiveTypesValuesAndSuggestions() {
        let params: [String: ConstantValue] = ["hidden": .int(0), "title": .string("x"), "rate": .float(0.01)]
        let result = check("""
        a = LSTM(hidden: params.hidden)
        b = SGD(lr: params.rate)
        c = GRU(hidden: params.title)
        d = params.hiden
        """, params: params)
        XCTAssertEqual(messages(result), [
            "1:18: 'hidden' must be positive, got 0 from 'params.hidden'",
            "3:17: argument 'hidden' of 'GRU' expects int, got string",
            "4:5: unknown param 'params.hiden'; did you mean 'params.hidden'?",
        ])
        XCTAssertEqual(messages(check("x = params.anything")), [
            "1:5: unknown param 'params.anything'; the front matter defines no params",
        ])
    }

    func testTypesFlowThroughBuiltinsAndMembers() {
        let result = check("""
        corpus = text("a.txt")
        train, valid = corpus.split(0.9)
        sums = task.adding(count: 10, length: 3...8)
        part = sums.train
        reg = Regressor(inputs: 2, rnn: RNN(hidden: 4))
        fit reg on part
        loss = reg.history.valid.loss
        last = loss.last
        n = [1, 2, 3].count
        tags = predict(Tagger(vocab: 5, tags: 3, rnn: GRU(hidden: 2)), "a b")
        m = max([1, 2])
        """)
        XCTAssertEqual(messages(result), [])
        let g = result.globals
        XCTAssertEqual(g["train"], .corpus)
        XCTAssertEqual(g["sums"], .dataset(DatasetFacts(kind: .sequences, inputs: 2, outputs: 1, origin: "task.adding")))
        XCTAssertEqual(g["part"], g["sums"])
        XCTAssertEqual(g["reg"], .model(ModelFacts(kind: .regressor, inputs: 2, outputs: 1)))
        XCTAssertEqual(g["loss"], .series)
        XCTAssertEqual(g["last"], .float)
        XCTAssertEqual(g["n"], .int)
        XCTAssertEqual(g["tags"], .list(.string))
        XCTAssertEqual(g["m"], .int)
    }

    func testShapeFactsOfRegressorAndTask() {
        let result = check("""
        waves = task.sine(count: 10, length: 5)
        r = Regressor(inputs: 2, rnn: GRU(hidden: 3))
        fit r on waves
        """)
        XCTAssertEqual(messages(result), ["3:10: the data has 1 input feature per step (task.sine), but 'r' expects 2"])
    }

    func testConstantsFoldThroughNamesAndArithmetic() {
        let result = check("""
        width = 4 * 2
        a = LSTM(hidden: width - 8)
        b = LSTM(hidden: width, dropout: 3 / 2, layers: 2)
        c = LSTM(hidden: -width)
        """)
        XCTAssertEqual(messages(result), [
            "2:18: 'hidden' must be positive, got 0",
            "3:34: 'dropout' must be in [0, 1), got 1.5",
            "4:18: 'hidden' must be positive, got -8",
        ])
    }

    func testAssignmentsInsideBlocksWidenOuterNamesAndForgetConstants() {
        let result = check("""
        x = 1
        y = 8
        z = true
        for i in [1, 2] {
          x = 2.5
          y = 0
          local = 3
        }
        if z { z = "no" }
        a = LSTM(hidden: y)
        """)
        XCTAssertEqual(messages(result), [])
        XCTAssertEqual(result.globals["x"], .number)
        XCTAssertEqual(result.globals["z"], .unknown)
        XCTAssertNil(result.globals["local"])
        XCTAssertNil(result.globals["i"])
    }

    func testWarningsDoNotCountAsErrors() {
        let result = check("x = 1\nx\nr = GRU(hidden: 2, dropout: 0.5)")
        XCTAssertEqual(result.diagnostics.map(\.severity), [.warning, .warning])
        XCTAssertFalse(result.hasErrors)
    }

    func testDiagnosticsAreSortedByPlaceAcrossCells() {
        let result = check("a = b", "c = d + e")
        XCTAssertEqual(result.diagnostics.map { "\($0.location.line):\($0.location.column)" }, ["1:5", "11:5", "11:9"])
    }

    func testRangesOfDiagnosticsUnderlineTheExpression() {
        let result = check("x = LSTM(hidden: \"wide\")")
        XCTAssertEqual(result.diagnostics.first?.range.length, 6)
    }
}
