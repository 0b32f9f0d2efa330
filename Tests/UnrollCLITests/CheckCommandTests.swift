import Foundation
import XCTest
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// End-to-end tests of `unroll check`: the built binary against baselines written by `unroll run`.
final class CheckCommandTests: XCTestCase {
    private func notebook(_ factor: String = "0.5", text: String = "x is") -> String {
        """
        ---
        title: Check me
        seed: 3
        params:
          n: 4
        ---
        # Check

        ```rnn id=first
        x = params.n * 2
        print "\(text)", x
        expect x == 8
        ```

        ```rnn id=second
        show params.n * \(factor)
        ```
        """
    }

    /// A workspace with `names` as notebooks, each run once into `output/` and given a baseline with `check --update`.
    private func workspace(_ names: [String] = ["one"]) throws -> URL {
        let root = try makeWorkspace(self)
        for name in names { try write(notebook(), to: "notebooks/\(name).md", in: root) }
        let run = try UnrollProcess.run(["run", "notebooks"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        let update = try UnrollProcess.run(["check", "--update", "notebooks"], in: root)
        XCTAssertEqual(update.status, 0, update.stderr)
        return root
    }

    private func tamper(_ name: String, in root: URL, _ old: String, _ new: String) throws {
        let text = try read("notebooks/baselines/\(name).json", in: root)
        XCTAssertTrue(text.contains(old), "baseline has \(old)")
        try write(text.replacingOccurrences(of: old, with: new), to: "notebooks/baselines/\(name).json", in: root)
    }

    func testCheckPassesRightAfterRunAndWritesNothing() throws {
        let root = try workspace()
        let before = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("output").path).sorted()
        let json = try read("output/one.json", in: root), html = try read("output/one.html", in: root)
        let result = try UnrollProcess.run(["check", "notebooks"], in: root)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("\n2 passed, 0 failed\n"), result.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("output").path).sorted(), before)
        XCTAssertEqual(try read("output/one.json", in: root), json)
        XCTAssertEqual(try read("output/one.html", in: root), html)
    }

    func testRunNeverTouchesABaselineAndCheckNeverTouchesTheReports() throws {
        let root = try workspace()
        let baseline = try read("notebooks/baselines/one.json", in: root)
        try tamper("one", in: root, "\"value\": 2.0", "\"value\": 2.5")
        let tampered = try read("notebooks/baselines/one.json", in: root)
        XCTAssertNotEqual(tampered, baseline)
        XCTAssertEqual(try UnrollProcess.run(["run", "notebooks"], in: root).status, 0)
        XCTAssertEqual(try read("notebooks/baselines/one.json", in: root), tampered, "run never writes a baseline")
        XCTAssertEqual(try UnrollProcess.run(["check", "notebooks"], in: root).status, 2, "so check still sees the change")
        // The run record in output/ is what a baseline is made from, byte for byte.
        try write(baseline, to: "notebooks/baselines/one.json", in: root)
        XCTAssertEqual(try read("output/one.json", in: root), baseline)
        XCTAssertEqual(try UnrollProcess.run(["check", "notebooks"], in: root).status, 0)
    }

    func testAChangedDataFileIsSaidBeforeTheValues() throws {
        let root = try makeWorkspace(self)
        try write("abcabc\n", to: "notebooks/poem.txt", in: root)
        try write("```rnn id=data\nc = text(\"poem.txt\")\nprint c.size\n```\n", to: "notebooks/one.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "notebooks"], in: root).status, 0)
        let baseline = try read("notebooks/baselines/one.json", in: root)
        XCTAssertTrue(baseline.contains("\"path\": \"poem.txt\""), baseline)
        XCTAssertTrue(baseline.contains("\"size\": 7"), baseline)
        try write("abcabcabc\n", to: "notebooks/poem.txt", in: root)
        let result = try UnrollProcess.run(["check", "notebooks"], in: root)
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        let first = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix("notebooks/one.md: poem.txt changed (sha256 "), result.stdout)
        XCTAssertTrue(first.hasSuffix(", 7 → 10 bytes)"), first)
    }

    func testADifferentParamIsSaidBeforeTheValues() throws {
        let root = try workspace()
        let result = try UnrollProcess.run(["check", "-p", "n=5", "notebooks/one.md"], in: root)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("notebooks/one.md: params differ: n 4 → 5\n"), result.stdout)
    }

    func testChangedNumberInBaselineExits2AndNamesTheValue() throws {
        let root = try workspace()
        try tamper("one", in: root, "\"value\": 2.0", "\"value\": 2.5")
        let tampered = try read("notebooks/baselines/one.json", in: root)
        let result = try UnrollProcess.run(["check", "notebooks/one.md"], in: root)
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("notebooks/one.md: same notebook, params, seed, data and Unroll version as the "
                                              + "baseline: the change comes from the code\n"), result.stdout)
        let line = result.stdout.split(separator: "\n").first { $0.contains("second/value-1") }.map(String.init) ?? ""
        XCTAssertTrue(line.hasPrefix("notebooks/one.md:"), result.stdout)
        XCTAssertTrue(line.hasSuffix(": cell 'second': second/value-1: expected 2.5, got 2.0 (abs diff 0.5, rel diff 0.2)"), line)
        XCTAssertTrue(result.stdout.hasSuffix("\n1 passed, 1 failed\n"), result.stdout)
        XCTAssertEqual(try read("notebooks/baselines/one.json", in: root), tampered, "check never rewrites a baseline")
    }

    func testMissingBaselineSaysHowToCreateOne() throws {
        let root = try makeWorkspace(self)
        try write(notebook(), to: "notebooks/one.md", in: root)
        let result = try UnrollProcess.run(["check", "notebooks/one.md"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no baseline 'notebooks/baselines/one.json'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("run 'unroll check --update notebooks/one.md' to create one"), result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("0 passed, 2 failed (no baseline for notebooks/one.md)\n"), result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("notebooks/baselines/one.json").path))
    }

    func testUpdateRewritesTheBaselineThenCheckPasses() throws {
        let root = try workspace()
        let original = try read("notebooks/baselines/one.json", in: root)
        try tamper("one", in: root, "\"value\": 2.0", "\"value\": 2.5")
        let update = try UnrollProcess.run(["check", "--update", "notebooks/one.md"], in: root)
        XCTAssertEqual(update.status, 0, update.stderr)
        XCTAssertTrue(update.stdout.contains("notebooks/one.md: baseline written to notebooks/baselines/one.json"), update.stdout)
        XCTAssertEqual(try read("notebooks/baselines/one.json", in: root), original)
        XCTAssertEqual(try UnrollProcess.run(["check", "notebooks/one.md"], in: root).status, 0)

        let other = try makeWorkspace(self)
        try write(notebook(), to: "notebooks/one.md", in: other)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "--baseline", "base", "notebooks"], in: other).status, 0)
        XCTAssertEqual(try read("base/one.json", in: other), original)
        XCTAssertFalse(FileManager.default.fileExists(atPath: other.appendingPathComponent("base/one.html").path))
        XCTAssertEqual(try UnrollProcess.run(["check", "--baseline", "base", "notebooks"], in: other).status, 0)
    }

    func testChangedNotebookRegressesAndFailedCellExits1() throws {
        let root = try workspace()
        try write(notebook("0.75"), to: "notebooks/one.md", in: root)
        let changed = try UnrollProcess.run(["check", "notebooks/one.md"], in: root)
        XCTAssertEqual(changed.status, 2)
        XCTAssertTrue(changed.stdout.contains("second/value-1: expected 2.0, got 3.0 (abs diff 1, rel diff 0.5)"), changed.stdout)
        XCTAssertTrue(changed.stdout.hasPrefix("notebooks/one.md: the notebook changed since its baseline: cell 'second' edited\n"),
                      changed.stdout)
        try write(notebook().replacingOccurrences(of: "expect x == 8", with: "expect x == 9"), to: "notebooks/one.md", in: root)
        let failed = try UnrollProcess.run(["check", "notebooks/one.md"], in: root)
        XCTAssertEqual(failed.status, 1, "a failed cell wins over the regression of the skipped cell after it")
        XCTAssertTrue(failed.stdout.contains("cell 'first': cell failed"), failed.stdout)
        XCTAssertTrue(failed.stdout.contains("cell 'second': second: expected status passed, got skipped"), failed.stdout)
    }

    func testNotebookThatDoesNotParseExits65() throws {
        let root = try workspace()
        try write("```rnn\nx = (1 +\n```\n", to: "notebooks/one.md", in: root)
        let result = try UnrollProcess.run(["check", "notebooks/one.md"], in: root)
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("notebooks/one.md:2:"), result.stderr)
    }

    func testJUnitReportParsesAndNamesTheFailure() throws {
        let root = try makeWorkspace(self)
        try write(notebook(text: "a < b & 'c'"), to: "notebooks/one.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "notebooks"], in: root).status, 0)
        try tamper("one", in: root, "a < b & 'c' 8", "a > b & \\\"c\\\" 8")
        let result = try UnrollProcess.run(["check", "--junit", "reports/junit.xml", "notebooks"], in: root)
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        let data = try Data(contentsOf: root.appendingPathComponent("reports/junit.xml"))
        let collector = ElementCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n" + String(decoding: data, as: UTF8.self))
        XCTAssertEqual(collector.elements.map(\.name),
                       ["testsuites", "testsuite", "testcase", "failure", "testcase", "system-out"])
        // Each test case says how long its cell took, the suite the sum; the suite's output says what differs
        // in provenance.
        XCTAssertNotNil(collector.elements[2].attributes["time"].flatMap(Double.init), "\(collector.elements[2].attributes)")
        XCTAssertNotNil(collector.elements[4].attributes["time"].flatMap(Double.init))
        XCTAssertNotNil(collector.elements[1].attributes["time"].flatMap(Double.init))
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains(
            "<system-out>notebooks/one.md: same notebook, params, seed, data and Unroll version as the baseline: "
                + "the change comes from the code</system-out>"), String(decoding: data, as: UTF8.self))
        XCTAssertFalse(try read("notebooks/baselines/one.json", in: root).contains("seconds"), "baselines carry no times")
        XCTAssertEqual(collector.elements[1].attributes["name"], "notebooks/one.md")
        XCTAssertEqual(collector.elements[2].attributes["name"], "first")
        XCTAssertEqual(collector.elements[3].attributes["message"],
                       "first/print-1 line 1: expected \"a > b & \\\"c\\\" 8\", got \"a < b & 'c' 8\"")
        XCTAssertEqual(collector.elements[0].attributes["failures"], "1")
        XCTAssertEqual(collector.elements[0].attributes["tests"], "2")
    }

    func testParallelOutputEqualsSerial() throws {
        let root = try workspace(["a", "b", "c"])
        try tamper("b", in: root, "\"value\": 2.0", "\"value\": 2.5")
        // The mismatch's environment line names the thread count, which --jobs shares out unless it is fixed.
        let threads: [String: String?] = ["UNROLL_THREADS": "1"]
        let serial = try UnrollProcess.run(["check", "notebooks"], in: root, environment: threads)
        let parallel = try UnrollProcess.run(["check", "--jobs", "2", "notebooks"], in: root, environment: threads)
        XCTAssertEqual(serial.status, 2)
        XCTAssertEqual(parallel.status, serial.status)
        XCTAssertEqual(parallel.stdout, serial.stdout)
        XCTAssertEqual(parallel.stderr, serial.stderr)
        XCTAssertTrue(serial.stdout.hasSuffix("\n5 passed, 1 failed\n"), serial.stdout)
    }

    func testEnvironmentIsIgnoredButShownBesideAMismatch() throws {
        let root = try workspace()
        let forced: [String: String?] = ["UNROLL_KERNELS": "portable", "UNROLL_THREADS": "1"]
        let record = try JSONSerialization.jsonObject(with: Data(try read("notebooks/baselines/one.json", in: root).utf8))
        let cpu = try XCTUnwrap(((record as? [String: Any])?["environment"] as? [String: Any])?["cpu"] as? String)
        let environment = try XCTUnwrap(try read("notebooks/baselines/one.json", in: root)
            .range(of: #""environment": \{[^}]*\}"#, options: .regularExpression))
        var text = try read("notebooks/baselines/one.json", in: root)
        text.replaceSubrange(environment, with: """
            "environment": {"cpu": "AMD EPYC 9B45", "kernels": "avx2", "threads": 7, "unroll_version": "0.0.9"}
            """)
        try write(text, to: "notebooks/baselines/one.json", in: root)

        let same = try UnrollProcess.run(["check", "notebooks/one.md"], in: root, environment: forced)
        XCTAssertEqual(same.status, 0, "a different environment alone is no mismatch: " + same.stdout + same.stderr)
        XCTAssertFalse(same.stdout.contains("baseline:"), same.stdout)

        try tamper("one", in: root, "\"value\": 2.0", "\"value\": 2.5")
        let changed = try UnrollProcess.run(["check", "--junit", "junit.xml", "notebooks/one.md"], in: root,
                                            environment: forced)
        XCTAssertEqual(changed.status, 2, changed.stdout + changed.stderr)
        let line = "notebooks/one.md: baseline: avx2, 7 threads, AMD EPYC 9B45; this run: portable, 1 thread, \(cpu)"
        let lines = changed.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.suffix(3), [line, "notebooks/one.md: regression in 1 cell (baseline notebooks/baselines/one.json)",
                                         "1 passed, 1 failed"], changed.stdout)
        let junit = try read("junit.xml", in: root)
        XCTAssertTrue(junit.contains(line), "the JUnit failure text names both environments: " + junit)

        // A baseline from before the environment object still reads, and says so.
        text = try read("notebooks/baselines/one.json", in: root)
        let again = try XCTUnwrap(text.range(of: #""environment": \{[^}]*\},?\s*"#, options: .regularExpression))
        text.removeSubrange(again)
        try write(text, to: "notebooks/baselines/one.json", in: root)
        let old = try UnrollProcess.run(["check", "notebooks/one.md"], in: root, environment: forced)
        XCTAssertEqual(old.status, 2, old.stdout + old.stderr)
        XCTAssertTrue(old.stdout.contains("\nnotebooks/one.md: baseline: unknown environment; this run: portable, 1 thread, \(cpu)\n"),
                      old.stdout)
    }

    func testShardsPartitionTheNotebooks() throws {
        let root = try workspace(["a", "b", "c"])
        func checked(_ shard: String) throws -> [String] {
            let result = try UnrollProcess.run(["check", "--shard", shard, "notebooks"], in: root)
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stdout.split(separator: "\n").filter { $0.contains(": ok") }
                .map { String($0.prefix { $0 != ":" }) }
        }
        XCTAssertEqual(try checked("1/2"), ["notebooks/a.md", "notebooks/c.md"])
        XCTAssertEqual(try checked("2/2"), ["notebooks/b.md"])
        for bad in ["0/2", "3/2", "1-2", "x"] {
            let result = try UnrollProcess.run(["check", "--shard", bad, "notebooks"], in: root)
            XCTAssertEqual(result.status, 64, bad)
            XCTAssertTrue(result.stderr.contains("--shard must be I/N"), result.stderr)
        }
    }
}

/// Records the elements an XML document opens, in order, with their attributes.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append((elementName, attributeDict))
    }
}
