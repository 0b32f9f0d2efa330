import Foundation
import UnrollLanguage
import UnrollRecord
import XCTest
@testable import UnrollInterpreter

/// Runs every `Fixtures/*.rnn` notebook (cells separated by `# cell`, params from `# params: a=1, b="x"`) and
/// compares what it prints, and the runtime errors of failing cells, with its `# expect: TEXT` and
/// `# expect error: LINE:COL: MESSAGE` comments, in order. Each fixture must also pass the checker and give
/// the same outputs when run twice.
final class FixtureTests: XCTestCase {
    private struct Fixture {
        var name: String
        var cells: [CellSource] = []
        var params: [String: ConstantValue] = [:]
        var expected: [String] = []

        init(name: String, text: String) {
            self.name = name
            var current: [String] = []
            var start = 1
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed == "# cell" {
                    cells.append(CellSource(source: current.joined(separator: "\n"), firstLine: start))
                    (current, start) = ([], i + 2)
                    continue
                }
                current.append(line)
                if trimmed.hasPrefix("# params:") {
                    for pair in trimmed.dropFirst("# params:".count).split(separator: ",") {
                        let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                        params[parts[0]] = Fixture.constant(parts[1])
                    }
                } else if trimmed.hasPrefix("# expect error: ") {
                    expected.append("error: " + trimmed.dropFirst("# expect error: ".count))
                } else if trimmed.hasPrefix("# expect: ") {
                    expected.append(String(trimmed.dropFirst("# expect: ".count)))
                }
            }
            cells.append(CellSource(source: current.joined(separator: "\n"), firstLine: start))
        }

        static func constant(_ text: String) -> ConstantValue {
            if text.hasPrefix("\"") { return .string(String(text.dropFirst().dropLast())) }
            if let i = Int(text) { return .int(i) }
            if let x = Double(text) { return .float(x) }
            return .bool(text == "true")
        }
    }

    private func fixtures() throws -> (folder: String, fixtures: [Fixture]) {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".rnn") }.sorted()
        return (folder, try files.map { Fixture(name: $0, text: try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) })
    }

    /// The printed texts and runtime errors of running every cell, and all outputs by cell.
    private func run(_ fixture: Fixture, in folder: String) -> (lines: [String], outputs: [[CellOutput]]) {
        let analysis = Analysis(cells: fixture.cells, file: fixture.name, params: fixture.params,
                                    builtins: BuiltinLibrary.standard.catalog)
        let interpreter = Interpreter(settings: InterpreterSettings(notebookDirectory: folder, params: fixture.params))
        var lines: [String] = [], outputs: [[CellOutput]] = []
        for (i, program) in analysis.programs.enumerated() {
            do {
                let cell = try interpreter.run(program, cellID: "cell-\(i + 1)")
                outputs.append(cell)
                lines += cell.compactMap { if case .text(let t) = $0.content, $0.name.hasPrefix("print-") { return t }; return nil }
            } catch let error as RuntimeError {
                outputs.append(error.outputs)
                lines += error.outputs.compactMap { if case .text(let t) = $0.content, $0.name.hasPrefix("print-") { return t }; return nil }
                let d = error.diagnostic
                lines.append("error: \(d.location.line):\(d.location.column): \(d.message)")
            } catch {
                lines.append("unexpected: \(error)")
            }
        }
        return (lines, outputs)
    }

    func testFixturesPrintWhatTheyExpect() throws {
        let (folder, all) = try fixtures()
        XCTAssertGreaterThanOrEqual(all.count, 3)
        for fixture in all {
            let analysis = Analysis(cells: fixture.cells, file: fixture.name, params: fixture.params,
                                    builtins: BuiltinLibrary.standard.catalog)
            XCTAssertEqual(analysis.diagnostics.filter { $0.severity == .error }.map(\.description), [], fixture.name)
            XCTAssertEqual(run(fixture, in: folder).lines, fixture.expected, fixture.name)
        }
    }

    func testFixturesAreDeterministic() throws {
        let (folder, all) = try fixtures()
        for fixture in all {
            XCTAssertEqual(run(fixture, in: folder).outputs, run(fixture, in: folder).outputs, fixture.name)
        }
    }
}
