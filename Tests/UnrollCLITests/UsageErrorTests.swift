import Foundation
import XCTest

/// End-to-end tests of the usage errors (exit 64) that used to pass silently: no command, a folder without
/// notebooks, empty folder options, and same-named notebooks that would overwrite each other's files.
final class UsageErrorTests: XCTestCase {
    private let notebook = "```rnn id=a\nprint 1\n```\n"

    func testNoCommandPrintsTheHelpAndExits64() throws {
        let root = try makeWorkspace(self)
        let result = try UnrollProcess.run([], in: root)
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("USAGE: unroll <subcommand>"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testAFolderWithoutNotebooksIsAUsageError() throws {
        let root = try makeWorkspace(self)
        try write("not a notebook", to: "empty/readme.txt", in: root)
        for command in ["run", "lint", "check"] {
            let result = try UnrollProcess.run([command, "empty"], in: root)
            XCTAssertEqual(result.status, 64, command)
            XCTAssertTrue(result.stderr.contains("no notebooks (*.md files) in the folder 'empty'"), result.stderr)
        }
    }

    func testEmptyFolderOptionsAreUsageErrors() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/one.md", in: root)
        for arguments in [["run", "--out", "", "notebooks"], ["run", "--allow-read", "", "notebooks"],
                          ["check", "--baseline", "", "notebooks"], ["check", "--allow-read", "", "notebooks"]] {
            let result = try UnrollProcess.run(arguments, in: root)
            XCTAssertEqual(result.status, 64, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains("needs a folder, got an empty string"), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }

    func testSameNamedNotebooksInTwoFoldersAreRefusedWhereTheyWouldCollide() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "a/same.md", in: root)
        try write(notebook.replacingOccurrences(of: "print 1", with: "print 2"), to: "b/same.md", in: root)
        let run = try UnrollProcess.run(["run", "a/same.md", "b/same.md"], in: root)
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("'a/same.md' and 'b/same.md' would both write output/same.*"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/same.json").path))
        // Baselines live beside each notebook, so checking both needs no refusal…
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "a/same.md", "b/same.md"], in: root).status, 0)
        XCTAssertEqual(try UnrollProcess.run(["check", "a/same.md", "b/same.md"], in: root).status, 0)
        XCTAssertNotEqual(try read("a/baselines/same.json", in: root), try read("b/baselines/same.json", in: root))
        // …but one --baseline folder for both would mix them up.
        let shared = try UnrollProcess.run(["check", "--baseline", "base", "a/same.md", "b/same.md"], in: root)
        XCTAssertEqual(shared.status, 64)
        XCTAssertTrue(shared.stderr.contains("would both write base/same.json"), shared.stderr)
    }

    func testInvalidUTF8InANotebookIsLocatedAndExits65() throws {
        let root = try makeWorkspace(self)
        var bytes = Array("# Title\n\nsome prose ".utf8)
        bytes += [0xC3, 0x28]   // a lead byte followed by an ASCII byte: not UTF-8
        bytes += Array(" more\n".utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        try Data(bytes).write(to: root.appendingPathComponent("notebooks/bad.md"))
        for command in ["lint", "run"] {
            let result = try UnrollProcess.run([command, "notebooks/bad.md"], in: root)
            XCTAssertEqual(result.status, 65, command + ": " + result.stderr)
            XCTAssertTrue(result.stderr.hasPrefix("notebooks/bad.md:3:12: error: the notebook is not valid utf-8 text here"),
                          result.stderr)
        }
    }
}

/// `unroll help NAME` for a name that is not a subcommand is a usage error, not the top-level help.
final class HelpUsageErrorTests: XCTestCase {
    func testHelpForAnUnknownSubcommandExits64WithADidYouMean() throws {
        let root = try makeWorkspace(self)
        let nope = try UnrollProcess.run(["help", "nope"], in: root)
        XCTAssertEqual(nope.status, 64)
        XCTAssertEqual(nope.stdout, "")
        XCTAssertTrue(nope.stderr.hasPrefix("error: unknown subcommand 'nope' for 'unroll' (the subcommands are run, check, "
                                            + "diff, lint, bench)\nUsage: unroll <subcommand>"), nope.stderr)
        let typo = try UnrollProcess.run(["help", "chek"], in: root)
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(typo.stderr.hasPrefix("error: unknown subcommand 'chek' for 'unroll'; did you mean 'check'?"), typo.stderr)
        let nested = try UnrollProcess.run(["help", "run", "fast"], in: root)
        XCTAssertEqual(nested.status, 64)
        XCTAssertTrue(nested.stderr.hasPrefix("error: 'unroll run' has no subcommands, so there is no help for 'fast'"), nested.stderr)
        let known = try UnrollProcess.run(["help", "run"], in: root)
        XCTAssertEqual(known.status, 0)
        XCTAssertTrue(known.stdout.contains("--allow-read"), known.stdout)
        XCTAssertEqual(try UnrollProcess.run(["help", "help"], in: root).status, 0)
    }
}
