import XCTest
import UnrollData

final class LanguageModelStreamTests: XCTestCase {
    func testRowsAndWindowsLayout() throws {
        // 23 ids, 3 rows: S = 22 / 3 = 7 steps per row; bptt 3 gives windows of 3, 3, 1 steps.
        let ids = Array(100..<123)
        let stream = try LanguageModelStream(ids: ids, rows: 3, bptt: 3)
        XCTAssertEqual(stream.rowLength, 7)
        XCTAssertEqual(stream.windowCount, 3)
        XCTAssertEqual(stream.tokenCount, 21)
        let w0 = stream.window(0)
        XCTAssertEqual(w0.steps, 3)
        XCTAssertEqual(w0.batch, 3)
        XCTAssertEqual(w0.inputs, [100, 101, 102, 107, 108, 109, 114, 115, 116])
        XCTAssertEqual(w0.targets, [101, 102, 103, 108, 109, 110, 115, 116, 117])
        let last = stream.window(2)
        XCTAssertEqual(last.steps, 1)
        XCTAssertEqual(last.inputs, [106, 113, 120])
        XCTAssertEqual(last.targets, [107, 114, 121])
        XCTAssertEqual(stream.windows.map(\.index), [0, 1, 2])
    }

    /// Issue 9, item 3: a window longer than the rows is one window, with no overflow on the way.
    func testHugeBpttAndBatchDoNotOverflow() throws {
        let stream = try LanguageModelStream(ids: Array(0..<23), rows: 3, bptt: Int.max)
        XCTAssertEqual(stream.windowCount, 1)
        XCTAssertEqual(stream.window(0).steps, 7)
        XCTAssertThrowsError(try LanguageModelStream(ids: Array(0..<23), rows: Int.max, bptt: 3)) {
            XCTAssertEqual(($0 as? DataError)?.message, "a stream of 23 tokens is too short for 9223372036854775807 rows "
                + "(need more than 9223372036854775807); use a smaller batch or more text")
        }
    }

    func testEachRowContinuesAcrossWindows() throws {
        let ids = (0..<1000).map { ($0 * 7919) % 1009 }
        let stream = try LanguageModelStream(ids: ids, rows: 4, bptt: 32)
        let windows = stream.windows
        XCTAssertEqual(windows.map(\.steps).reduce(0, +), stream.rowLength)
        for r in 0..<4 {
            var rowInputs: [Int] = [], rowTargets: [Int] = []
            for w in windows {
                rowInputs += w.inputs[(r * w.steps)..<((r + 1) * w.steps)]
                rowTargets += w.targets[(r * w.steps)..<((r + 1) * w.steps)]
            }
            let start = r * stream.rowLength
            XCTAssertEqual(rowInputs, Array(ids[start..<(start + stream.rowLength)]))
            XCTAssertEqual(rowTargets, Array(ids[(start + 1)...(start + stream.rowLength)]))
        }
        // Every window's targets are its inputs shifted by one within a row.
        for w in windows {
            for r in 0..<4 {
                for t in 1..<w.steps { XCTAssertEqual(w.inputs[r * w.steps + t], w.targets[r * w.steps + t - 1]) }
            }
        }
    }

    func testErrors() {
        XCTAssertThrowsError(try LanguageModelStream(ids: [1, 2, 3], rows: 4, bptt: 8)) {
            XCTAssertEqual(($0 as? DataError)?.message,
                           "a stream of 3 tokens is too short for 4 rows (need at least 5); use a smaller batch or more text")
        }
        XCTAssertThrowsError(try LanguageModelStream(ids: [1, 2, 3], rows: 0, bptt: 8)) {
            XCTAssertEqual(($0 as? DataError)?.message, "batch must be at least 1, got 0")
        }
        XCTAssertThrowsError(try LanguageModelStream(ids: [1, 2, 3], rows: 1, bptt: 0)) {
            XCTAssertEqual(($0 as? DataError)?.message, "bptt must be at least 1, got 0")
        }
        XCTAssertThrowsError(try LanguageModelStream(ids: [1], rows: 1, bptt: 2))
        XCTAssertNoThrow(try LanguageModelStream(ids: [1, 2], rows: 1, bptt: 2))
    }
}
