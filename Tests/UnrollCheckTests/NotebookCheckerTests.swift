import Foundation
import UnrollCheck
import UnrollCheckRunner
import UnrollReport
import UnrollRunner
import UnrollTestSupport
import XCTest

/// `NotebookChecker` on real notebooks: it runs them and compares with (or rewrites) baselines on disk.
final class NotebookCheckerTests: XCTestCase {
    private let folder = TemporaryFolder(prefix: "unroll-checker")
    private var root: String { folder.path }

    /// A notebook with a cell that always prints the same and one that shows `4 * params.scale` (2.0 unless
    /// overridden), with `cells` appended.
    @discardableResult
    private func writeNotebook(_ cells: String = "") -> String {
        folder.write("notebooks/demo.md", "---\nseed: 1\nparams:\n  scale: 0.5\n---\n"
                         + "```rnn id=steady\nprint \"steady\"\n```\n\n"
                         + "```rnn id=scaled\nshow 4 * params.scale\n```\n" + cells)
    }

    /// Runs the notebook and writes its run record into `baselines/` as `unroll run` does.
    private func writeBaseline(of path: String) throws -> String {
        guard case .success(let prepared) = PreparedNotebook.prepare(path: path, overrides: []) else {
            XCTFail("the notebook does not prepare")
            return ""
        }
        let result = NotebookRunner.run(prepared, settings: RunSettings())
        try ReportWriter(directory: baselines).write(result.document, record: result.record, name: "demo",
                                                     formats: [.json])
        return baselines + "/demo.json"
    }

    private var baselines: String { root + "/baselines" }

    /// A checker against `baselines/`, with `-p` overrides `params`.
    private func checker(update: Bool = false, params: [String] = []) -> NotebookChecker {
        var settings = RunSettings()
        settings.overrides = params
        return NotebookChecker(settings: settings, baselineDirectory: baselines, update: update)
    }

    /// The override that makes the second cell show 3.0 instead of 2.0.
    private let changed = ["scale=0.75"]

    private func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    private func listing() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: baselines).sorted()) ?? []
    }

    func testMatchingBaselinePasses() throws {
        let path = writeNotebook()
        let baseline = try writeBaseline(of: path)
        let outcome = checker().check(path)
        XCTAssertEqual(outcome.status, .success, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "\(path): ok (2 cells matched \(baseline))\n")
        XCTAssertEqual(outcome.check.cells.map(\.outcome), [.passed, .passed])
        XCTAssertEqual(outcome.check.passedCount, 2)
        XCTAssertEqual(outcome.check.failedCount, 0)
        XCTAssertNil(outcome.check.error)
        XCTAssertNil(outcome.check.environment)
    }

    func testChangedValueIsARegressionNamingTheCellAndValue() throws {
        let path = writeNotebook()
        let baseline = try writeBaseline(of: path)
        let outcome = checker(params: changed).check(path)
        XCTAssertEqual(outcome.status, .regression)
        XCTAssertEqual(outcome.check.cells.map(\.outcome), [.passed, .regressed])
        XCTAssertEqual(outcome.check.failedCount, 1)
        XCTAssertTrue(outcome.stdout.contains("cell 'scaled'"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("expected 2.0, got 3.0"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.hasSuffix("\(path): regression in 1 cell (baseline \(baseline))\n"), outcome.stdout)
        XCTAssertNotNil(outcome.check.environment, "a mismatch shows both sides' environments")
    }

    func testMissingBaselineFailsAndWritesNothing() throws {
        let path = writeNotebook()
        let outcome = checker().check(path)
        XCTAssertEqual(outcome.status, .cellFailed)
        XCTAssertEqual(outcome.stdout, "")
        let message = "no baseline '\(baselines)/demo.json' for '\(path)'; run 'unroll check --update \(path)' to create one"
        XCTAssertNil(outcome.check.error, "the notebook ran; its cells carry the reason")
        XCTAssertEqual(outcome.check.cells.map(\.cellID), ["steady", "scaled"])
        XCTAssertEqual(outcome.check.cells.flatMap(\.findings).map(\.detail), [message, message])
        XCTAssertTrue(outcome.check.lacksBaseline)
        XCTAssertTrue(outcome.stderr.hasSuffix("error: \(message)\n"), outcome.stderr)
        XCTAssertEqual(outcome.check.failedCount, 2, "every cell counts")
        XCTAssertFalse(FileManager.default.fileExists(atPath: baselines))
    }

    func testUnreadableBaselineFails() throws {
        let path = writeNotebook()
        folder.write("baselines/demo.json", "{not json")
        let outcome = checker().check(path)
        XCTAssertEqual(outcome.status, .cellFailed)
        XCTAssertTrue(outcome.check.error?.hasPrefix("cannot read the baseline '\(baselines)/demo.json': ") ?? false,
                      outcome.check.error ?? "no error")
        XCTAssertEqual(contents(baselines + "/demo.json"), Data("{not json".utf8))
    }

    func testUpdateWritesOnlyTheRunRecord() throws {
        let path = writeNotebook()
        let outcome = checker(update: true).check(path)
        XCTAssertEqual(outcome.status, .success, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "\(path): baseline written to \(baselines)/demo.json\n")
        XCTAssertEqual(outcome.check.cells.map(\.cellID), ["steady", "scaled"])
        XCTAssertEqual(listing(), ["demo.json"])
        // The written baseline is what `unroll run` writes, and checking against it passes.
        let written = contents(baselines + "/demo.json")
        try FileManager.default.removeItem(atPath: baselines)
        _ = try writeBaseline(of: path)
        XCTAssertEqual(written, contents(baselines + "/demo.json"))
        XCTAssertEqual(checker().check(path).status, .success)
    }

    func testUpdateReplacesAStaleBaseline() throws {
        let path = writeNotebook()
        let baseline = try writeBaseline(of: path)
        XCTAssertEqual(checker(params: changed).check(path).status, .regression)
        XCTAssertEqual(checker(update: true, params: changed).check(path).status, .success)
        XCTAssertEqual(checker(params: changed).check(path).status, .success)
        XCTAssertEqual(checker().check(path).status, .regression, "the baseline now holds the overridden run")
        XCTAssertTrue(String(decoding: contents(baseline) ?? Data(), as: UTF8.self).contains("\"value\": 3.0"))
    }

    func testWithoutUpdateNothingIsWritten() throws {
        let path = writeNotebook()
        let baseline = try writeBaseline(of: path)
        let before = contents(baseline)
        XCTAssertEqual(checker().check(path).status, .success)
        XCTAssertEqual(checker(params: changed).check(path).status, .regression)
        writeNotebook("\n```rnn id=added\nprint \"new\"\n```\n")
        let added = checker().check(path)
        XCTAssertEqual(added.status, .success, "a cell the baseline lacks is only a note")
        XCTAssertTrue(added.stdout.contains("note: new cell, not in the baseline"), added.stdout)
        XCTAssertEqual(contents(baseline), before, "a mismatch does not rewrite the baseline")
        XCTAssertEqual(listing(), ["demo.json"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/notebooks"), ["demo.md"])
    }

    func testNotebookThatDoesNotCheckIsInvalid() throws {
        let path = folder.write("notebooks/demo.md", "```rnn\nx = undefined_name + 1\n```\n")
        let outcome = checker(update: true).check(path)
        XCTAssertEqual(outcome.status, .invalidNotebook)
        XCTAssertEqual(outcome.check.error, "the notebook does not parse or check")
        XCTAssertTrue(outcome.stderr.contains("undefined_name"), outcome.stderr)
        XCTAssertEqual(listing(), [], "not even --update writes a baseline for it")
    }

    func testTheDefaultBaselineFolderIsBesideTheNotebook() {
        let checker = NotebookChecker(settings: RunSettings(), update: false)
        XCTAssertEqual(checker.baselineFolder(of: "notebooks/spam.md"), "notebooks/baselines")
        XCTAssertEqual(checker.baselineFolder(of: "/work/a/b.md"), "/work/a/baselines")
        XCTAssertEqual(checker.baselineFolder(of: "b.md"), "baselines")
        XCTAssertEqual(NotebookChecker(settings: RunSettings(), baselineDirectory: "base", update: false)
            .baselineFolder(of: "notebooks/spam.md"), "base")
    }

    func testUpdateCreatesTheDefaultBaselineFolder() throws {
        let path = writeNotebook()
        let outcome = NotebookChecker(settings: RunSettings(), update: true).check(path)
        XCTAssertEqual(outcome.status, .success, outcome.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/notebooks/baselines/demo.json"))
        XCTAssertEqual(NotebookChecker(settings: RunSettings(), update: false).check(path).status, .success)
    }
}
