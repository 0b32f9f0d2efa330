import UnrollRecord
import XCTest
@testable import UnrollInterpreter

/// Looking at data (`data[i]`, `data[a...b]`, `head`, `tokenize`, `predict` on a data set), numbers (`sin`, `cos`,
/// `sqrt`, `pi`, `range`), slices and compound assignment, and windows of a numeric CSV (`series_csv`).
final class InterpreterInspectionTests: XCTestCase {
    private static let series: [String: String] = {
        var files = NotebookHarness.standardFiles
        var rows = ["t,x,y"]
        for t in 0..<12 { rows.append("\(t),\(Double(t) / 2),\(t * t)") }
        files["data/series.csv"] = rows.joined(separator: "\n") + "\n"
        files["data/bad.csv"] = "x,y\n1,2\n3,abc\n"
        return files
    }()

    func testIndexingADataSetGivesOneExampleAsARecord() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed(#"""
            d = csv("data/reviews.csv", text: "review", label: "sentiment")
            print d[0].text, "|", d[0].label, "|", d[-1].tokens, "|", len(d[2...4]), len(d)
            """#), [#"good fun film | pos | ["dull", "boring"] | 3 10"#])
        XCTAssertEqual(try h.printed(#"""
            w = tagged("data/words.txt")
            print w[1].text, w[1].tags
            """#), [#"北京大学 ["B", "E", "B", "E"]"#])
        XCTAssertEqual(h.failure(#"x = csv("data/reviews.csv", text: "review", label: "sentiment")[10]"#),
                       "1:65: index 10 is out of range for a Dataset of 10")
    }

    func testHeadShowsTheFirstExamplesOfEachKind() throws {
        let h = try NotebookHarness()
        let outputs = try h.run(#"show head(csv("data/reviews.csv", text: "review", label: "sentiment"), 2)"#)
        XCTAssertEqual(outputs, [.table("table-1", TableOutput(title: "first 2 of 10 examples", columns: ["#", "text", "tokens", "label"], rows: [
            [.number(0), .text("good fun film"), .text(#"["good", "fun", "film"]"#), .text("pos")],
            [.number(1), .text("great acting and a fine story"), .text(#"["great", "acting", "and", "a", "fine", "story"]"#), .text("pos")],
        ]))])
        let numeric = try h.run("show head(task.adding(count: 3, length: 2), 1)")
        guard let table = Self.tables(numeric).first else { return XCTFail("\(numeric)") }
        XCTAssertEqual(table.columns, ["#", "inputs", "target"])
        XCTAssertEqual(table.rows.count, 1)
        let pairs = try h.run("show head(task.reverse(count: 4, length: 3...3, vocab: 5), 9)")
        guard let pairTable = Self.tables(pairs).first else { return XCTFail("\(pairs)") }
        XCTAssertEqual(pairTable.columns, ["#", "source", "target"])
        XCTAssertEqual(pairTable.rows.count, 4, "at most the examples there are")
    }

    func testTokenizeShowsTokensAndIdsAndWhatIsUnknown() throws {
        let h = try NotebookHarness()
        let outputs = try h.run(#"""
            d = csv("data/reviews.csv", text: "review", label: "sentiment")
            show tokenize(d, "good zebra")
            """#)
        guard let table = Self.tables(outputs).first else { return XCTFail("\(outputs)") }
        XCTAssertEqual(table.columns, ["#", "token", "id", "known"])
        XCTAssertEqual(table.rows.map { $0[1] }, [.text("good"), .text("zebra")])
        XCTAssertEqual(table.rows[1][2], .number(1), "an unknown token gets <unk>'s id")
        XCTAssertEqual(table.rows.map { $0[3] }, [.text("yes"), .text("no")])
        XCTAssertEqual(h.failure(#"t = tokenize(task.adding(count: 2, length: 2), "a")"#),
                       "1:14: numeric sequences have no tokens; 'tokenize' is for text and symbol data")
    }

    func testPredictOnADataSetPutsPredictionsBesideTargets() throws {
        let h = try NotebookHarness()
        let outputs = try h.run(#"""
            d = csv("data/reviews.csv", text: "review", label: "sentiment")
            c = Classifier(vocab: d.vocab, classes: 2, rnn: GRU(hidden: 4))
            show predict(c, d, count: 3)
            r = Regressor(inputs: 2, rnn: GRU(hidden: 4))
            show predict(r, task.adding(count: 5, length: 3))
            """#)
        let tables = Self.tables(outputs)
        XCTAssertEqual(tables.map(\.columns), [["#", "text", "label", "predicted", "right"], ["#", "target", "predicted", "error"]])
        XCTAssertEqual(tables.map(\.rows.count), [3, 5])
        XCTAssertEqual(tables[0].rows.map { $0[2] }, [.text("pos"), .text("pos"), .text("pos")])
        for row in tables[1].rows {
            guard case .number(let target) = row[1], case .number(let predicted) = row[2], case .number(let error) = row[3] else {
                return XCTFail("\(row)")
            }
            XCTAssertEqual(error, abs(predicted - target), accuracy: 1e-6)
        }
    }

    func testNumbersAndRanges() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed("print sin(pi / 2), cos(pi), sqrt(16), round(sin(1), 6), range(3), range(2, 5), len(range(10))"),
                       ["1 -1 4 0.841471 0...2 2...4 10"])
        XCTAssertEqual(try h.printed("pi = 3\nprint pi"), ["3"], "a variable hides the constant")
        XCTAssertEqual(h.failure("n = 0\nx = range(n)"), "2:11: range(0) is empty: it counts from 0 up to 0, left out; the end must be larger than the start")
        XCTAssertEqual(h.failure("n = -1\nx = sqrt(n)"), "2:10: 'x' must be non-negative, got -1")
    }

    func testSlicesAndCompoundAssignment() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed(#"""
            xs = [10, 20, 30, 40, 50]
            n = 1
            n += 2
            n *= 4
            n -= 2
            n /= 4
            s = "床前明月光"
            print xs[1...3], xs[-2...-1], s[1...2], (5...9)[1...2], n
            """#), ["[20, 30, 40] [40, 50] 前明 6...7 2.5"])
        XCTAssertEqual(h.failure("xs = [1, 2]\ni = 3\ny = xs[0...i]"),
                       "3:8: the slice 0...3 is out of range for 2 items; a slice takes items 0...1 (or counted from the end, -2...-1)")
    }

    func testSeriesCSVCutsWindowsForARegressor() throws {
        let h = try NotebookHarness(files: Self.series)
        XCTAssertEqual(try h.printed(#"""
            s = series_csv("data/series.csv", target: "y", window: 3, horizon: 2)
            print len(s), s.inputs, s.outputs, s[0].inputs, s[0].target, s[-1].target
            m = series_csv("data/series.csv", target: "y", columns: ["x", "y"], window: 4, stride: 4)
            print len(m), m.inputs, m[1].inputs, m[1].target
            """#), ["8 1 1 [[0], [1], [4]] [16] [121]", "2 2 [[2, 16], [2.5, 25], [3, 36], [3.5, 49]] [64]"])
        XCTAssertEqual(try h.printed(#"""
            r = Regressor(inputs: 1, rnn: GRU(hidden: 4))
            fit r on series_csv("data/series.csv", target: "x", window: 4) { epochs: 2 }
            print len(r.history.train.loss)
            """#), ["2"])
        XCTAssertEqual(h.failure(#"s = series_csv("data/bad.csv", target: "y", window: 1)"#),
                       "1:16: 'data/bad.csv', line 3: column 'y' holds 'abc', not a number")
        XCTAssertEqual(h.failure(#"s = series_csv("data/series.csv", target: "y", window: 12)"#),
                       "1:16: 'data/series.csv': the series has 12 rows; a window of 12 and a horizon of 1 need at least 13")
        XCTAssertEqual(h.failure(#"s = series_csv("data/series.csv", target: "z")"#).hasPrefix("1:16: 'data/series.csv': unknown column 'z'"), true,
                       h.failure(#"s = series_csv("data/series.csv", target: "z")"#))
    }

    func testAPrimeOutsideTheVocabularyWarns() throws {
        let h = try NotebookHarness()
        let outputs = try h.run(#"""
            c = text("data/tiny.txt")
            lm = LanguageModel(vocab: c.vocab, rnn: GRU(hidden: 4))
            x = sample(lm, prime: "the QZ", length: 2)
            y = sample(lm, prime: "the", length: 2)
            """#)
        XCTAssertEqual(outputs.count, 1, "one warning, for the prime with unknown characters only: \(outputs)")
        guard let output = outputs.first, case .text(let text) = output.content else { return XCTFail("\(outputs)") }
        XCTAssertEqual(output.name, "warning-1")
        XCTAssertTrue(text.hasSuffix(":3:23: warning: the prime has 2 tokens the model's vocabulary does not know ('Q', 'Z'); "
            + "they are read as <unk>, so the sample starts from less than the prime says"), text)
    }

    /// The tables among `outputs`, in order.
    private static func tables(_ outputs: [CellOutput]) -> [TableOutput] {
        outputs.compactMap { output in
            if case .table(let table) = output.content { return table }
            return nil
        }
    }
}
