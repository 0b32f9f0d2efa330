import Foundation
import UnrollDiagnostics
import XCTest

/// Checks that a test's list of rendered messages covers a message enum, by reading the enum's cases from
/// its source file, so that a new case without an expected rendering fails a test.
public enum MessageCoverage {
    /// Asserts that `ids` name every case of the enum `name` declared in `source` (a path from the repository
    /// root), each once, and no other.
    public static func assertCovers(_ ids: [MessageID], enum name: String, in source: String,
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try String(contentsOfFile: repositoryRoot + "/" + source, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.contains("enum \(name):") }) else {
            return XCTFail("no enum \(name) in \(source)", file: file, line: line)
        }
        let end = lines[start...].firstIndex { $0 == "}" } ?? lines.endIndex
        let declared = lines[start..<end].compactMap { line -> String? in
            guard line.hasPrefix("    case ") else { return nil }
            return String(line.dropFirst(9).prefix { $0.isLetter || $0.isNumber })
        }
        XCTAssertFalse(declared.isEmpty, name, file: file, line: line)
        XCTAssertEqual(Set(ids.map(\.id)), Set(declared), "\(name): every case rendered once", file: file, line: line)
        XCTAssertEqual(ids.count, declared.count, "\(name): no case listed twice", file: file, line: line)
    }
}
