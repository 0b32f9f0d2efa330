import UnrollRecord
import XCTest
@testable import UnrollInterpreter

/// Confusion matrices, per-class scores, word segmentation F1 and entity F1 on trained models.
final class InterpreterMetricsTests: XCTestCase {
    private static let files = NotebookHarness.standardFiles.merging([
        "data/entities.txt": """
            John/B-PER lives/O in/O Paris/B-LOC
            Mary/B-PER Smith/I-PER visited/O New/B-LOC York/I-LOC
            the/O bank/O in/O Paris/B-LOC hired/O John/B-PER
            New/B-LOC York/I-LOC is/O big/O

            """,
    ]) { a, _ in a }

    func testConfusionMatrixAndClassificationReportOfAClassifier() throws {
        let h = try NotebookHarness(files: Self.files, seed: 1)
        try h.run("""
            reviews = csv("data/reviews.csv", text: "review", label: "sentiment")
            clf = Classifier(vocab: reviews.vocab, classes: reviews.classes, embed: 4, rnn: GRU(hidden: 8))
            fit clf on reviews { epochs: 30, batch: 5, optimizer: Adam(lr: 0.05), plot: false }
            """)
        let outputs = try h.run("show confusion(clf, reviews)\nshow classification_report(clf, reviews)")
        guard case .heatmap(let matrix) = outputs.first?.content else { return XCTFail("confusion shows a heatmap") }
        XCTAssertEqual(matrix.rowLabels, ["neg", "pos"])
        XCTAssertEqual(matrix.columnLabels, ["neg", "pos"])
        XCTAssertEqual(matrix.values.joined().reduce(0, +), 10, "one count per review")
        XCTAssertEqual(matrix.values.map { $0.reduce(0, +) }, [5, 5], "rows are the true labels")
        XCTAssertEqual(matrix.title, "confusion matrix of clf on reviews (rows: true, columns: predicted)")
        guard case .table(let table) = outputs.last?.content else { return XCTFail("classification_report shows a table") }
        XCTAssertEqual(table.columns, ["precision", "recall", "f1", "support"])
        XCTAssertEqual(table.rowHeaders, ["neg", "pos", "micro avg", "macro avg"])
        let accuracy = Double(try h.value("accuracy(clf, reviews)"))!
        guard case .number(let microF1) = table.rows[2][2] else { return XCTFail("numbers") }
        XCTAssertEqual(microF1, accuracy, accuracy: 1e-6, "micro F1 of single-label classes is the accuracy")
    }

    func testASchemeRefusesTagsOutsideIt() throws {
        let h = try NotebookHarness(files: Self.files.merging(["data/bioes.txt": "John/S-PER lives/O in/O New/B-LOC York/E-LOC\n"]) { a, _ in a })
        try h.run("""
            ner = tagged("data/bioes.txt")
            tagger = Tagger(vocab: ner.vocab, tags: ner.tags, embed: 4, rnn: GRU(hidden: 4))
            """)
        XCTAssertEqual(h.failure("print entity_f1(tagger, ner, scheme: \"BIO\")"),
                       "1:38: the tag 'E-LOC' is not of the BIO scheme, whose tags are O, B-TYPE and I-TYPE")
        XCTAssertEqual(try h.printed("print entity_f1(tagger, ner, scheme: \"BIOES\") >= 0").first, "true")
    }

    /// A harness where `model` is a bidirectional `rnn` tagger trained on `data` read from `path` until it fits it.
    private func trainedTagger(_ model: String, on data: String, from path: String, rnn: String, seed: UInt64) throws -> NotebookHarness {
        let h = try NotebookHarness(files: Self.files, seed: seed)
        try h.run("""
            \(data) = tagged("\(path)")
            \(model) = Tagger(vocab: \(data).vocab, tags: \(data).tags, embed: 8, rnn: \(rnn)(hidden: 16, bidirectional: true))
            fit \(model) on \(data) { epochs: 60, batch: 2, optimizer: Adam(lr: 0.05), plot: false }
            """)
        return h
    }

    func testSegmentationF1OfABMESTagger() throws {
        let h = try trainedTagger("seg", on: "words", from: "data/words.txt", rnn: "LSTM", seed: 2)
        XCTAssertEqual(try h.value("accuracy(seg, words)"), "1", "the tagger learns its four sentences")
        XCTAssertEqual(try h.value("segmentation_f1(seg, words)"), "1")
        let outputs = try h.run("show segmentation_report(seg, words)")
        guard case .table(let table) = outputs.first?.content else { return XCTFail("a table") }
        XCTAssertEqual(table.columns, ["precision", "recall", "f1", "true words", "predicted words", "right words"])
        XCTAssertEqual(table.rows[0][3], .number(12), "我们 在 学习 | 北京 大学 | 我 爱 北京 | 学习 很 好")
        XCTAssertEqual(h.failure("print entity_f1(seg, words)").hasSuffix(
            "'entity_f1' reads BIO or BIOES tags (O, B-TYPE, I-TYPE, …), but the data's tags are 'B', 'E', 'S'; "
                + "for BMES word segmentation use 'segmentation_f1'"), true)
    }

    func testSegmentCutsATextAndTheDataIntoTheWordsOfItsTags() throws {
        let h = try trainedTagger("seg", on: "words", from: "data/words.txt", rnn: "LSTM", seed: 2)
        XCTAssertEqual(try h.value("accuracy(seg, words)"), "1", "the tagger learns its four sentences")
        XCTAssertEqual(try h.printed("print segment(seg, \"我爱北京\")"), ["我 / 爱 / 北京"])
        XCTAssertEqual(try h.printed("print segment(seg, \"学习 很好\", separator: \"|\")"), ["学习|很|好"],
                       "whitespace is left out, so it does not split a word")
        let outputs = try h.run("show segment(seg, words, count: 3)")
        guard case .table(let table) = outputs.first?.content else { return XCTFail("a table") }
        XCTAssertEqual(table.columns, ["#", "true words", "predicted words", "right"])
        XCTAssertEqual(table.title, "segmented by seg: 3 of the 4 sentences of words")
        XCTAssertEqual(table.rows.map { $0[1] }, [.text("我 / 们 / 在 / 学习"), .text("北京 / 大学"), .text("我 / 爱 / 北京")],
                       "the file's words, in its order; its 我/S 们/E is two words, as segmentation_f1 reads it")
        XCTAssertEqual(table.rows.map { $0[1] }, table.rows.map { $0[2] })
        XCTAssertEqual(table.rows.map { $0[3] }, [.text("4/4"), .text("2/2"), .text("3/3")])
    }

    func testSegmentCountsTheWordsThatSegmentationReportCounts() throws {
        // Two epochs: a tagger that gets some words wrong, so that the counts have something to disagree about.
        let h = try NotebookHarness(files: Self.files, seed: 4)
        try h.run("""
            words = tagged("data/words.txt")
            seg = Tagger(vocab: words.vocab, tags: words.tags, embed: 4, rnn: GRU(hidden: 4))
            fit seg on words { epochs: 2, batch: 2, optimizer: Adam(lr: 0.05), plot: false }
            """)
        let outputs = try h.run("show segment(seg, words, separator: \" \")\nshow segmentation_report(seg, words)")
        guard case .table(let sentences) = outputs.first?.content, case .table(let report) = outputs.last?.content else {
            return XCTFail("two tables")
        }
        var right = 0, truth = 0, predicted = 0
        for row in sentences.rows {
            guard case .text(let fraction) = row[3], case .text(let guessed) = row[2] else { return XCTFail("text cells") }
            let parts = fraction.split(separator: "/").map { Int($0)! }
            right += parts[0]
            truth += parts[1]
            predicted += guessed.split(separator: " ").count
        }
        XCTAssertEqual(report.rows[0][3...5], [.number(Double(truth)), .number(Double(predicted)), .number(Double(right))])
        XCTAssertLessThan(right, truth, "two epochs do not learn every word (else this test shows nothing)")
    }

    func testEntityF1AndReportOfABIOTagger() throws {
        let h = try trainedTagger("tagger", on: "ner", from: "data/entities.txt", rnn: "GRU", seed: 3)
        XCTAssertEqual(try h.value("entity_f1(tagger, ner)"), "1")
        XCTAssertEqual(try h.value("entity_f1(tagger, ner, scheme: \"BIO\")"), "1")
        XCTAssertEqual(try h.value("entity_f1(tagger, ner, scheme: \"BIOES\")"), "1", "BIO tags are BIOES tags too")
        let outputs = try h.run("show entity_report(tagger, ner)")
        guard case .table(let table) = outputs.first?.content else { return XCTFail("a table") }
        XCTAssertEqual(table.rowHeaders, ["LOC", "PER", "micro avg", "macro avg"])
        XCTAssertEqual(table.rows.map { $0[3] }, [.number(4), .number(3), .number(7), .number(7)], "Paris, New York twice; John twice, Mary Smith")
        XCTAssertTrue(h.failure("print segmentation_f1(tagger, ner)").hasSuffix(
            "'segmentation_f1' reads BMES tags, but the data has the tag 'B-LOC'; for BIO or BIOES tags use 'entity_f1' or 'entity_report'"))
    }
}
