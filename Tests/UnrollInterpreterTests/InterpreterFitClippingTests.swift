import UnrollData
import UnrollNN
import UnrollTensor
import UnrollTraining
import XCTest
@testable import UnrollInterpreter

/// The `clip` and `clip_value` options of `fit` reach the trainer: a notebook's fit with one of them ends with the
/// weights `Trainer.fit` gives when called directly with that option, which differ from those without it.
final class InterpreterFitClippingTests: XCTestCase {
    private let setup = """
    sums = task.adding(count: 24, length: 6)
    reg = Regressor(inputs: sums.inputs, rnn: GRU(hidden: 5))
    """

    /// What a fit starts from: the model's weights and shape, the data, and the notebook's random generator.
    private struct Start {
        var weights: [Tensor]
        var inputs: Int
        var outputs: Int
        var perStep: Bool
        var spec: RecurrentSpec
        var data: RegressionDataset
        var rng: RandomGenerator
    }

    /// The regressor `reg` of the notebook, failing the test when it is not one.
    private func regressor(_ h: NotebookHarness) throws -> (ModelValue, SequenceRegressor) {
        guard case .model(let model)? = h.interpreter.environment.lookup("reg"),
              case .regressor(let network) = model.network else {
            throw Unexpected("'reg' is not a regressor")
        }
        return (model, network)
    }

    /// Runs the set-up cell, then `fit reg on sums { … options }`; returns the state just before the fit and the
    /// weights and per-epoch losses after it.
    private func fitInNotebook(_ options: String) throws -> (start: Start, weights: [[Float]], losses: [Double]) {
        let h = try NotebookHarness(seed: 5)
        try h.run(setup)
        let (model, network) = try regressor(h)
        guard case .dataset(let d)? = h.interpreter.environment.lookup("sums"), case .sequences(let data) = d.content else {
            throw Unexpected("'sums' is not a numeric data set")
        }
        let start = Start(weights: network.parameters.map(\.value), inputs: network.inputCount,
                          outputs: network.outputCount, perStep: network.perStep, spec: model.spec, data: data,
                          rng: h.interpreter.rng)
        try h.run("fit reg on sums { epochs: 2, batch: 6, optimizer: SGD(lr: 0.5), shuffle: false\(options) }")
        let (after, trained) = try regressor(h)
        return (start, trained.parameters.map(\.value.scalars), after.history.train.map(\.loss))
    }

    /// `Trainer.fit` called directly from `start` with the fit's options and `clipNorm`/`clipValue`.
    private func fitDirectly(from start: Start, clipNorm: Float? = nil, clipValue: Float? = nil) throws
        -> (weights: [[Float]], losses: [Double]) {
        var scratch = RandomGenerator(seed: 99)
        let model = SequenceRegressor(inputs: start.inputs, outputs: start.outputs, rnn: start.spec,
                                      perStep: start.perStep, rng: &scratch)
        for (p, w) in zip(model.parameters, start.weights) { p.value = w }
        var options = TrainingOptions()
        options.epochs = 2
        options.batchSize = 6
        options.shuffle = false
        options.clipNorm = clipNorm
        options.clipValue = clipValue
        var rng = start.rng
        let history = try Trainer.fit(RegressorObjective(model: model, dataset: start.data), options: options,
                                      optimizer: try SGD(parameters: model.parameters, learningRate: 0.5), rng: &rng)
        return (model.parameters.map(\.value.scalars), history.train.map(\.loss))
    }

    func testWithoutClippingTheNotebookMatchesTheTrainer() throws {
        let notebook = try fitInNotebook("")
        let direct = try fitDirectly(from: notebook.start)
        XCTAssertEqual(notebook.weights, direct.weights)
        XCTAssertEqual(notebook.losses, direct.losses)
    }

    func testClipReachesTheTrainer() throws {
        let notebook = try fitInNotebook(", clip: 0.05")
        let clipped = try fitDirectly(from: notebook.start, clipNorm: 0.05)
        let free = try fitDirectly(from: notebook.start)
        XCTAssertNotEqual(clipped.weights, free.weights, "clipping at 0.05 must change this fit")
        XCTAssertEqual(notebook.weights, clipped.weights, "the notebook's fit is the trainer's with clipNorm 0.05")
        XCTAssertEqual(notebook.losses, clipped.losses)
        XCTAssertNotEqual(notebook.losses, free.losses)
    }

    func testClipValueReachesTheTrainer() throws {
        let notebook = try fitInNotebook(", clip_value: 0.01")
        let clipped = try fitDirectly(from: notebook.start, clipValue: 0.01)
        let free = try fitDirectly(from: notebook.start)
        XCTAssertNotEqual(clipped.weights, free.weights, "clipping at ±0.01 must change this fit")
        XCTAssertEqual(notebook.weights, clipped.weights, "the notebook's fit is the trainer's with clipValue 0.01")
        XCTAssertEqual(notebook.losses, clipped.losses)
        XCTAssertNotEqual(notebook.losses, free.losses)
    }

    func testClipAndClipValueTogetherReachTheTrainer() throws {
        let notebook = try fitInNotebook(", clip: 0.05, clip_value: 0.01")
        let both = try fitDirectly(from: notebook.start, clipNorm: 0.05, clipValue: 0.01)
        XCTAssertNotEqual(both.weights, try fitDirectly(from: notebook.start, clipNorm: 0.05).weights)
        XCTAssertNotEqual(both.weights, try fitDirectly(from: notebook.start, clipValue: 0.01).weights)
        XCTAssertEqual(notebook.weights, both.weights)
    }
}

/// A notebook value of another kind than the test set up (fails the test that throws it).
private struct Unexpected: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
