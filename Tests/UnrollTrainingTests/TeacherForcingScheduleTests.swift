import UnrollTraining
import XCTest

final class TeacherForcingScheduleTests: XCTestCase {
    func testAConstantRatioIsTheSameEveryEpoch() {
        let schedule = TeacherForcingSchedule(start: 0.5)
        XCTAssertEqual((1...5).map { schedule.ratio(epoch: $0, of: 5) }, [0.5, 0.5, 0.5, 0.5, 0.5])
    }

    func testLinearDecayRunsFromStartToEnd() {
        let schedule = TeacherForcingSchedule(start: 1, end: 0.2, decay: .linear)
        let ratios = (1...5).map { schedule.ratio(epoch: $0, of: 5) }
        for (got, want) in zip(ratios, [1, 0.8, 0.6, 0.4, 0.2]) { XCTAssertEqual(got, want, accuracy: 1e-12) }
        XCTAssertEqual(schedule.ratio(epoch: 1, of: 1), 1, "a one-epoch fit uses the start ratio")
    }

    func testExponentialAndInverseSigmoidHitBothEndsAndFallMonotonically() {
        for decay in [TeacherForcingSchedule.Decay.exponential, .inverseSigmoid] {
            let schedule = TeacherForcingSchedule(start: 1, end: 0.25, decay: decay)
            let ratios = (1...8).map { schedule.ratio(epoch: $0, of: 8) }
            XCTAssertEqual(ratios.first!, 1, accuracy: 1e-12, "\(decay)")
            XCTAssertEqual(ratios.last!, 0.25, accuracy: 1e-12, "\(decay)")
            for (a, b) in zip(ratios, ratios.dropFirst()) { XCTAssertGreaterThan(a, b, "\(decay): \(ratios)") }
        }
        // The exponential curve falls fastest at first, the inverse sigmoid slowest at first.
        let exponential = TeacherForcingSchedule(start: 1, end: 0.25, decay: .exponential).ratio(epoch: 2, of: 8)
        let linear = TeacherForcingSchedule(start: 1, end: 0.25, decay: .linear).ratio(epoch: 2, of: 8)
        let sigmoid = TeacherForcingSchedule(start: 1, end: 0.25, decay: .inverseSigmoid).ratio(epoch: 2, of: 8)
        XCTAssertLessThan(exponential, linear)
        XCTAssertGreaterThan(sigmoid, linear)
    }

    func testExponentialDecayToZeroStaysInRange() {
        let schedule = TeacherForcingSchedule(start: 1, end: 0, decay: .exponential)
        let ratios = (1...4).map { schedule.ratio(epoch: $0, of: 4) }
        XCTAssertEqual(ratios.first, 1)
        XCTAssertEqual(ratios.last!, 0.001, accuracy: 1e-12)
        XCTAssertTrue(ratios.allSatisfy { (0...1).contains($0) })
    }
}
