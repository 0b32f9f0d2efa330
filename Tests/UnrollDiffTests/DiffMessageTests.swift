import UnrollTestSupport
import XCTest
@testable import UnrollDiff

/// Renders every message of `unroll diff` once and checks that no case is left out of the list.
final class DiffMessageTests: XCTestCase {
    private static let messages: [(DiffMessage, String)] = [
        (.wrongOperands(count: 1, withFrom: false),
         "diff needs two run records, got 1; use 'unroll diff output/x.json notebooks/baselines/x.json' or 'unroll diff notebooks/x.md --from HEAD~1'"),
        (.toWithoutFrom, "--to needs --from; use 'unroll diff notebooks/x.md --from HEAD~1 --to HEAD'"),
        (.notANotebook(path: "x.json"), "--from needs a notebook ending in '.md', got 'x.json'"),
        (.notebookGiven(path: "n/x.md"),
         "'n/x.md' is a notebook, not a run record; compare its records across revisions with 'unroll diff n/x.md --from HEAD~1'"),
        (.noSuchRecord(path: "a.json"),
         "no run record 'a.json'; 'unroll run' writes output/NAME.json and 'unroll check --update' notebooks/baselines/NAME.json"),
        (.unreadable(path: "d", reason: "it is a folder"), "cannot read 'd': it is a folder"),
        (.notARecord(path: "a.json", reason: "format: missing"), "'a.json' is not a run record: format: missing"),
        (.noWorkingRecord(notebook: "n/x.md", run: "output/x.json", baseline: "n/baselines/x.json"),
         "no record of 'n/x.md' to compare with: neither 'output/x.json' nor 'n/baselines/x.json' exists; run 'unroll run n/x.md' first"),
        (.noSuchFolder(path: "nb"), "no folder 'nb' for the notebook; name a notebook inside the repository"),
        (.gitMissing, "cannot run 'git' (is it installed and on PATH?); --from reads the old record with 'git show'"),
        (.notARepository(folder: "nb"), "'nb' is not inside a git repository; --from reads the old record from one"),
        (.unknownRevision(revision: "HEAD~9"), "no revision 'HEAD~9' in the repository; name a commit, branch or tag such as 'HEAD~1'"),
        (.notAtRevision(path: "nb/baselines/x.json", revision: "v1"),
         "'nb/baselines/x.json' is not in revision 'v1'; commit its baseline there ('unroll check --update') or pick another revision"),
        (.gitFailed(command: "git show HEAD:./x", message: "fatal: bad"), "'git show HEAD:./x' failed: fatal: bad"),
    ]

    func testEveryMessageRendersAsWritten() {
        for (message, text) in Self.messages { XCTAssertEqual(message.text, text, "\(message.id)") }
        XCTAssertEqual(DiffMessage.wrongOperands(count: 2, withFrom: true).text,
                       "--from compares one notebook (NAME.md) at two revisions, got 2 paths; use 'unroll diff notebooks/x.md --from HEAD~1'")
    }

    func testTheListCoversEveryCase() throws {
        try MessageCoverage.assertCovers(Self.messages.map(\.0.id), enum: "DiffMessage", in: "Sources/UnrollDiff/DiffMessages.swift")
    }

    func testAnErrorNamesItsFileAndOnlyAMalformedRecordIsInvalidInput() {
        XCTAssertEqual(DiffError(.notARecord(path: "a.json", reason: "r"), location: "a.json:2:1").description,
                       "a.json:2:1: error: 'a.json' is not a run record: r")
        XCTAssertEqual(DiffError(.gitMissing).description,
                       "error: cannot run 'git' (is it installed and on PATH?); --from reads the old record with 'git show'")
        XCTAssertTrue(DiffError(.notARecord(path: "a", reason: "r")).isInvalidRecord)
        XCTAssertFalse(DiffError(.noSuchRecord(path: "a")).isInvalidRecord)
    }
}
