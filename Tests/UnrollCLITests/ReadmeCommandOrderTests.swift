import Foundation
import XCTest

/// The README's two commands, `unroll run notebooks` (scripts/run-notebooks) and `unroll check notebooks`
/// (scripts/test), in a git repository laid out like this one: in either order they leave `git status` clean,
/// because `run` writes only the untracked `output/` and `check` only reads the baselines.
final class ReadmeCommandOrderTests: XCTestCase {
    /// A small notebook that trains, so that its record holds a loss curve and a metric.
    private let notebook = """
        ---
        title: Tiny order
        seed: 9
        ---
        # Tiny

        ```rnn id=train
        data = task.adding(count: 48, length: 5)
        train, test = data.split(0.75)
        m = Regressor(inputs: 2, rnn: GRU(hidden: 4))
        fit m on train { epochs: 2, batch: 12 }
        show evaluate(m, test).loss
        ```
        """

    /// The repository's own `output/.gitignore`, which keeps reports out of git.
    private func outputIgnore() throws -> String {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: repository.appendingPathComponent("output/.gitignore"), encoding: .utf8)
    }

    func testRunThenCheckAndCheckThenRunLeaveGitStatusClean() throws {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/tiny.md", in: root)
        try write(try outputIgnore(), to: "output/.gitignore", in: root)
        let update = try UnrollProcess.run(["check", "--update", "notebooks"], in: root)
        XCTAssertEqual(update.status, 0, update.stderr)
        try git(["init", "-q", "."], in: root)
        try git(["add", "."], in: root)
        try git(["commit", "-q", "-m", "notebook and baseline"], in: root)
        let baseline = try read("notebooks/baselines/tiny.json", in: root)

        for order in [["run", "check"], ["check", "run"]] {
            for command in order {
                let result = try UnrollProcess.run([command, "notebooks"], in: root)
                XCTAssertEqual(result.status, 0, "\(order): \(command): \(result.stdout)\(result.stderr)")
            }
            XCTAssertEqual(try git(["status", "--porcelain", "--untracked-files=all"], in: root), "",
                           "\(order) changed tracked files or left untracked ones")
            XCTAssertEqual(try read("notebooks/baselines/tiny.json", in: root), baseline)
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/tiny.html").path))
        }
    }
}
