import Foundation
import XCTest
@testable import UnrollLanguage

/// Parses and checks every `Fixtures/*.rnn` notebook and compares the diagnostics with its
/// `# expect error:` / `# expect warning:` comments, exactly.
final class FixtureTests: XCTestCase {
    private func fixtures() throws -> [Fixture] {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".rnn") }.sorted()
        return try files.map { file in
            Fixture(name: file, text: try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
        }
    }

    func testEveryFixtureGivesExactlyTheExpectedDiagnostics() throws {
        let all = try fixtures()
        XCTAssertGreaterThanOrEqual(all.count, 10)
        for fixture in all {
            XCTAssertEqual(fixture.problems, [], fixture.name)
            let expected = Fixture.sorted(fixture.expected)
            let actual = Fixture.sorted(fixture.actual())
            let missing = expected.filter { !actual.contains($0) }
            let unexpected = actual.filter { !expected.contains($0) }
            XCTAssert(missing.isEmpty && unexpected.isEmpty && expected.count == actual.count, """
                \(fixture.name):
                missing:
                \(missing.map { "  # expect \($0)" }.joined(separator: "\n"))
                unexpected:
                \(unexpected.map { "  # expect \(Self.fixtureForm($0))" }.joined(separator: "\n"))
                """)
        }
    }

    func testTheValidFixtureHasNoDiagnosticsAndSeveralCells() throws {
        let valid = try XCTUnwrap(try fixtures().first { $0.name == "valid.rnn" })
        XCTAssertEqual(valid.expected, [])
        XCTAssertEqual(valid.actual(), [])
        XCTAssertEqual(valid.cells.count, 3)
        XCTAssertEqual(valid.params["hidden"], .int(64))
    }

    func testFixturesCoverSeveralErrorsEach() throws {
        for fixture in try fixtures() where fixture.name != "valid.rnn" {
            XCTAssertGreaterThanOrEqual(fixture.expected.count, 3, fixture.name)
        }
    }

    /// `3:5: error: message` as the fixture comment writes it: `error: 3:5: message`.
    private static func fixtureForm(_ s: String) -> String {
        let parts = s.split(separator: ":", maxSplits: 3).map(String.init)
        guard parts.count == 4 else { return s }
        return "\(parts[2].trimmingCharacters(in: .whitespaces)): \(parts[0]):\(parts[1]):\(parts[3])"
    }
}
