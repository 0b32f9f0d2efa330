import Foundation
import XCTest

/// End-to-end tests of `unroll diff`: the built binary on records written by `unroll run` and `check --update`,
/// and on a notebook's baselines in a git repository made by the test.
final class DiffCommandTests: XCTestCase {
    /// A notebook that trains a tiny regressor with learning rate `params.lr`, prints a line and shows a constant.
    private let notebook = """
        ---
        title: Tiny diff
        seed: 5
        params:
          lr: 0.01
        ---
        # Tiny

        ```rnn id=data
        data = task.adding(count: 64, length: 5)
        train, test = data.split(0.75)
        print "learning rate", params.lr
        ```

        ```rnn id=train
        m = Regressor(inputs: 2, rnn: RNN(hidden: 4))
        fit m on train { epochs: 3, batch: 16, optimizer: Adam(lr: params.lr) }
        show evaluate(m, test).loss
        ```

        ```rnn id=same
        show 1 + 1
        ```
        """

    /// A workspace with the notebook run into `old/` at the default learning rate and into `new/` at `lr`.
    private func twoRuns(lr: String = "0.02") throws -> URL {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/tiny.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/tiny.md", "--out", "old"], in: root).status, 0)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/tiny.md", "--out", "new", "-p", "lr=\(lr)"], in: root).status, 0)
        return root
    }

    func testAChangedLearningRateGivesTheValueTableAndTheOverlaidCurve() throws {
        let root = try twoRuns()
        let result = try UnrollProcess.run(["diff", "old/tiny.json", "new/tiny.json", "--output", "pr/diff.md"], in: root)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, "pr/diff.md: 2 cells differ: 3 values beyond tolerance, 0 within tolerance or ignored\n")
        let text = try read("pr/diff.md", in: root)
        XCTAssertTrue(text.contains("- params differ: lr 0.01 → 0.02\n"), text)
        XCTAssertTrue(text.contains("| cell | output | key | old | new | abs diff | rel diff | verdict |\n"), text)
        XCTAssertNotNil(text.range(of: #"\| train \| fit-1 \| train loss\\\[2\\\] \(3 of 3 points differ\) \| [0-9.]+ \| [0-9.]+ \| [0-9.e-]+ \| [0-9.e-]+ \| beyond tolerance \|"#,
                                   options: .regularExpression), text)
        XCTAssertNotNil(text.range(of: #"\| train \| show-1 \|  \| [0-9.]+ \| [0-9.]+ \|"#, options: .regularExpression), text)
        XCTAssertTrue(text.contains("![fit m on train](diff/train-fit-1.svg)\n"), text)
        XCTAssertTrue(text.contains("learning rate ~~0.01~~ **0.02**"), text)
        XCTAssertTrue(text.contains("1 cell unchanged: same\n"), text)
        let svg = try read("pr/diff/train-fit-1.svg", in: root)
        XCTAssertTrue(svg.contains("<path d=\"M") && svg.contains("stroke-dasharray=\"6 4\""), svg)
        XCTAssertTrue(svg.contains(">train loss (old)</text>") && svg.contains(">train loss (new)</text>"), svg)

        let html = try UnrollProcess.run(["diff", "old/tiny.json", "new/tiny.json", "--format", "html"], in: root)
        XCTAssertEqual(html.status, 1, html.stderr)
        XCTAssertTrue(html.stdout.hasPrefix("<!DOCTYPE html>\n"))
        XCTAssertEqual(html.stdout.components(separatedBy: "<svg ").count - 1, 1, "one overlaid plot inline")
        XCTAssertTrue(html.stdout.contains("<table class=\"data diff-values\">"))
        XCTAssertTrue(html.stdout.contains("learning rate <del>0.01</del><ins>0.02</ins>"))
    }

    /// `--output` writes the file and its figures as one set: a later diff without changed curves removes the
    /// figures of the earlier one, and leaves a file it did not write alone.
    func testASecondDiffIntoTheSameFileReplacesItsFiguresAndKeepsOtherFiles() throws {
        let root = try twoRuns()
        XCTAssertEqual(try UnrollProcess.run(["diff", "old/tiny.json", "new/tiny.json", "--output", "pr/diff.md"], in: root).status, 1)
        try Data("mine\n".utf8).write(to: root.appendingPathComponent("pr/notes.txt"))
        let same = try UnrollProcess.run(["diff", "old/tiny.json", "old/tiny.json", "--output", "pr/diff.md"], in: root)
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertTrue(try read("pr/diff.md", in: root).contains("- **Result:** no differences"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("pr/diff/train-fit-1.svg").path),
                       "the earlier diff's figure is gone")
        XCTAssertEqual(try read("pr/notes.txt", in: root), "mine\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("pr").path)
            .filter { $0.hasPrefix(".unroll-") }
        XCTAssertEqual(leftovers, [], "no staging folder stays behind")
    }

    func testIdenticalRecordsSayNoDifferencesAndExitZero() throws {
        let root = try twoRuns(lr: "0.01")
        let result = try UnrollProcess.run(["diff", "old/tiny.json", "new/tiny.json"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("- **Result:** no differences (3 cells compared)\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("3 cells unchanged: data, train, same\n"), result.stdout)
        XCTAssertFalse(result.stdout.contains("## Changed values"))
    }

    func testFromReadsTheOldBaselineWithGitAndComparesTheWorkingTreesRecord() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/tiny.md", in: root)
        let outside = try UnrollProcess.run(["diff", "notebooks/tiny.md", "--from", "HEAD~1"], in: root)
        XCTAssertEqual(outside.status, 64)
        XCTAssertEqual(outside.stderr, "error: 'notebooks' is not inside a git repository; --from reads the old record from one\n")

        try git(["init", "-q", "."], in: root)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "notebooks/tiny.md"], in: root).status, 0)
        try git(["add", "notebooks"], in: root)
        try git(["commit", "-q", "-m", "first"], in: root)
        let tooFar = try UnrollProcess.run(["diff", "notebooks/tiny.md", "--from", "HEAD~1"], in: root)
        XCTAssertEqual(tooFar.status, 64)
        XCTAssertEqual(tooFar.stderr, "error: no revision 'HEAD~1' in the repository; name a commit, branch or tag such as 'HEAD~1'\n")

        try write(notebook.replacingOccurrences(of: "lr: 0.01", with: "lr: 0.02"), to: "notebooks/tiny.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "notebooks/tiny.md"], in: root).status, 0)
        try git(["commit", "-q", "-a", "-m", "faster"], in: root)

        let changed = try UnrollProcess.run(["diff", "notebooks/tiny.md", "--from", "HEAD~1"], in: root)
        XCTAssertEqual(changed.status, 1, changed.stderr)
        XCTAssertTrue(changed.stdout.contains("- **Old:** notebooks/baselines/tiny.json at HEAD\\~1 (seed 5"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("- **New:** notebooks/baselines/tiny.json (seed 5"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("- params differ: lr 0.01 → 0.02\n"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("| train | fit-1 | train loss\\[2\\] (3 of 3 points differ) |"), changed.stdout)

        let same = try UnrollProcess.run(["diff", "notebooks/tiny.md", "--from", "HEAD"], in: root)
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.contains("no differences"), same.stdout)
        let revisions = try UnrollProcess.run(["diff", "notebooks/tiny.md", "--from", "HEAD~1", "--to", "HEAD~1"], in: root)
        XCTAssertEqual(revisions.status, 0, revisions.stderr)

        // A run in output/ is the working tree's newest record, so it is what --from compares with.
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks/tiny.md", "-p", "lr=0.01"], in: root).status, 0)
        let run = try UnrollProcess.run(["diff", "notebooks/tiny.md", "--from", "HEAD~1"], in: root)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("- **New:** output/tiny.json (seed 5"), run.stdout)

        let missing = try UnrollProcess.run(["diff", "notebooks/other.md", "--from", "HEAD"], in: root)
        XCTAssertEqual(missing.status, 64)
        XCTAssertEqual(missing.stderr, "error: 'notebooks/baselines/other.json' is not in revision 'HEAD'; commit its baseline "
                        + "there ('unroll check --update') or pick another revision\n")
        let option = try UnrollProcess.run(["diff", "notebooks/tiny.md", "--from=--output=x"], in: root)
        XCTAssertEqual(option.status, 64, "a revision is never passed to git as an option")
        XCTAssertEqual(option.stderr, "error: no revision '--output=x' in the repository; name a commit, branch or tag such as 'HEAD~1'\n")
    }

    func testBadInputGetsAClearErrorAndTheUsageOrRecordStatus() throws {
        let root = try twoRuns(lr: "0.01")
        try write("{\"format\": 1,\n", to: "bad.json", in: root)
        let cases: [([String], Int32, String)] = [
            (["diff", "old/tiny.json"], 64, "error: diff needs two run records, got 1"),
            (["diff", "old/tiny.json", "gone.json"], 64,
             "error: no run record 'gone.json'; 'unroll run' writes output/NAME.json and 'unroll check --update' notebooks/baselines/NAME.json\n"),
            (["diff", "bad.json", "old/tiny.json"], 65,
             "bad.json:2:1: error: 'bad.json' is not a run record: invalid json: unexpected end of input; expected a key string\n"),
            (["diff", "notebooks/tiny.md", "old/tiny.json"], 64,
             "error: 'notebooks/tiny.md' is a notebook, not a run record; compare its records across revisions with 'unroll diff notebooks/tiny.md --from HEAD~1'\n"),
            (["diff", "old/tiny.json", "new/tiny.json", "--to", "HEAD"], 64, "error: --to needs --from"),
            (["diff", "old/tiny.json", "new/tiny.json", "--format", "pdf"], 64, "error: unknown format 'pdf'; use 'md' or 'html'"),
            (["diff", "old/tiny.json", "--from", "HEAD"], 64, "error: --from needs a notebook ending in '.md', got 'old/tiny.json'\n"),
        ]
        for (arguments, status, message) in cases {
            let result = try UnrollProcess.run(arguments, in: root)
            XCTAssertEqual(result.status, status, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.lowercased().hasPrefix(message.lowercased()), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
    }

    func testTheHelpDocumentsTheExitStatus() throws {
        let result = try UnrollProcess.run(["help", "diff"], in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("Exit status: 0 nothing differs beyond tolerance"), result.stdout)
        XCTAssertTrue(result.stdout.contains("--from <rev>"), result.stdout)
    }
}
