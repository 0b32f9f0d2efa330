import Foundation
import XCTest

/// End to end: the built `unroll` binary on a notebook that stops early, keeps its best weights, follows a schedule,
/// trains with AdamW, hides a figure and reports the metrics of a tagger and a classifier.
final class TrainingControlCommandTests: XCTestCase {
    private let notebook = """
        ---
        title: Training control
        seed: 4
        ---
        # Training control and metrics

        ```rnn id=stop
        reviews = csv("data/reviews.csv", text: "review", label: "sentiment")
        swapped = csv("data/swapped.csv", text: "review", label: "sentiment")
        clf = Classifier(vocab: reviews.vocab, classes: reviews.classes, embed: 4, rnn: GRU(hidden: 8))
        fit clf on reviews { epochs: 30, batch: 2, optimizer: AdamW(lr: 0.05), validate: swapped, patience: 2, keep_best: true, title: "fit with early stopping" }
        for pass in 1...3 {
          fit clf on reviews { epochs: 1, optimizer: SGD(lr: 0.1), schedule: Step(every: 1, factor: 0.5), plot: false }
        }
        print clf.history.best_epoch < clf.history.stopped_epoch
        show confusion(clf, reviews)
        show classification_report(clf, reviews)
        ```

        ```rnn id=tags
        words = tagged("data/words.txt")
        seg = Tagger(vocab: words.vocab, tags: words.tags, embed: 8, rnn: LSTM(hidden: 16, bidirectional: true))
        fit seg on words { epochs: 40, batch: 2, optimizer: Adam(lr: 0.05), schedule: Cosine(min_lr: 0.001) }
        print "word f1", segmentation_f1(seg, words)
        show segmentation_report(seg, words)
        ```
        """

    private let reviews = """
        review,sentiment
        good fun film,pos
        great acting and a fine story,pos
        dull and bad,neg
        a bad boring story,neg
        great fun,pos
        dull boring,neg

        """

    private func workspace() throws -> URL {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/control.md", in: root)
        try write(reviews, to: "notebooks/data/reviews.csv", in: root)
        let swapped = reviews.replacingOccurrences(of: ",pos", with: ",tmp").replacingOccurrences(of: ",neg", with: ",pos")
            .replacingOccurrences(of: ",tmp", with: ",neg")
        try write(swapped, to: "notebooks/data/swapped.csv", in: root)
        try write("我/S 们/E 在/S 学/B 习/E\n北/B 京/E 大/B 学/E\n我/S 爱/S 北/B 京/E\n", to: "notebooks/data/words.txt", in: root)
        return root
    }

    func testRunReportsTheStopTheMetricsAndOnlyTheFiguresAskedFor() throws {
        let root = try workspace()
        let result = try UnrollProcess.run(["run", "notebooks/control.md"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try read("output/control.json", in: root)
        XCTAssertTrue(json.contains("\"name\": \"fit-1-stop\""), "the stop is recorded")
        XCTAssertFalse(json.contains("\"name\": \"fit-2\""), "plot: false fits add no figure")
        let markdown = try read("output/control.md", in: root)
        XCTAssertNotNil(markdown.range(of: #"stopped early at epoch \d+ of 30; restored the weights of epoch \d+"#,
                                       options: .regularExpression), markdown)
        XCTAssertTrue(markdown.contains("fit with early stopping"))
        XCTAssertFalse(markdown.contains("![fit clf on reviews]"), "the titled fit and the hidden ones add no default-titled figure")
        XCTAssertEqual(markdown.components(separatedBy: "![").count - 1, 2, "one figure per fit that plots")
        XCTAssertTrue(markdown.contains("true"))
        XCTAssertTrue(markdown.contains("confusion matrix of clf on reviews (rows: true, columns: predicted)"))
        XCTAssertTrue(markdown.contains("macro avg"))
        XCTAssertTrue(markdown.contains("word f1"))
        let html = try read("output/control.html", in: root)
        XCTAssertTrue(html.contains("micro avg"))
        XCTAssertTrue(html.contains("stopped early at epoch"))
    }

    func testLintPointsTheLearningRateAtTheOptimizer() throws {
        let root = try workspace()
        try write("""
            # Wrong place

            ```rnn
            reviews = csv("data/reviews.csv", text: "review", label: "sentiment")
            clf = Classifier(vocab: reviews.vocab, classes: 2, rnn: GRU(hidden: 8))
            fit clf on reviews { lr: 1e-3 }
            ```
            """, to: "notebooks/wrong.md", in: root)
        let result = try UnrollProcess.run(["lint", "notebooks/wrong.md"], in: root)
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("wrong.md:6:22: error: learning rate goes in the optimizer: optimizer: Adam(lr: 1e-3)"),
                      result.stderr)
    }
}
