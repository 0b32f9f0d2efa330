import UnrollTraining
import XCTest

/// Each schedule's rate per epoch, written down by hand from PyTorch's definitions.
final class LearningRateScheduleTests: XCTestCase {
    private func rates(_ kind: LearningRateSchedule.Kind, epochs: Int, base: Double, observing values: [Double] = []) -> [Double] {
        var schedule = LearningRateSchedule(kind)
        return (1...epochs).map { epoch in
            let rate = schedule.rate(epoch: epoch, of: epochs, base: base)
            if epoch <= values.count { schedule.observe(values[epoch - 1]) }
            return rate
        }
    }

    func testStepHalvesEveryTwoEpochs() {
        XCTAssertEqual(rates(.step(every: 2, factor: 0.5), epochs: 6, base: 0.1), [0.1, 0.1, 0.05, 0.05, 0.025, 0.025])
        XCTAssertEqual(rates(.step(every: 5, factor: 0.1), epochs: 6, base: 1), [1, 1, 1, 1, 1, 0.1])
    }

    func testCosineOverTheFitsEpochs() {
        let r = rates(.cosine(minimum: 0, period: nil), epochs: 5, base: 1)
        let expected = [1, 0.904508497187, 0.654508497187, 0.345491502813, 0.095491502813]
        for (a, b) in zip(r, expected) { XCTAssertEqual(a, b, accuracy: 1e-12) }
    }

    func testCosineWithAPeriodStaysAtTheMinimumAfterIt() {
        let r = rates(.cosine(minimum: 0.1, period: 4), epochs: 6, base: 1.1)
        let expected = [1.1, 0.953553390593, 0.6, 0.246446609407, 0.1, 0.1]
        for (a, b) in zip(r, expected) { XCTAssertEqual(a, b, accuracy: 1e-12) }
    }

    func testPlateauCutsAfterMoreThanPatienceEpochsWithoutImprovement() {
        // Watched: 1.0 0.9 | 0.95 0.95 (2 bad > patience 1: cut) | 0.8 | 0.85 0.86 (cut) | …
        let r = rates(.plateau(patience: 1, factor: 0.5, minimum: 0), epochs: 8, base: 1,
                      observing: [1.0, 0.9, 0.95, 0.95, 0.8, 0.85, 0.86, 0.7])
        XCTAssertEqual(r, [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25])
    }

    func testPlateauNeedsARelativeImprovementAndStopsAtTheMinimum() {
        // 0.99995 is not better than 1 by a relative 1e-4; min_lr 0.3 holds the rate.
        let r = rates(.plateau(patience: 0, factor: 0.5, minimum: 0.3), epochs: 4, base: 1,
                      observing: [1.0, 0.99995, 0.99995, 0.99995])
        XCTAssertEqual(r, [1, 1, 0.5, 0.3])
    }

    func testPlateauOnAMaximisedMetric() {
        var schedule = LearningRateSchedule(.plateau(patience: 0, factor: 0.1, minimum: 0))
        XCTAssertEqual(schedule.rate(epoch: 1, of: 3, base: 1), 1)
        schedule.observe(0.5, maximizes: true)
        XCTAssertEqual(schedule.rate(epoch: 2, of: 3, base: 1), 1)
        schedule.observe(0.6, maximizes: true)
        XCTAssertEqual(schedule.rate(epoch: 3, of: 3, base: 1), 1)
        schedule.observe(0.55, maximizes: true)
        XCTAssertEqual(schedule.rate(epoch: 4, of: 4, base: 1), 0.1, accuracy: 1e-15)
    }
}
