import Foundation
import XCTest

/// End-to-end tests of `UNROLL_KERNELS` and `UNROLL_THREADS`, and of the run record's `environment` object.
final class KernelEnvironmentTests: XCTestCase {
    /// A notebook whose results cannot depend on the kernels, so that its reports must be byte-identical
    /// whatever the settings (the numerics themselves are tested elsewhere).
    private let notebook = """
        ---
        title: Environment
        seed: 5
        ---
        # Environment

        ```rnn id=first
        x = 3 * 4
        print "x is", x
        show x * 0.5
        ```
        """

    /// No kernel variable from the environment the tests run in.
    private let unset: [String: String?] = ["UNROLL_KERNELS": nil, "UNROLL_THREADS": nil]

    private func workspace() throws -> URL {
        let root = try makeWorkspace(self)
        try write(notebook, to: "notebooks/env.md", in: root)
        return root
    }

    /// The `environment` object of the run record at `path`.
    private func environment(_ path: String, in root: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(path))
        let record = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return try XCTUnwrap(record?["environment"] as? [String: Any], "no environment in \(path)")
    }

    /// The kernels' default thread count: one per online core, at most 16.
    private var cores: Int { max(1, min(16, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))) }

    func testUnknownKernelPathIsAUsageErrorForEveryCommand() throws {
        let root = try workspace()
        for command in [["run"], ["check"], ["lint"], ["bench", "--hidden", "4", "--steps", "1"]] {
            let result = try UnrollProcess.run(command, in: root, environment: ["UNROLL_KERNELS": "foo"])
            XCTAssertEqual(result.status, 64, command[0])
            XCTAssertEqual(result.stderr,
                           "error: UNROLL_KERNELS='foo' is not a kernel path; use avx512, avx2 or portable\n", command[0])
            XCTAssertEqual(result.stdout, "", command[0])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path),
                       "nothing runs after a bad setting")
    }

    func testBadThreadCountIsAUsageError() throws {
        let root = try workspace()
        for value in ["0", "two", "17"] {
            let result = try UnrollProcess.run(["run"], in: root, environment: ["UNROLL_THREADS": value])
            XCTAssertEqual(result.status, 64, value)
            XCTAssertEqual(result.stderr,
                           "error: UNROLL_THREADS='\(value)' is not a thread count; use a whole number from 1 to 16\n")
        }
    }

    func testRunRecordsTheEnvironmentAndTheReportsDoNotShowIt() throws {
        let root = try workspace()
        let forced = try UnrollProcess.run(["run", "--out", "forced"], in: root,
                                           environment: ["UNROLL_KERNELS": "portable", "UNROLL_THREADS": "1"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let recorded = try environment("forced/env.json", in: root)
        XCTAssertEqual(recorded["kernels"] as? String, "portable")
        XCTAssertEqual(recorded["threads"] as? Int, 1)
        XCTAssertEqual(recorded["unroll_version"] as? String, "0.1.0")
        XCTAssertFalse((recorded["cpu"] as? String ?? "").isEmpty)
        XCTAssertEqual(recorded.keys.sorted(), ["cpu", "kernels", "threads", "unroll_version"])
        let json = try read("forced/env.json", in: root)
        XCTAssertTrue(json.hasSuffix("\n  \"unroll_version\": \"0.1.0\"\n}\n"), "the top-level version stays")

        let plain = try UnrollProcess.run(["run", "--out", "plain"], in: root, environment: unset)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        for file in ["env.html", "env.md"] {
            let report = try read("forced/" + file, in: root)
            // The heading "# Environment" gives the HTML an id="environment"; the environment object would name its kernels.
            XCTAssertFalse(report.contains("kernels") || report.contains("portable")
                           || report.contains(recorded["cpu"] as? String ?? "?"), "\(file) shows the environment")
            XCTAssertEqual(report, try read("plain/" + file, in: root), "\(file) does not depend on the kernel settings")
        }
    }

    func testKernelThreadsShareTheCoresWithJobs() throws {
        let root = try workspace()
        XCTAssertEqual(try UnrollProcess.run(["run", "--out", "one"], in: root, environment: unset).status, 0)
        XCTAssertEqual(try environment("one/env.json", in: root)["threads"] as? Int, cores)
        XCTAssertEqual(try UnrollProcess.run(["run", "--jobs", "2", "--out", "two"], in: root, environment: unset).status, 0)
        XCTAssertEqual(try environment("two/env.json", in: root)["threads"] as? Int, max(1, cores / 2))
        let set = try UnrollProcess.run(["run", "--jobs", "2", "--out", "set"], in: root,
                                        environment: ["UNROLL_THREADS": "3", "UNROLL_KERNELS": nil])
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertEqual(try environment("set/env.json", in: root)["threads"] as? Int, 3, "UNROLL_THREADS wins over the share")
    }

    func testBenchReportsKernelsAndThreadsAndTheThreadsFlagWins() throws {
        let root = try makeWorkspace(self)
        func bench(_ flags: [String], _ environment: [String: String?]) throws -> [String: Any] {
            let result = try UnrollProcess.run(["bench", "--hidden", "8", "--embed", "4", "--batch", "2", "--seq", "5",
                                                "--steps", "1", "--vocab", "11"] + flags, in: root,
                                               environment: environment)
            XCTAssertEqual(result.status, 0, result.stderr)
            return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        let plain = try bench([], unset)
        XCTAssertEqual(plain["threads"] as? Int, 2, "bench defaults to 2 threads")
        XCTAssertTrue(["avx512", "avx2", "portable"].contains(plain["kernels"] as? String ?? ""), "\(plain)")
        let fromEnvironment = try bench([], ["UNROLL_THREADS": "1", "UNROLL_KERNELS": "portable"])
        XCTAssertEqual(fromEnvironment["threads"] as? Int, 1)
        XCTAssertEqual(fromEnvironment["kernels"] as? String, "portable")
        XCTAssertEqual(try bench(["--threads", "3"], ["UNROLL_THREADS": "1", "UNROLL_KERNELS": nil])["threads"] as? Int, 3)
    }
}
