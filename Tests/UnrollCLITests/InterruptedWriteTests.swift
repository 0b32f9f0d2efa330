import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// End-to-end: `kill -9` at random moments of the write phase of a notebook that saves weights never leaves a
/// mix of two runs' files or loses the previous ones, and the next write into the folder removes what the killed
/// run left (issue 9, item 8).
final class InterruptedWriteTests: XCTestCase {
    private let saving = """
        ---
        title: Saving
        seed: 5
        params:
          hidden: 700
        ---
        ```rnn id=save
        m = Regressor(inputs: 2, outputs: 1, rnn: GRU(hidden: params.hidden))
        save_weights(m, "weights.safetensors")
        save_tensors("copy.safetensors", state_dict(m))
        print "saved", params.hidden
        ```
        """

    /// The files of the `save` notebook in `folder`, by relative path (the report folder's entries included).
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ["save.html", "save.md", "save.json"] {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { files[name] = try Data(contentsOf: url) }
        }
        let reports = folder.appendingPathComponent("save")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? [] {
            files["save/" + name] = try Data(contentsOf: reports.appendingPathComponent(name))
        }
        return files
    }

    /// The names in `folder` that interrupted runs leave: staging and commit folders, temporary files.
    private func leftovers(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(".unroll-") || $0.contains(".tmp-") }
    }

    /// Starts `unroll arguments…` in `root` with its output discarded.
    private func launch(_ arguments: [String], in root: URL) throws -> Process {
        let process = Process()
        process.executableURL = UnrollProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until the process `pid` has made its staging folder in `folder` (its write phase has begun);
    /// false if it exited first.
    private func waitForStaging(of process: Process, in folder: URL) -> Bool {
        let prefix = ".unroll-staging-\(process.processIdentifier)-"
        while process.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if names.contains(where: { $0.hasPrefix(prefix) }) { return true }
            usleep(200)
        }
        return false
    }

    func testKillsDuringTheWritePhaseLeaveTheOldOrTheNewSetAndTheNextRunCleansUp() throws {
        let root = try makeWorkspace(self)
        try write(saving, to: "notebooks/save.md", in: root)
        try write("```rnn\nprint 1\n```\n", to: "other/tiny.md", in: root)
        let out = root.appendingPathComponent("out")
        let sets = try ["700", "701"].map { hidden -> [String: Data] in
            let result = try UnrollProcess.run(["run", "notebooks/save.md", "-p", "hidden=\(hidden)", "--out", "ref\(hidden)"],
                                               in: root)
            XCTAssertEqual(result.status, 0, result.stderr)
            return try snapshot(root.appendingPathComponent("ref\(hidden)"))
        }
        XCTAssertEqual(sets[0].count, 6, "three reports, two saved files and the manifest")
        XCTAssertNotEqual(sets[0]["save/weights.safetensors"], sets[1]["save/weights.safetensors"])

        // How long the write phase lasts: from the staging folder's appearance to the end of the process.
        let first = try launch(["run", "notebooks/save.md", "-p", "hidden=700", "--out", "out"], in: root)
        XCTAssertTrue(waitForStaging(of: first, in: out))
        let writeStart = Date()
        first.waitUntilExit()
        let writeSeconds = max(Date().timeIntervalSince(writeStart), 0.005)
        XCTAssertEqual(try snapshot(out), sets[0])

        // What an older Unroll left after a kill, and a file of the user's that looks a little like Unroll's.
        try write("partial", to: "out/.atom.json.tmp-1a2b3c4d", in: root)
        try write("mine", to: "out/.unroll-notes.tmp", in: root)

        var current = 0
        var outcomes = (old: 0, new: 0, leftBehind: 0)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30 {
            let target = 1 - current
            let process = try launch(["run", "notebooks/save.md", "-p", "hidden=\(700 + target)", "--out", "out"], in: root)
            XCTAssertTrue(waitForStaging(of: process, in: out), "the run reached its write phase")
            usleep(UInt32(Double.random(in: 0...(1.2 * writeSeconds), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if try leftovers(out).contains(where: { $0.hasPrefix(".unroll-staging-") || $0.hasPrefix(".unroll-commit-") }) {
                outcomes.leftBehind += 1
            }
            // Right after the kill no file is missing or partial: each is one run's version.
            let killed = try snapshot(out)
            XCTAssertEqual(killed.keys.sorted(), sets[0].keys.sorted(), "no file is lost")
            for (path, bytes) in killed where bytes != sets[0][path] && bytes != sets[1][path] {
                XCTFail("'\(path)' is neither run's version (\(bytes.count) bytes)")
            }

            // The next run into the folder (of another notebook) finishes or discards what the killed one left.
            let next = try UnrollProcess.run(["run", "other/tiny.md", "--out", "out"], in: root)
            XCTAssertEqual(next.status, 0, next.stderr)
            XCTAssertEqual(try leftovers(out), [".unroll-notes.tmp"], "nothing of the killed run is left")
            let now = try snapshot(out)
            if now == sets[target] {
                outcomes.new += 1
                current = target
            } else if now == sets[current] {
                outcomes.old += 1
            } else {
                XCTFail("a mix of two runs: \(now.keys.sorted()); weights \(now["save/weights.safetensors"]?.count ?? -1) bytes")
                return
            }
        }
        // Both outcomes happen: the kills do land before and after the commit.
        XCTAssertGreaterThan(outcomes.old, 0, "\(outcomes), write phase \(writeSeconds) s")
        XCTAssertGreaterThan(outcomes.new, 0, "\(outcomes), write phase \(writeSeconds) s")
        XCTAssertGreaterThan(outcomes.leftBehind, 0, "\(outcomes), write phase \(writeSeconds) s")
        print("kill -9 in the write phase: \(outcomes); write phase \(writeSeconds) s")
    }
}
