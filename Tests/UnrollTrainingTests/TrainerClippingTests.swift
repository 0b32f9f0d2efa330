import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest

/// `TrainingOptions.clipNorm` and `clipValue` reach the gradients the optimizer steps with: each test looks at the
/// gradients `Trainer.fit` hands to the optimizer, so a trainer that ignored an option fails.
final class TrainerClippingTests: XCTestCase {
    /// The global L2 norm of one step's gradients, summed here in `Double` (not with `GradientClipping`).
    private func norm(_ gradients: [[Float]]) -> Double {
        gradients.joined().reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    }

    /// The largest difference between an element of `gradients` and the same element of `reference` times `factor`.
    private func largestError(_ gradients: [[Float]], _ reference: [[Float]], scaledBy factor: Double) -> Double {
        XCTAssertEqual(gradients.map(\.count), reference.map(\.count))
        return zip(gradients.joined(), reference.joined()).map { abs(Double($0) - Double($1) * factor) }.max() ?? 0
    }

    /// Trains a fresh regressor (the same weights and data every call) for one epoch of four batches with
    /// `options`, and returns the gradients of each step as the optimizer saw them, per parameter.
    private func gradientsSeen(clipNorm: Float? = nil, clipValue: Float? = nil) throws -> [[[Float]]] {
        try trained(clipNorm: clipNorm, clipValue: clipValue).steps
    }

    /// Like `gradientsSeen`, with the history `Trainer.fit` returned.
    private func trained(clipNorm: Float? = nil, clipValue: Float? = nil) throws -> (steps: [[[Float]]], history: History) {
        var rng = RandomGenerator(seed: 31)
        let data = try SyntheticTasks.adding(count: 64, length: 6, rng: &rng)
        let model = SequenceRegressor(inputs: 2, outputs: 1, rnn: RecurrentSpec(kind: .lstm, hidden: 8), perStep: false,
                                      rng: &rng)
        var options = TrainingOptions()
        options.batchSize = 16
        options.shuffle = false
        options.clipNorm = clipNorm
        options.clipValue = clipValue
        let optimizer = RecordingOptimizer(try SGD(parameters: model.parameters, learningRate: 0.5))
        let history = try Trainer.fit(RegressorObjective(model: model, dataset: data), options: options,
                                      optimizer: optimizer, rng: &rng)
        XCTAssertEqual(optimizer.steps.count, 4)
        return (optimizer.steps, history)
    }

    func testHistoryRecordsTheMeanAndLargestNormBeforeClipping() throws {
        let free = try trained()
        let norms = free.steps.map(norm)
        XCTAssertEqual(free.history.gradients.count, 1)
        let stats = free.history.gradients[0]
        XCTAssertEqual(stats.meanNorm, norms.reduce(0, +) / 4, accuracy: 1e-5 * norms.max()!)
        XCTAssertEqual(stats.maxNorm, norms.max()!, accuracy: 1e-5 * norms.max()!)
        XCTAssertLessThan(stats.maxNorm - stats.meanNorm, stats.maxNorm, "the norms of the four steps differ")
        XCTAssertEqual(stats.clippedFraction, 0, "nothing clips without clip options")

        // Clipping changes what the optimizer sees, not the norms recorded: they are measured before it, on the
        // same first gradient (later steps differ, since the weights moved differently).
        let limit = Float(norms.sorted()[1])
        let clipped = try trained(clipNorm: limit)
        XCTAssertEqual(clipped.steps.map(norm).max()!, Double(limit), accuracy: 1e-5 * Double(limit))
        let seen = clipped.history.gradients[0]
        XCTAssertGreaterThan(seen.maxNorm, Double(limit) * 1.01, "the recorded norm is the one before clipping")
    }

    func testClippedFractionCountsTheBatchesClippingChanged() throws {
        let norms = try gradientsSeen().map(norm)
        let nothing = try trained(clipNorm: Float(norms.max()! * 10)).history.gradients[0]
        XCTAssertEqual(nothing.clippedFraction, 0)
        let all = try trained(clipNorm: Float(norms.min()! / 10)).history.gradients[0]
        XCTAssertEqual(all.clippedFraction, 1)
        // Element clamping counts too: a limit below every gradient's largest element clips each batch.
        let tiny = try trained(clipValue: 1e-9).history.gradients[0]
        XCTAssertEqual(tiny.clippedFraction, 1)
        let huge = try trained(clipValue: 1e9).history.gradients[0]
        XCTAssertEqual(huge.clippedFraction, 0)
    }

    func testGradientStatisticsOfAnEpochWithoutBatchesAreNaN() {
        let empty = GradientStatistics(norms: [], clipped: 0)
        XCTAssertTrue(empty.meanNorm.isNaN && empty.maxNorm.isNaN && empty.clippedFraction.isNaN)
        let some = GradientStatistics(norms: [1, 3, .infinity], clipped: 2)
        XCTAssertEqual(some.maxNorm, .infinity)
        XCTAssertEqual(some.meanNorm, .infinity)
        XCTAssertEqual(some.clippedFraction, 2.0 / 3.0)
        XCTAssertTrue(GradientStatistics(norms: [1, .nan, 2], clipped: 0).maxNorm.isNaN)
    }

    func testClipScalesTheGradientsToTheGlobalNormLimit() throws {
        let limit: Float = 0.01
        let free = try gradientsSeen()
        let unclipped = norm(free[0])
        XCTAssertGreaterThan(unclipped, 10 * Double(limit), "the first step's gradient must be far above the limit")

        let clipped = try gradientsSeen(clipNorm: limit)
        // The first step's gradients are the unclipped ones scaled to the limit: same direction, norm = limit.
        XCTAssertEqual(norm(clipped[0]), Double(limit), accuracy: 1e-5 * Double(limit))
        XCTAssertLessThan(largestError(clipped[0], free[0], scaledBy: Double(limit) / unclipped), 1e-5 * Double(limit))
        for (step, gradients) in clipped.enumerated() {
            XCTAssertLessThanOrEqual(norm(gradients), Double(limit) * (1 + 1e-5), "step \(step + 1)")
        }
    }

    func testClipValueBoundsEveryGradientElement() throws {
        let free = try gradientsSeen()
        // A limit between the gradients' magnitudes, so that some elements are clamped and others are not.
        let magnitudes = free[0].joined().map(abs).sorted()
        let limit = magnitudes[magnitudes.count / 2]
        XCTAssertGreaterThan(magnitudes.last!, 2 * limit, "some elements must be well above the limit")

        let clipped = try gradientsSeen(clipValue: limit)
        // The first step's gradients are the unclipped ones clamped into [-limit, limit], element by element.
        for (p, (a, b)) in zip(free[0], clipped[0]).enumerated() {
            XCTAssertEqual(b, a.map { min(max($0, -limit), limit) }, "parameter \(p)")
        }
        for (step, gradients) in clipped.enumerated() {
            XCTAssertEqual(gradients.joined().filter { abs($0) > limit }, [], "step \(step + 1): elements outside ±\(limit)")
            XCTAssertTrue(gradients.joined().contains { abs($0) == limit }, "step \(step + 1) clamps nothing")
        }
    }

    func testBothOptionsClampElementsFirstThenScaleTheNorm() throws {
        let free = try gradientsSeen()
        let magnitudes = free[0].joined().map(abs).sorted()
        let value = magnitudes[magnitudes.count / 2]
        let clamped = free[0].map { $0.map { min(max($0, -value), value) } }
        let limit = Float(norm(clamped) / 4)

        let both = try gradientsSeen(clipNorm: limit, clipValue: value)
        XCTAssertEqual(norm(both[0]), Double(limit), accuracy: 1e-5 * Double(limit))
        XCTAssertLessThan(largestError(both[0], clamped, scaledBy: Double(limit) / norm(clamped)), 1e-5 * Double(limit))
    }

    func testClippingChangesTheTrainedWeights() throws {
        func train(_ configure: (inout TrainingOptions) -> Void) throws -> [[Float]] {
            var rng = RandomGenerator(seed: 32)
            let data = try SyntheticTasks.adding(count: 32, length: 5, rng: &rng)
            let model = SequenceRegressor(inputs: 2, outputs: 1, rnn: RecurrentSpec(kind: .gru, hidden: 6), perStep: false,
                                          rng: &rng)
            var options = TrainingOptions()
            options.batchSize = 8
            configure(&options)
            _ = try Trainer.fit(RegressorObjective(model: model, dataset: data), options: options,
                                optimizer: try SGD(parameters: model.parameters, learningRate: 0.5), rng: &rng)
            return model.parameters.map(\.value.scalars)
        }
        let free = try train { _ in }
        XCTAssertTrue(try train { _ in } == free, "training is repeatable")
        XCTAssertTrue(try train { $0.clipNorm = 0.01 } != free, "clip norm 0.01 changes nothing")
        XCTAssertTrue(try train { $0.clipValue = 0.001 } != free, "clip value 0.001 changes nothing")
    }
}

/// An optimizer that records every parameter's gradient at each `step()` and then lets SGD take the step.
private final class RecordingOptimizer: Optimizer {
    private let inner: SGD
    /// The gradients of each step, per parameter (empty for a parameter without one).
    private(set) var steps: [[[Float]]] = []

    init(_ inner: SGD) { self.inner = inner }

    var parameters: [Variable] { inner.parameters }

    var learningRate: Float {
        get { inner.learningRate }
        set { inner.learningRate = newValue }
    }

    func step() {
        steps.append(parameters.map { $0.grad?.scalars ?? [] })
        inner.step()
    }
}
