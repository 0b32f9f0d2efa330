import XCTest
import UnrollData
import UnrollTensor

final class SineTaskTests: XCTestCase {
    func testTargetsAreTheNextNoiseFreeValues() throws {
        var rng = RandomGenerator(seed: 6)
        let data = try SyntheticTasks.sine(count: 20, length: 30, rng: &rng)
        XCTAssertTrue(data.perStep)
        XCTAssertEqual(data.featureCount, 1)
        XCTAssertEqual(data.outputCount, 1)
        for example in data.examples {
            XCTAssertEqual(example.steps, 30)
            XCTAssertEqual(example.targets.count, 30)
            // Without noise the target at t is the input at t + 1.
            for t in 0..<29 { XCTAssertEqual(example.targets[t], example.inputs[t + 1], accuracy: 1e-6) }
            XCTAssertTrue(example.inputs.allSatisfy { abs($0) <= 1 })
        }
    }

    func testNoiseChangesInputsButNotTargets() throws {
        var clean = RandomGenerator(seed: 6), noisy = RandomGenerator(seed: 6)
        let a = try SyntheticTasks.sine(count: 1, length: 50, noise: 0, rng: &clean)
        let b = try SyntheticTasks.sine(count: 1, length: 50, noise: 0.1, rng: &noisy)
        XCTAssertEqual(a.examples[0].targets, b.examples[0].targets)
        let diffs = zip(a.examples[0].inputs, b.examples[0].inputs).map { abs($0 - $1) }
        XCTAssertGreaterThan(diffs.max()!, 0.05)
        XCTAssertLessThan(diffs.reduce(0, +) / 50, 0.2)
    }

    func testFrequencyRangeAndGoldenValues() throws {
        var rng = RandomGenerator(seed: 2024)
        let data = try SyntheticTasks.sine(count: 1, length: 3...3, rng: &rng)
        let golden: [Float] = [0.43742612, 0.8295893, 0.99777055]
        XCTAssertEqual(data.examples[0].inputs.count, 3)
        for (value, expected) in zip(data.examples[0].inputs, golden) { XCTAssertEqual(value, expected, accuracy: 1e-5) }
        XCTAssertEqual(SyntheticTasks.sineFrequencies, 0.025...0.1)
    }

    func testBadArguments() {
        var rng = RandomGenerator(seed: 1)
        XCTAssertThrowsError(try SyntheticTasks.sine(count: 2, length: 5, noise: -1, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "sine: noise must be zero or positive, got -1.0")
        }
        XCTAssertThrowsError(try SyntheticTasks.sine(count: 2, length: 0, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "sine: length must be at least 1, got 0")
        }
    }
}
