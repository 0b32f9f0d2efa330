import Foundation
import UnrollTestSupport
import XCTest

/// The notebooks among the fuzz regression inputs (`Fuzz/Regressions/FuzzNotebook`, replayed by `scripts/fuzz`
/// under libFuzzer) end to end on the built binary: each is refused by `unroll lint` with a located error and
/// exit 65, never a crash, so an input committed as a regression keeps testing the case it was added for.
final class FuzzRegressionTests: XCTestCase {
    func testEveryNotebookRegressionInputIsALocatedErrorForLint() throws {
        let folder = repositoryRoot + "/Fuzz/Regressions/FuzzNotebook"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertGreaterThan(names.count, 5, "the regression inputs are missing from \(folder)")
        let root = try makeWorkspace(self)
        for name in names {
            try FileManager.default.copyItem(atPath: folder + "/" + name,
                                             toPath: root.appendingPathComponent("notebooks/" + name).path)
        }
        let result = try UnrollProcess.run(["lint"] + names.map { "notebooks/" + $0 }, in: root)
        XCTAssertEqual(result.status, 65, result.stderr)
        for name in names {
            let pattern = "^notebooks/" + NSRegularExpression.escapedPattern(for: name) + ":[0-9]+:[0-9]+: error: "
            let located = result.stderr.split(separator: "\n").contains { $0.range(of: pattern, options: .regularExpression) != nil }
            XCTAssertTrue(located, "\(name) has no located error: \(result.stderr.prefix(2_000))")
        }
    }
}
