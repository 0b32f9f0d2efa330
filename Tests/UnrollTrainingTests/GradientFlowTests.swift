import UnrollAutograd
import UnrollData
import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest

/// `GradientFlow`: the gradients of the last-step loss with respect to every hidden state, checked against
/// finite differences for every model kind, and their norms against the distance from the last step.
final class GradientFlowTests: XCTestCase {
    func testStateGradientsMatchFiniteDifferences() throws {
        for (kind, layers) in [(RecurrentCellKind.rnnTanh, 2), (.lstm, 2), (.gru, 1), (.rnnRelu, 1)] {
            for (name, objective) in try ProbeFixtures.objectives(kind, layers: layers) {
                let probe = objective.probe(batch: 0)
                let gradients = GradientFlow.stateGradients(probe)
                XCTAssertEqual(gradients.count, layers)
                XCTAssertTrue(probe.parameters.allSatisfy { $0.grad == nil }, "\(name): parameter gradients are cleared")
                var checked = 0, nonzero = 0
                for l in 0..<layers {
                    for (t, g) in gradients[l].enumerated() {
                        guard let analytic = g?.scalars else { XCTFail("\(kind) \(name) layer \(l) step \(t): no gradient"); continue }
                        for i in analytic.indices {
                            let epsilon: Float = 1e-2
                            let plus = ProbeFixtures.perturbedLastStepLoss(probe, layer: l, step: t, index: i, delta: epsilon)
                            let minus = ProbeFixtures.perturbedLastStepLoss(probe, layer: l, step: t, index: i, delta: -epsilon)
                            let numeric = (plus - minus) / (2 * epsilon)
                            let a = analytic[i]
                            XCTAssertLessThanOrEqual(abs(a - numeric), 2e-3 + 2e-2 * max(abs(a), abs(numeric)),
                                                     "\(kind) \(name) layer \(l) step \(t) element \(i)")
                            checked += 1
                            if abs(a) > 1e-2 { nonzero += 1 }
                        }
                    }
                }
                XCTAssertGreaterThan(checked, 20)
                XCTAssertGreaterThan(nonzero, checked / 4, "\(kind) \(name): most gradients are not near zero")
            }
        }
    }

    func testNormsAreTheBatchMeanOfEachRowsNormCountedFromItsOwnEnd() throws {
        let (_, objective) = try ProbeFixtures.objectives(.gru)[2]  // the classifier: lengths 5, 3, 4
        let probe = objective.probe(batch: 0)
        XCTAssertEqual(probe.lengths, [5, 3, 4])
        let gradients = GradientFlow.stateGradients(probe)
        let flow = GradientFlow.measure(probe)
        XCTAssertEqual(flow.count, 1)
        XCTAssertEqual(flow[0].count, 5)
        func rowNorm(_ step: Int, _ row: Int) -> Double {
            let g = gradients[0][step]!.scalars
            return (0..<3).reduce(0.0) { $0 + Double(g[row * 3 + $1]) * Double(g[row * 3 + $1]) }.squareRoot()
        }
        // Distance 0: every row at its own last step; distance 3: only the rows longer than 3.
        XCTAssertEqual(flow[0][0], (rowNorm(4, 0) + rowNorm(2, 1) + rowNorm(3, 2)) / 3, accuracy: 1e-12)
        XCTAssertEqual(flow[0][3], (rowNorm(1, 0) + rowNorm(0, 2)) / 2, accuracy: 1e-12)
        XCTAssertEqual(flow[0][4], rowNorm(0, 0), accuracy: 1e-12)
        // A padded row's states past its end get no gradient from the loss.
        let padded = gradients[0][4]!.scalars
        XCTAssertEqual(Array(padded[3..<6]), [0, 0, 0])
    }

    func testASmallSpectralRadiusMakesTheGradientVanishWithDistance() throws {
        var rng = RandomGenerator(seed: 3)
        let data = try SyntheticTasks.adding(count: 8, length: 30, rng: &rng)
        func flow(_ kind: RecurrentCellKind, _ radius: Double?) -> [Double] {
            let spec = RecurrentSpec(kind: kind, hidden: 8, spectralRadius: radius)
            let model = SequenceRegressor(inputs: 2, outputs: 1, rnn: spec, perStep: false, rng: &rng)
            let objective = RegressorObjective(model: model, dataset: data)
            _ = objective.begin(shuffle: false, batchSize: 8, rng: &rng)
            return GradientFlow.measure(objective.probe(batch: 0))[0]
        }
        let small = flow(.rnnTanh, 0.5)
        XCTAssertEqual(small.count, 30)
        for d in 1..<30 { XCTAssertLessThan(small[d], small[d - 1], "distance \(d)") }
        XCTAssertLessThan(small[20] / small[0], 1e-4)
        let large = flow(.rnnTanh, 1.5)
        XCTAssertGreaterThan(large[20] / large[0], 100 * small[20] / small[0])
    }
}
