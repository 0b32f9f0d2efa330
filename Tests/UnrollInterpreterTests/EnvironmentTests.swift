import XCTest
@testable import UnrollInterpreter

final class EnvironmentTests: XCTestCase {
    func testAssignUpdatesWhereDefinedOrDefinesInnermost() {
        var env = Environment()
        env.assign("a", .int(1))
        env.push()
        env.assign("a", .int(2))
        env.assign("b", .int(3))
        env.defineLocal("c", .int(4))
        XCTAssertEqual(env.visibleNames, ["a", "b", "c"])
        env.pop()
        XCTAssertEqual(env.lookup("a")?.literal, "2")
        XCTAssertNil(env.lookup("b"))
        XCTAssertNil(env.lookup("c"))
    }

    func testALocalHidesAnOuterNameUntilItsBodyEnds() {
        var env = Environment()
        env.assign("x", .string("outer"))
        env.push()
        env.defineLocal("x", .string("loop"))
        env.assign("x", .string("changed"))
        XCTAssertEqual(env.lookup("x")?.text, "changed")
        env.pop()
        XCTAssertEqual(env.lookup("x")?.text, "outer")
    }
}

final class OutputNamesTests: XCTestCase {
    func testNamesAreNumberedPerKind() {
        var names = OutputNames()
        XCTAssertEqual(["print", "plot", "print", "fit", "print"].map { names.next($0) },
                       ["print-1", "plot-1", "print-2", "fit-1", "print-3"])
    }
}
