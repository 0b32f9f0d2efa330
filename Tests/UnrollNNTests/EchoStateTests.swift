import Foundation
import UnrollNN
import UnrollTensor
import XCTest

/// The echo state network: ridge readout and eigenvalues against NumPy (`scripts/make_echo_state_references.py`),
/// the reservoir's scaling, determinism, and what a fitted readout can do.
final class EchoStateTests: XCTestCase {
    private func reference() throws -> [String: Any] {
        let data = try Data(contentsOf: Fixtures.url("echo_state_reference.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testRidgeReadoutAgreesWithNumPyLstsqOfTheAugmentedSystem() throws {
        let ridge = try XCTUnwrap(try reference()["ridge"] as? [String: Any])
        let rows = try XCTUnwrap(ridge["rows"] as? Int), f = try XCTUnwrap(ridge["features"] as? Int)
        let o = try XCTUnwrap(ridge["outputs"] as? Int), lambda = try XCTUnwrap(ridge["lambda"] as? Double)
        let x = try XCTUnwrap(ridge["x"] as? [Double]), y = try XCTUnwrap(ridge["y"] as? [Double])
        let expected = try XCTUnwrap(ridge["weights"] as? [Double])
        let weights = try RidgeRegression.solve(x: x, y: y, rows: rows, features: f, outputs: o, lambda: lambda)
        XCTAssertEqual(weights.count, expected.count)
        for (i, (a, b)) in zip(weights, expected).enumerated() {
            XCTAssertEqual(a, b, accuracy: 1e-5 * max(1, abs(b)), "weight \(i)")
        }
        // The two nearly collinear columns make the unregularised problem ill-conditioned: the ridge changes the answer.
        let plain = try RidgeRegression.solve(x: x, y: y, rows: rows, features: f, outputs: o, lambda: 0)
        XCTAssertGreaterThan(zip(plain, expected).map { abs($0 - $1) }.max()!, 1e-2)
    }

    func testSingularSystemWithoutRidgeIsAnError() {
        // Two equal columns and no ridge: no unique solution.
        let x: [Double] = [1, 2, 2, 1, 3, 3, 1, -1, -1, 1, 0.5, 0.5]
        XCTAssertThrowsError(try RidgeRegression.solve(x: x, y: [1, 2, 3, 4], rows: 4, features: 3, outputs: 1, lambda: 0)) {
            XCTAssertTrue(($0 as? EchoStateError)?.message.contains("give a positive 'ridge'") == true, "\($0)")
        }
        XCTAssertNoThrow(try RidgeRegression.solve(x: x, y: [1, 2, 3, 4], rows: 4, features: 3, outputs: 1, lambda: 1e-6))
    }

    func testSpectralRadiusAgreesWithNumPy() throws {
        let cases = try XCTUnwrap(try reference()["eigen"] as? [[String: Any]])
        XCTAssertEqual(cases.count, 2)
        for item in cases {
            let n = try XCTUnwrap(item["n"] as? Int), matrix = try XCTUnwrap(item["matrix"] as? [Double])
            let radius = try XCTUnwrap(item["radius"] as? Double)
            XCTAssertEqual(SpectralRadius.estimate(of: matrix, size: n), radius, accuracy: 1e-9 * radius, "n = \(n)")
        }
    }

    func testReservoirIsScaledToItsSpectralRadius() throws {
        var rng = RandomGenerator(seed: 5)
        let reservoir = try SparseReservoir(size: 60, density: 0.2, spectralRadius: 0.9, rng: &rng)
        XCTAssertEqual(SpectralRadius.estimate(of: reservoir.dense, size: 60), 0.9, accuracy: 1e-6)
        XCTAssertGreaterThan(reservoir.drawnRadius, 1)
        // Independently: the growth rate of ‖Wᵏv‖ (Gelfand's formula) over 400 steps.
        let w = reservoir.dense
        func apply(_ v: [Double]) -> [Double] {
            (0..<60).map { i in (0..<60).reduce(0.0) { $0 + w[i * 60 + $1] * v[$1] } }
        }
        var v = (0..<60).map { Double($0 % 7) - 3 }
        for _ in 0..<200 { v = apply(v); let s = v.map { abs($0) }.max()!; v = v.map { $0 / s } }
        let start = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        var logGrowth = 0.0
        for _ in 0..<400 {
            v = apply(v)
            let s = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            logGrowth += log(s)
            v = v.map { $0 / s }
        }
        XCTAssertEqual(exp((logGrowth + log(1 / start)) / 400), 0.9, accuracy: 0.02)
        // The connections drawn follow the density.
        XCTAssertEqual(Double(reservoir.connectionCount) / 3600, 0.2, accuracy: 0.03)
    }

    func testLongComputationsStopAtTheCheckpoint() {
        struct Stop: Error {}
        var calls = 0
        let stopAfterThree = { calls += 1; if calls > 3 { throw Stop() } }
        var rng = RandomGenerator(seed: 2)
        XCTAssertThrowsError(try SparseReservoir(size: 80, density: 0.2, spectralRadius: 0.9, rng: &rng, checkpoint: stopAfterThree)) {
            XCTAssertTrue($0 is Stop, "\($0)")
        }
        calls = 0
        let x = (0..<200).map { Double($0 % 13) / 13 }
        XCTAssertThrowsError(try RidgeRegression.solve(x: x, y: Array(x[0..<20]), rows: 20, features: 10, outputs: 1, lambda: 1e-3,
                                                       checkpoint: stopAfterThree)) { XCTAssertTrue($0 is Stop, "\($0)") }
    }

    func testAReservoirWithoutCyclesIsRefused() {
        var rng = RandomGenerator(seed: 1)
        XCTAssertThrowsError(try SparseReservoir(size: 3, density: 1e-6, spectralRadius: 0.9, rng: &rng)) {
            XCTAssertTrue(($0 as? EchoStateError)?.message.contains("raise 'density'") == true, "\($0)")
        }
    }

    private func spec(reservoir: Int = 40, leak: Double = 1) -> EchoStateSpec {
        EchoStateSpec(inputs: 1, outputs: 1, reservoir: reservoir, spectralRadius: 0.9, leak: leak, inputScale: 1,
                      density: 0.2)
    }

    /// Inputs from U(0, 0.5) and the target u(t − 2): a memory task a linear readout of a reservoir solves.
    private func delayTask(steps: Int, seed: UInt64) -> EchoStateNetwork.TrainingSequence {
        var rng = RandomGenerator(seed: seed)
        let u = (0..<steps).map { _ in rng.uniform(0, 0.5) }
        return (inputs: u, steps: steps, targets: (0..<steps).map { $0 >= 2 ? u[$0 - 2] : 0 })
    }

    func testSameSeedGivesTheSameNetworkAndPredictions() throws {
        func build(_ seed: UInt64) throws -> (EchoStateNetwork, [Float]) {
            var rng = RandomGenerator(seed: seed)
            let esn = try EchoStateNetwork(spec(leak: 0.7), rng: &rng)
            try esn.fit([delayTask(steps: 300, seed: 2)], perStep: true, ridge: 1e-6, washout: 20)
            let test = delayTask(steps: 100, seed: 3)
            return (esn, esn.predict(inputs: test.inputs, steps: test.steps))
        }
        let (a, pa) = try build(9), (b, pb) = try build(9), (c, pc) = try build(10)
        XCTAssertEqual(a.reservoir.values, b.reservoir.values)
        XCTAssertEqual(a.inputWeights, b.inputWeights)
        XCTAssertEqual(a.readout, b.readout)
        XCTAssertEqual(pa.map(\.bitPattern), pb.map(\.bitPattern))
        XCTAssertNotEqual(a.reservoir.values, c.reservoir.values)
        XCTAssertNotEqual(pa, pc)
    }

    func testFittedReadoutRemembersADelayedInput() throws {
        var rng = RandomGenerator(seed: 4)
        let esn = try EchoStateNetwork(spec(reservoir: 50), rng: &rng)
        try esn.fit([delayTask(steps: 600, seed: 5)], perStep: true, ridge: 1e-8, washout: 50)
        XCTAssertEqual(esn.washout, 50)
        let test = delayTask(steps: 300, seed: 6)
        let predictions = esn.predict(inputs: test.inputs, steps: test.steps)
        XCTAssertEqual(predictions.count, 300)
        var error = 0.0, variance = 0.0
        let kept = test.targets[50...]
        let mean = kept.reduce(0.0) { $0 + Double($1) } / Double(kept.count)
        for t in 50..<300 {
            error += pow(Double(predictions[t] - test.targets[t]), 2)
            variance += pow(Double(test.targets[t]) - mean, 2)
        }
        XCTAssertLessThan((error / variance).squareRoot(), 0.1)
    }

    func testFreeRunningForecastFollowsASineWave() throws {
        var rng = RandomGenerator(seed: 8)
        let esn = try EchoStateNetwork(spec(reservoir: 60), rng: &rng)
        let wave = (0..<461).map { Float(sin(Double($0) * 0.2)) }
        try esn.fit([(inputs: Array(wave[0..<400]), steps: 400, targets: Array(wave[1...400]))], perStep: true,
                    ridge: 1e-8, washout: 50)
        let forecast = try esn.forecast(warmup: Array(wave[0..<400]), warmupSteps: 400, steps: 60)
        XCTAssertEqual(forecast.count, 60)
        // forecast[k] predicts x(400 + k), fed back from step 1 on.
        let worst = (0..<60).map { abs(forecast[$0] - wave[400 + $0]) }.max()!
        XCTAssertLessThan(worst, 0.05)
    }

    func testManyToOneReadoutUsesTheFinalState() throws {
        var rng = RandomGenerator(seed: 3)
        let esn = try EchoStateNetwork(spec(), rng: &rng)
        var data: [EchoStateNetwork.TrainingSequence] = []
        var draw = RandomGenerator(seed: 4)
        for _ in 0..<200 {
            let u = (0..<6).map { _ in draw.uniform(0, 0.5) }
            data.append((inputs: u, steps: 6, targets: [u[5]]))
        }
        try esn.fit(data, perStep: false, ridge: 1e-8, washout: 0)
        XCTAssertFalse(esn.perStep)
        let out = esn.predict(inputs: [0.1, 0.2, 0.3, 0.4, 0.1, 0.45], steps: 6)
        XCTAssertEqual(out.count, 1)
        XCTAssertEqual(out[0], 0.45, accuracy: 0.02)
    }
}

/// The size an echo state network is refused by is worked out before anything is drawn.
final class EchoStateWeightCountTests: XCTestCase {
    func testCountCoversTheDenseReservoirInputWeightsAndReadout() throws {
        var rng = RandomGenerator(seed: 1)
        let esn = try EchoStateNetwork(EchoStateSpec(inputs: 2, outputs: 3, reservoir: 30, spectralRadius: 0.9, leak: 1,
                                                     inputScale: 1, density: 0.3), rng: &rng)
        XCTAssertEqual(WeightCount.echoState(reservoir: 30, inputs: 2, outputs: 3),
                       30 * 30 + esn.inputWeights.count + esn.readoutWeightCount)
        XCTAssertEqual(WeightCount.echoState(reservoir: 1_000_000, inputs: 1, outputs: 1), 1_000_000_000_000 + 2_000_000 + 1_000_002)
        XCTAssertNil(WeightCount.echoState(reservoir: Int.max / 2, inputs: 1, outputs: 1))
    }
}
