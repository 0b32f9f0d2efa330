import UnrollAutograd
import UnrollTensor
import XCTest
@testable import UnrollNN

/// `SequenceRegressor.forecast`: the free run of a window regressor is a loop of one-step predictions, each on the
/// window that ends with the predictions made so far, bit for bit.
final class SequenceRegressorForecastTests: XCTestCase {
    /// The predictions of a loop written out here: the series grows by each prediction and every step reads the
    /// last `steps` rows of it, through the regressor's ordinary forward pass.
    private func handRolled(_ model: SequenceRegressor, window: [Float], count: Int) -> [Float] {
        let f = model.inputCount, steps = window.count / f
        var series = window
        var rng = RandomGenerator(seed: 99)
        for k in 0..<count {
            let rows = Array(series[(k * f)..<((k + steps) * f)])
            let x = Tensor(shape: [1, steps, f], scalars: rows)
            series += withoutGradients { model.predict(inputs: x, lengths: [steps], training: false, rng: &rng).value.scalars }
        }
        return Array(series[(steps * f)...])
    }

    func testTheFreeRunEqualsALoopOfOneStepPredictionsBitForBit() throws {
        var rng = RandomGenerator(seed: 21)
        let cases: [(RecurrentSpec, Int)] = [
            (RecurrentSpec(kind: .rnnTanh, hidden: 7), 1),
            (RecurrentSpec(kind: .lstm, hidden: 5, layers: 2), 1),
            (RecurrentSpec(kind: .gru, hidden: 6, bidirectional: true), 1),
            (RecurrentSpec(kind: .gru, hidden: 4), 2),
        ]
        for (spec, features) in cases {
            let model = SequenceRegressor(inputs: features, outputs: features, rnn: spec, perStep: false, rng: &rng)
            let window = (0..<(9 * features)).map { Float(sin(Double($0) * 0.7)) }
            let forecast = try model.forecast(window: window, count: 25)
            let expected = handRolled(model, window: window, count: 25)
            XCTAssertEqual(forecast.count, 25 * features, "\(spec)")
            XCTAssertEqual(forecast.map(\.bitPattern), expected.map(\.bitPattern), "\(spec), \(features) features")
            // The first prediction reads the given window alone, so it is the one-step prediction of that window.
            let x = Tensor(shape: [1, 9, features], scalars: window)
            let first = withoutGradients { model.predict(inputs: x, lengths: [9], training: false, rng: &rng).value.scalars }
            XCTAssertEqual(Array(forecast[..<features]), first)
            XCTAssertEqual(try model.forecast(window: window, count: 0), [])
        }
    }

    func testTheCheckpointIsCalledBeforeEveryPredictionAndCanStopTheRun() {
        var rng = RandomGenerator(seed: 5)
        let model = SequenceRegressor(inputs: 1, outputs: 1, rnn: RecurrentSpec(kind: .gru, hidden: 3), perStep: false, rng: &rng)
        struct Stop: Error {}
        var calls = 0
        XCTAssertThrowsError(try model.forecast(window: [0.1, 0.2, 0.3], count: 10) {
            calls += 1
            if calls == 4 { throw Stop() }
        })
        XCTAssertEqual(calls, 4)
    }
}
