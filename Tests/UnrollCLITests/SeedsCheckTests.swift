import Foundation
import XCTest

/// End-to-end tests of `unroll check --seeds K` on the built binary, with a notebook small enough to run
/// five times in well under a second.
final class SeedsCheckTests: XCTestCase {
    /// A sine regressor trained for 40 SGD steps. `nudge` is the test's "reordered sum": it moves the learning
    /// rate by a relative 1e-5, which changes every bit of the results and none of the science.
    private func notebook(expect: String = "") -> String {
        """
        ---
        title: Seeds
        seed: 5
        params:
          lr: 0.1
          nudge: 0.0
        ---
        A tiny experiment whose results move with the seed.

        ```rnn id=train
        data = task.sine(count: 64, length: 8)
        model = Regressor(inputs: 1, rnn: RNN(hidden: 8))
        fit model on data { epochs: 10, batch: 16, optimizer: SGD(lr: params.lr * (1 + params.nudge)) }
        show evaluate(model, data).loss
        \(expect)
        ```
        """
    }

    private func workspace(_ text: String) throws -> URL {
        let root = try makeWorkspace(self)
        try write(text, to: "notebooks/s.md", in: root)
        return root
    }

    func testReorderedSumPassesSeedsButFailsExactAndHalvedLearningRateFailsBoth() throws {
        let root = try workspace(notebook())
        let update = try UnrollProcess.run(["check", "--update", "--seeds", "5", "notebooks"], in: root)
        XCTAssertEqual(update.status, 0, update.stdout + update.stderr)
        XCTAssertEqual(update.stdout, "notebooks/s.md: baseline written to notebooks/baselines/s.json with the statistics of "
                       + "2 values over 5 seeds (5, 7134611160154358618, 13877614986023876344, 4292726422858613063, "
                       + "1832488697174800709)\n1 passed, 0 failed\n")
        let baseline = try read("notebooks/baselines/s.json", in: root)
        for key in ["\"seed_statistics\"", "\"mean\"", "\"sd\"", "\"values\"", "\"value\": \"fit-1/train loss\"",
                    "\"value\": \"show-1\""] {
            XCTAssertTrue(baseline.contains(key), "baseline lacks \(key)")
        }
        // The same baseline serves the exact check: its record is the run with the notebook's own seed.
        XCTAssertEqual(try UnrollProcess.run(["check", "notebooks"], in: root).status, 0)

        let same = try UnrollProcess.run(["check", "--seeds", "5", "notebooks"], in: root)
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.contains("notebooks/s.md:11: cell 'train': train/show-1: consistent: baseline mean "), same.stdout)
        XCTAssertTrue(same.stdout.contains("notebooks/s.md: ok (1 cell, 2 values over 5 seeds consistent with "
                                           + "notebooks/baselines/s.json)\n1 passed, 0 failed\n"), same.stdout)

        let reordered = try UnrollProcess.run(["check", "--seeds", "5", "-p", "nudge=1e-5", "notebooks"], in: root)
        XCTAssertEqual(reordered.status, 0, reordered.stdout + reordered.stderr)
        let exact = try UnrollProcess.run(["check", "-p", "nudge=1e-5", "notebooks"], in: root)
        XCTAssertEqual(exact.status, 2, "the bits moved: " + exact.stdout)
        XCTAssertTrue(exact.stdout.contains("train/show-1: expected "), exact.stdout)

        let halved = try UnrollProcess.run(["check", "--seeds", "5", "-p", "lr=0.05", "notebooks"], in: root)
        XCTAssertEqual(halved.status, 2, halved.stdout + halved.stderr)
        XCTAssertTrue(halved.stdout.hasPrefix("notebooks/s.md: params differ: lr 0.1 → 0.05\n"), halved.stdout)
        let line = try XCTUnwrap(halved.stdout.split(separator: "\n").first { $0.contains("train/show-1") })
        XCTAssertTrue(line.contains(": the means differ: baseline mean 0.053842 (sd 0.00255, 5 seeds), this run mean "), String(line))
        XCTAssertTrue(line.contains("; Welch p = ") && line.contains(", Holm-adjusted ") && line.hasSuffix(" <= alpha 0.01"),
                      String(line))
        XCTAssertTrue(halved.stdout.hasSuffix("notebooks/s.md: regression in 1 cell (baseline notebooks/baselines/s.json)\n"
                                              + "0 passed, 1 failed\n"), halved.stdout)
        XCTAssertEqual(try UnrollProcess.run(["check", "-p", "lr=0.05", "notebooks"], in: root).status, 2)
        // A level so strict that Holm cannot reject lets the halved rate through: --alpha is the level used.
        let strict = try UnrollProcess.run(["check", "--seeds", "5", "--alpha", "1e-9", "-p", "lr=0.05", "notebooks"], in: root)
        XCTAssertEqual(strict.status, 0, strict.stdout)
        XCTAssertTrue(strict.stdout.contains(" > alpha 1e-09"), strict.stdout)
    }

    func testSeedsNeedAStatisticalBaselineAndAtLeastThreeSeeds() throws {
        let root = try workspace(notebook())
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "notebooks"], in: root).status, 0)
        let result = try UnrollProcess.run(["check", "--seeds", "3", "notebooks"], in: root)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertEqual(result.stderr, "error: the baseline 'notebooks/baselines/s.json' holds one run's exact values and no "
                       + "seed statistics; record them with 'unroll check --update --seeds 3 notebooks/s.md'\n")
        for (arguments, message) in [
            (["--seeds", "2"], "--seeds must be at least 3 (a spread needs several runs), got 2"),
            (["--alpha", "0.05"], "--alpha applies only to a statistical check; add --seeds K"),
            (["--seeds", "3", "--alpha", "1.5"], "--alpha must be between 0 and 1, got 1.5"),
        ] {
            let usage = try UnrollProcess.run(["check"] + arguments + ["notebooks"], in: root)
            XCTAssertEqual(usage.status, 64, "\(arguments)")
            XCTAssertTrue(usage.stderr.contains(message), usage.stderr)
        }
        let missing = try UnrollProcess.run(["check", "--seeds", "3", "--baseline", "elsewhere", "notebooks"], in: root)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no baseline 'elsewhere/s.json' for 'notebooks/s.md'"), missing.stderr)
    }

    func testSeedStatementsMoveWithTheRunAndBaselinesAreDeterministic() throws {
        // A `seed N` statement reseeds the generator; each run derives it too, so the values still spread.
        let text = notebook().replacingOccurrences(of: "data = task.sine", with: "seed 11\ndata = task.sine")
        let root = try workspace(text)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "--seeds", "3", "notebooks"], in: root).status, 0)
        let first = try read("notebooks/baselines/s.json", in: root)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let stats = try XCTUnwrap(json["seed_statistics"] as? [String: Any])
        let values = try XCTUnwrap(stats["values"] as? [[String: Any]])
        for value in values {
            let numbers = try XCTUnwrap(value["values"] as? [Double])
            XCTAssertEqual(Set(numbers).count, 3, "three seeds, three results: \(numbers)")
            XCTAssertGreaterThan(try XCTUnwrap(value["sd"] as? Double), 0)
        }
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "--seeds", "3", "notebooks"], in: root).status, 0)
        XCTAssertEqual(try read("notebooks/baselines/s.json", in: root), first, "same notebook, same bytes")
        XCTAssertEqual(try UnrollProcess.run(["check", "notebooks"], in: root).status, 0, "run 1 keeps seed 11 as written")
    }

    func testACellFailingWithAnySeedFailsTheCheck() throws {
        let root = try workspace(notebook(expect: "expect evaluate(model, data).loss < 0"))
        let result = try UnrollProcess.run(["check", "--update", "--seeds", "3", "notebooks"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("notebooks/s.md: a cell failed with seed 5 (run 1 of 3)\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains("notebooks/s.md:15:"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("notebooks/baselines/s.json").path),
                       "no baseline from a failed run")
    }
}
