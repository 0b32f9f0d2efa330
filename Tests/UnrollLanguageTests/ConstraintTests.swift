import XCTest
@testable import UnrollLanguage

final class ConstraintTests: XCTestCase {
    func testDescriptions() {
        XCTAssertEqual(Constraint.positive.description, "positive")
        XCTAssertEqual(Constraint.probability.description, "in [0, 1)")
        XCTAssertEqual(Constraint.fraction.description, "in (0, 1)")
        XCTAssertEqual(Constraint.interval(lower: 0.5, lowerIncluded: true, upper: 2, upperIncluded: true).description, "in [0.5, 2]")
        XCTAssertEqual(Constraint.oneOf(["char", "word"]).description, "one of \"char\", \"word\"")
    }

    func testViolations() {
        XCTAssertNil(Constraint.positive.violation(by: .int(1)))
        XCTAssertEqual(Constraint.positive.violation(by: .int(0)), "must be positive, got 0")
        XCTAssertNil(Constraint.nonNegative.violation(by: .float(0)))
        XCTAssertNil(Constraint.probability.violation(by: .float(0)))
        XCTAssertEqual(Constraint.probability.violation(by: .float(1)), "must be in [0, 1), got 1.0")
        XCTAssertEqual(Constraint.fraction.violation(by: .int(0)), "must be in (0, 1), got 0")
        XCTAssertNil(Constraint.fraction.violation(by: .float(0.999)))
        XCTAssertEqual(Constraint.positive.violation(by: .range(0, 4)), "must be positive, got 0...4")
        XCTAssertNil(Constraint.positive.violation(by: .range(1, 4)))
        XCTAssertEqual(Constraint.oneOf(["char", "word"]).violation(by: .string("wrd")),
                       "must be one of \"char\", \"word\", got \"wrd\"; did you mean \"word\"?")
        XCTAssertNil(Constraint.oneOf(["a"]).violation(by: .int(3)), "not a string: the type check reports it")
        XCTAssertNil(Constraint.positive.violation(by: .string("x")))
    }
}
