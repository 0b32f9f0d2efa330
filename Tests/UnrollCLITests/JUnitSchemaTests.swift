import Foundation
import XCTest

/// `check --junit` files validated with xmllint against `junit-10.xsd`, the JUnit schema of Jenkins' xunit
/// plugin that GitHub's JUnit reporters also follow (installed into `.build/schemas/` by `scripts/install-deps`
/// from the pytest 9.2.0 source distribution). Skipped, saying why, only when xmllint is not installed.
final class JUnitSchemaTests: XCTestCase {
    private static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/schemas/junit-10.xsd")

    /// The xmllint executable on PATH.
    private func xmllint() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("xmllint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw XCTSkip("xmllint is not installed (Debian package libxml2-utils; scripts/install-deps installs it)")
    }

    /// xmllint's exit status and messages for `file` validated against the schema.
    private func validate(_ file: URL) throws -> (status: Int32, output: String) {
        let tool = try xmllint()
        guard FileManager.default.fileExists(atPath: JUnitSchemaTests.schema.path) else {
            XCTFail("\(JUnitSchemaTests.schema.path) is missing; run scripts/install-deps")
            return (-1, "")
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["--noout", "--schema", JUnitSchemaTests.schema.path, file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    func testEveryKindOfVerdictValidates() throws {
        let root = try makeWorkspace(self)
        let passing = "---\nseed: 1\n---\n```rnn id=ok\nprint \"a < b & 'c'\", 1\n```\n"
        try write(passing, to: "notebooks/a-ok.md", in: root)
        try write(passing.replacingOccurrences(of: "1\n```", with: "2\n```"), to: "notebooks/b-moved.md", in: root)
        try write("```rnn id=fails\nexpect 1 > 2\n```\n\n```rnn id=after\nprint 1\n```\n\n```rnn id=off eval=false\nprint 2\n```\n",
                  to: "notebooks/c-fails.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "notebooks"], in: root).status, 1, "c-fails fails")
        try write(passing.replacingOccurrences(of: "1\n```", with: "3\n```"), to: "notebooks/b-moved.md", in: root)
        try write(passing, to: "notebooks/d-no-baseline.md", in: root)
        try write("```rnn\nx = = 1\n```\n", to: "notebooks/e-bad.md", in: root)
        let result = try UnrollProcess.run(["check", "--junit", "junit.xml", "notebooks"], in: root)
        XCTAssertEqual(result.status, 65, result.stdout + result.stderr)
        let file = root.appendingPathComponent("junit.xml")
        let xml = try String(contentsOf: file, encoding: .utf8)
        for part in ["<failure", "<skipped", "<system-out>", "name=\"(notebook)\"", " time=\""] {
            XCTAssertTrue(xml.contains(part), "the file exercises \(part): " + xml)
        }
        let (status, output) = try validate(file)
        XCTAssertEqual(status, 0, output + "\n" + xml)
        XCTAssertTrue(output.contains("validates"), output)
    }

    func testStatisticalCheckValidates() throws {
        let root = try makeWorkspace(self)
        try write("---\nseed: 2\n---\n```rnn id=train\ndata = task.sine(count: 16, length: 4)\n"
                  + "model = Regressor(inputs: 1, rnn: RNN(hidden: 4))\nfit model on data { epochs: 2, batch: 8 }\n```\n",
                  to: "notebooks/s.md", in: root)
        XCTAssertEqual(try UnrollProcess.run(["check", "--update", "--seeds", "3", "notebooks"], in: root).status, 0)
        let result = try UnrollProcess.run(["check", "--seeds", "3", "--junit", "junit.xml", "notebooks"], in: root)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let file = root.appendingPathComponent("junit.xml")
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).contains("Welch p = "))
        let (status, output) = try validate(file)
        XCTAssertEqual(status, 0, output)
    }

    func testTheValidatorRejectsWhatTheSchemaForbids() throws {
        // `skipped` on <testsuites>, which unroll wrote before this schema was checked, is not allowed.
        let root = try makeWorkspace(self)
        let file = root.appendingPathComponent("bad.xml")
        try "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n</testsuites>\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let (status, output) = try validate(file)
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(output.contains("The attribute 'skipped' is not allowed"), output)
    }
}
