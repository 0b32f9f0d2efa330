import XCTest
@testable import UnrollInterpreter

/// A slice whose last end counts from the end (`xs[1...-1]`, all but the first) is resolved against the length
/// instead of being refused as the empty range `1...-1`; a range literal outside `[ ]` still is.
final class InterpreterSliceFromTheEndTests: XCTestCase {
    func testASliceCanRunFromAnIndexToAnEndCountedFromTheEnd() throws {
        let h = try NotebookHarness()
        XCTAssertEqual(try h.printed(#"""
            xs = [10, 20, 30, 40]
            steps = [[0.5], [0.25], [0.125]]
            n = 1
            print xs[1...-1], xs[0...-2], xs[n...-2], steps[1...-1] + [[1.0]], "床前明月光"[2...-1], len(task.sine(count: 6, length: 4)[2...-1])
            """#), ["[20, 30, 40] [10, 20, 30] [20, 30] [[0.25], [0.125], [1]] 明月光 4"])
        XCTAssertEqual(h.failure("xs = [1, 2]\ny = xs[2...-1]"),
                       "2:8: the slice 2...-1 is out of range for 2 items; a slice takes items 0...1 (or counted from the end, -2...-1)")
        XCTAssertEqual(h.failure("xs = [1, 2]\ny = xs[1...0]"), "2:8: the range 1...0 is empty; write the smaller end first")
        XCTAssertEqual(h.failure("r = 1...-1"), "1:5: the range 1...-1 is empty; write the smaller end first")
    }
}
