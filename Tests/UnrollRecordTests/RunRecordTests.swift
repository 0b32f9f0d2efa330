import Foundation
import UnrollDiagnostics
import UnrollTestSupport
import XCTest
@testable import UnrollRecord

final class RunRecordTests: XCTestCase {
    func testEncodeDecodeEncodeIsByteIdentical() throws {
        for timings in [false, true] {
            let record = RecordFixtures.fullRecord(timings: timings)
            let first = record.encoded()
            let decoded = try RunRecord.decode(from: first)
            XCTAssertEqual(decoded, record)
            XCTAssertEqual(decoded.encoded(), first)
        }
    }

    func testSameRecordGivesSameBytes() {
        XCTAssertEqual(RecordFixtures.fullRecord().encoded(), RecordFixtures.fullRecord().encoded())
    }

    func testTopLevelLayout() throws {
        let text = RecordFixtures.fullRecord().encodedText()
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertTrue(text.hasPrefix("{\n  \"cells\": [\n"))
        XCTAssertTrue(text.contains("\n  \"notebook_sha256\": \"\(SHA256.hexDigest(of: "# Poems\n"))\",\n"))
        XCTAssertTrue(text.contains("\n  \"seed\": 7,\n"))
        XCTAssertTrue(text.contains("\n  \"format\": 1,\n"))
        XCTAssertFalse(text.contains("seconds"), "timings must only appear when asked for")
        XCTAssertTrue(RecordFixtures.fullRecord(timings: true).encodedText().contains("\"total_seconds\": 2.0"))
    }

    func testParamsAreSortedAndTyped() throws {
        let record = RecordFixtures.fullRecord()
        XCTAssertEqual(record.params.map(\.name), ["bidirectional", "cell", "epochs", "hidden", "lr", "sizes"])
        XCTAssertEqual(record.param("lr"), .double(0.003))
        let text = record.encodedText()
        XCTAssertTrue(text.contains("\"epochs\": 3,"))
        XCTAssertTrue(text.contains("\"lr\": 0.003,"))
        XCTAssertTrue(text.contains("\"bidirectional\": true,"))
        let decoded = try RunRecord.decode(from: record.encoded())
        XCTAssertEqual(decoded.param("epochs"), .int(3))
        XCTAssertEqual(decoded.param("sizes"), .list([.int(1), .double(2.5), .string("x")]))
    }

    func testNonFiniteValuesSurvive() throws {
        let decoded = try RunRecord.decode(from: RecordFixtures.fullRecord().encoded())
        guard case .series(let series)? = decoded.cell(id: "train")?.output(named: "lm/history")?.content else {
            return XCTFail("history missing")
        }
        XCTAssertTrue(series.lines[1].y[1].isNaN)
        XCTAssertEqual(series.lines[1].y[3], .infinity)
        guard case .table(let table)? = decoded.cell(id: "train")?.output(named: "table-1")?.content else {
            return XCTFail("table missing")
        }
        XCTAssertEqual(table.rows[1][0], .text("n/a"))
        guard case .number(let value) = table.rows[1][1] else { return XCTFail("nan cell read back as text") }
        XCTAssertTrue(value.isNaN)
    }

    func testCellFields() throws {
        let decoded = try RunRecord.decode(from: RecordFixtures.fullRecord().encoded())
        XCTAssertEqual(decoded.status, .failed)
        XCTAssertEqual(decoded.cells.map(\.status), [.passed, .failed, .skipped, .notRun])
        XCTAssertEqual(decoded.cell(id: "cell-2")?.error?.location, SourceLocation(file: "notebooks/poems.md", line: 33, column: 8))
        XCTAssertEqual(decoded.cell(id: "train")?.check?.relativeTolerance, 1e-3)
        XCTAssertNil(decoded.cell(id: "demo")?.check, "empty check settings are not recorded")
        XCTAssertTrue(RecordFixtures.fullRecord().encodedText().contains("\"status\": \"not-run\""))
    }

    func testStatusDefaultsFromCells() {
        let passing = RunRecord(
            notebookPath: "a.md", notebookHash: "", unrollVersion: "0", seed: 0, params: [], title: "",
            cells: [CellRecord(id: "a", index: 0, sourceLine: 1, status: .passed)])
        XCTAssertEqual(passing.status, .passed)
    }

    func testSchemaErrorsNameTheField() throws {
        var text = RecordFixtures.fullRecord().encodedText()
        text = text.replacingOccurrences(of: "\"status\": \"skipped\"", with: "\"status\": \"skiped\"")
        XCTAssertThrowsError(try RunRecord.decode(from: Data(text.utf8))) { error in
            XCTAssertEqual("\(error)", "cells[2].status: unknown value 'skiped'; did you mean 'skipped'?")
        }

        let missing = #"{"format": 1, "notebook": "a.md"}"#
        XCTAssertThrowsError(try RunRecord.decode(from: Data(missing.utf8))) { error in
            XCTAssertEqual("\(error)", "missing key 'notebook_sha256'")
        }

        let future = #"{"format": 2}"#
        XCTAssertThrowsError(try RunRecord.decode(from: Data(future.utf8))) { error in
            XCTAssertTrue("\(error)".hasPrefix("format: record format 2 is not supported"), "\(error)")
        }

        var extra = RecordFixtures.fullRecord().encodedText()
        extra = extra.replacingOccurrences(of: "\"source_line\": 40,", with: "\"source_line\": 40, \"colour\": 1,")
        XCTAssertThrowsError(try RunRecord.decode(from: Data(extra.utf8))) { error in
            XCTAssertEqual("\(error)", "cells[2]: unknown key 'colour'")
        }

        var badShape = RecordFixtures.fullRecord().encodedText()
        badShape = badShape.replacingOccurrences(of: "\"row_labels\": [\n", with: "\"row_labels\": [\n\"extra\",\n")
        XCTAssertThrowsError(try RunRecord.decode(from: Data(badShape.utf8))) { error in
            XCTAssertEqual("\(error)", "cells[0].outputs[5].values: 2 rows for 3 row labels")
        }
    }

    func testDuplicatedCellIDsAndOutputNamesAreMalformed() throws {
        let cells = RecordFixtures.record([RecordFixtures.cell("a", index: 0), RecordFixtures.cell("a", index: 1)])
        XCTAssertThrowsError(try RunRecord.decode(from: cells.encoded())) { error in
            XCTAssertEqual("\(error)", "cells[1].id: cell id 'a' appears twice (also cells[0]); the record is malformed")
        }
        let output = CellOutput.text("print-1", "x")
        let outputs = RecordFixtures.record([RecordFixtures.cell("a", [output, output])])
        XCTAssertThrowsError(try RunRecord.decode(from: outputs.encoded())) { error in
            XCTAssertEqual("\(error)",
                           "cells[0].outputs[1].name: output name 'print-1' appears twice (also cells[0].outputs[0]); the record is malformed")
        }
    }

    private static let environment = RunEnvironment(cpu: "Intel(R) Xeon(R) Processor", kernels: "avx512", threads: 2,
                                                    unrollVersion: "0.1.0")

    func testEnvironmentRoundTripsAsOneSortedObject() throws {
        var record = RecordFixtures.fullRecord()
        record.environment = RunRecordTests.environment
        let text = record.encodedText()
        XCTAssertTrue(text.contains("""
              "environment": {
                "cpu": "Intel(R) Xeon(R) Processor",
                "kernels": "avx512",
                "threads": 2,
                "unroll_version": "0.1.0"
              },

            """), text)
        XCTAssertTrue(text.hasSuffix("\n  \"unroll_version\": \"0.1.0\"\n}\n"), "the top-level version stays")
        let decoded = try RunRecord.decode(from: Data(text.utf8))
        XCTAssertEqual(decoded.environment, RunRecordTests.environment)
        XCTAssertEqual(decoded, record)
        XCTAssertEqual(decoded.encodedText(), text)
    }

    func testRecordWithoutEnvironmentStillParses() throws {
        let text = RecordFixtures.fullRecord().encodedText()
        XCTAssertFalse(text.contains("environment"), "no environment is written when there is none")
        XCTAssertNil(try RunRecord.decode(from: Data(text.utf8)).environment)
    }

    func testEnvironmentIsReadStrictly() throws {
        var record = RecordFixtures.fullRecord()
        record.environment = RunRecordTests.environment
        let text = record.encodedText()
        let cases: [(String, String, String)] = [
            ("\"threads\": 2,", "\"threads\": 2, \"gpu\": \"none\",", "environment: unknown key 'gpu'"),
            ("\"threads\": 2,", "", "environment: missing key 'threads'"),
            ("\"threads\": 2,", "\"threads\": \"2\",", "environment.threads: expected a whole number in range, found a string"),
            ("\"threads\": 2,", "\"threads\": 0,", "environment.threads: expected a thread count of at least 1, found 0"),
            ("\"kernels\": \"avx512\",", "\"kernels\": 512,", "environment.kernels: expected a string, found a number"),
        ]
        for (old, new, message) in cases {
            XCTAssertTrue(text.contains(old), old)
            let changed = text.replacingOccurrences(of: old, with: new)
            XCTAssertThrowsError(try RunRecord.decode(from: Data(changed.utf8)), message) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
        let notObject = text.replacingOccurrences(of: "\"environment\": {", with: "\"environment\": [], \"x\": {")
        XCTAssertThrowsError(try RunRecord.decode(from: Data(notObject.utf8))) { error in
            XCTAssertEqual("\(error)", "environment: expected an object, found an array")
        }
    }

    func testEnvironmentSummary() {
        XCTAssertEqual(RunRecordTests.environment.summary, "avx512, 2 threads, Intel(R) Xeon(R) Processor")
        XCTAssertEqual(RunEnvironment(cpu: "AMD EPYC 9B45", kernels: "avx2", threads: 1, unrollVersion: "0.1.0").summary,
                       "avx2, 1 thread, AMD EPYC 9B45")
    }

    func testSyntaxErrorsAreReported() {
        XCTAssertThrowsError(try RunRecord.decode(from: Data("{\"format\": 1,".utf8))) { error in
            XCTAssertTrue(error is JSONSyntaxError)
        }
    }
}

/// The optional `seed_statistics` object of a baseline written by `check --update --seeds K`.
final class SeedStatisticsRecordTests: XCTestCase {
    private func record() -> RunRecord {
        var record = RecordFixtures.fullRecord()
        record.seedStatistics = SeedStatistics(seeds: [7, 12_345_678_901_234_567_890, 3], samples: [
            SeedSample(cellID: "train", line: 12, valuePath: "lm/history/train", values: [0.9, 0.95, 0.875]),
            SeedSample(cellID: "train", line: 12, valuePath: "print-1", values: [0.125, .nan, 0.25]),
        ])
        return record
    }

    func testRoundTripsWithMeansDeviationsAndValues() throws {
        let text = record().encodedText()
        XCTAssertTrue(text.contains("\"seed_statistics\": {"), text)
        XCTAssertTrue(text.contains("\"mean\": 0.9083333333333333,"), text)
        XCTAssertTrue(text.contains("\"sd\": 0.038188130791298645,"), text)
        XCTAssertTrue(text.contains("\"values\": [\n          0.9,\n          0.95,\n          0.875\n        ]"), text)
        let decoded = try RunRecord.decode(from: Data(text.utf8))
        XCTAssertEqual(decoded, record())
        XCTAssertEqual(decoded.encodedText(), text)
        XCTAssertNil(try RunRecord.decode(from: RecordFixtures.fullRecord().encoded()).seedStatistics,
                     "an exact baseline has none")
    }

    func testMalformedStatisticsAreLocatedErrors() throws {
        let text = record().encodedText()
        func error(_ old: String, _ new: String) -> String {
            do {
                _ = try RunRecord.decode(from: Data(text.replacingOccurrences(of: old, with: new).utf8))
                return "no error"
            } catch { return "\(error)" }
        }
        XCTAssertTrue(error("\"mean\": 0.9083333333333333", "\"mean\": 0.5").contains("seed_statistics.values[0]"))
        XCTAssertTrue(error("\"mean\": 0.9083333333333333", "\"mean\": 0.5").contains("are not those of its values"))
        XCTAssertTrue(error("\"seeds\": [\n      7,", "\"seeds\": [").contains("2 values for 3 seeds")
                      || error("\"seeds\": [\n      7,", "\"seeds\": [").contains("3 values for 2 seeds"),
                      error("\"seeds\": [\n      7,", "\"seeds\": ["))
        XCTAssertTrue(error("\"value\": \"print-1\"", "\"value\": \"lm/history/train\"").contains("appears twice"))
    }
}
