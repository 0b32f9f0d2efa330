import UnrollAutograd
import UnrollNN
import UnrollTensor
import XCTest

/// Each optimizer against `torch.optim` on the reference fixtures: four steps with a learning rate changed
/// half-way, and one parameter that has no gradient at step 1.
final class OptimizerTests: XCTestCase {
    func testSGD() throws { try check("sgd", "SGD") { try SGD(parameters: $0, learningRate: 1) } }

    func testSGDMomentumWeightDecay() throws {
        try check("sgd_momentum", "SGD") { try SGD(parameters: $0, learningRate: 1, momentum: 0.9, weightDecay: 0.01) }
    }

    func testSGDNesterov() throws {
        try check("sgd_nesterov", "SGD") {
            try SGD(parameters: $0, learningRate: 1, momentum: 0.9, weightDecay: 0.01, nesterov: true)
        }
    }

    func testAdam() throws { try check("adam", "Adam") { try Adam(parameters: $0) } }

    func testAdamOptionsAndWeightDecay() throws {
        try check("adam_weight_decay", "Adam") {
            try Adam(parameters: $0, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.1)
        }
    }

    func testAdamWMatchesTorchAdamW() throws {
        try check("adamw", "AdamW") { try Adam.adamW(parameters: $0) }
    }

    func testAdamWOptionsMatchTorchAdamW() throws {
        try check("adamw_options", "AdamW") {
            try Adam.adamW(parameters: $0, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.1)
        }
    }

    func testAdamWShrinksWeightsWithoutTouchingTheMoments() throws {
        // One step by hand: p = 2, g = 0.5, lr = 0.1, wd = 0.5: p · (1 − 0.05) = 1.9, then Adam's first step moves it
        // by lr · m̂ / (√v̂ + eps) = 0.1 · 0.5 / (0.5 + 1e-8).
        let p = Variable(Tensor(shape: [1], scalars: [2]), requiresGrad: true)
        let adamW = try Adam.adamW(parameters: [p], learningRate: 0.1, weightDecay: 0.5)
        p.grad = Tensor(shape: [1], scalars: [0.5])
        adamW.step()
        XCTAssertEqual(p.value.scalars[0], 1.9 - 0.1 * 0.5 / (0.5 + 1e-8), accuracy: 1e-6)
        XCTAssertTrue(adamW.decoupled)
    }

    func testRMSprop() throws { try check("rmsprop", "RMSprop") { try RMSprop(parameters: $0) } }

    func testRMSpropCenteredMomentum() throws {
        try check("rmsprop_centered_momentum", "RMSprop") {
            try RMSprop(parameters: $0, alpha: 0.9, epsilon: 1e-6, momentum: 0.5, centered: true, weightDecay: 0.01)
        }
    }

    func testAdagrad() throws { try check("adagrad", "Adagrad") { try Adagrad(parameters: $0) } }

    func testAdagradDecayAndAccumulator() throws {
        try check("adagrad_decay", "Adagrad") {
            try Adagrad(parameters: $0, learningRateDecay: 0.05, initialAccumulatorValue: 0.1, epsilon: 1e-6,
                        weightDecay: 0.01)
        }
    }

    func testStepUpdatesInPlaceAndSkipsParametersWithoutGradient() throws {
        let a = Variable(Tensor(shape: [2], scalars: [1, 2]), requiresGrad: true)
        let b = Variable(Tensor(shape: [1], scalars: [3]), requiresGrad: true)
        // The address only: holding the storage itself would make it shared and force a copy on write.
        let base = a.value.storage.base
        for optimizer in [try SGD(parameters: [a, b], learningRate: 0.5, momentum: 0.9) as Optimizer,
                          try Adam(parameters: [a, b]), try RMSprop(parameters: [a, b]), try Adagrad(parameters: [a, b])] {
            a.grad = Tensor(shape: [2], scalars: [1, -1])
            let before = a.value.scalars
            optimizer.step()
            XCTAssertEqual(a.value.storage.base, base, "\(type(of: optimizer)) copied the parameter's storage")
            XCTAssertNotEqual(a.value.scalars, before)
            XCTAssertEqual(b.value.scalars, [3])
            optimizer.zeroGrad()
            XCTAssertNil(a.grad)
        }
    }

    func testLearningRateIsSettable() throws {
        let p = Variable(Tensor(shape: [1], scalars: [1]), requiresGrad: true)
        let sgd = try SGD(parameters: [p], learningRate: 0.1)
        sgd.learningRate = 0.25
        p.grad = Tensor(shape: [1], scalars: [2])
        sgd.step()
        XCTAssertEqual(p.value.scalars, [0.5])
    }

    func testInvalidOptionsThrow() {
        let p = Variable(Tensor(zeros: [1]), requiresGrad: true)
        assertOptimizerError(try SGD(parameters: [p], learningRate: -0.5),
                             "invalid learning rate -0.5; it must be a finite number ≥ 0.0")
        assertOptimizerError(try SGD(parameters: [p], learningRate: 0.1, nesterov: true),
                             "nesterov momentum needs a momentum > 0 and zero dampening, got momentum 0.0 and dampening 0.0")
        assertOptimizerError(try Adam(parameters: [p], beta1: 1),
                             "invalid beta1 1.0; it must be a finite number in [0.0, 1.0)")
        assertOptimizerError(try Adam(parameters: [p], learningRate: .nan),
                             "invalid learning rate nan; it must be a finite number ≥ 0.0")
        assertOptimizerError(try RMSprop(parameters: [p], momentum: -1),
                             "invalid momentum -1.0; it must be a finite number ≥ 0.0")
        assertOptimizerError(try Adagrad(parameters: [p], learningRateDecay: -1),
                             "invalid learning rate decay -1.0; it must be a finite number ≥ 0.0")
        assertOptimizerError(try Adagrad(parameters: [p, p]),
                             "parameter 1 (shape [1]) appears more than once in the optimizer's list")
    }

    // MARK: - Helpers

    /// Runs the fixture `optim_<name>`: the optimizer is built with learning rate as given, then the rate is
    /// set from the fixture before every step.
    private func check(_ name: String, _ torchClass: String, make: ([Variable]) throws -> Optimizer) throws {
        let file = try Fixtures.load("optim_" + name)
        XCTAssertEqual(try Fixtures.description(of: file)["optimizer"], torchClass)
        let names = ["a", "b", "c"]
        let parameters = try names.map { Variable(try file.tensor("init." + $0), requiresGrad: true) }
        let optimizer = try make(parameters)
        let rates = try file.tensor("lrs").scalars
        XCTAssertEqual(rates.count, 4)
        XCTAssertNil(file.tensors["grad.1.c"], "the fixture should leave c without gradient at step 1")
        for (step, rate) in rates.enumerated() {
            optimizer.learningRate = rate
            for (key, p) in zip(names, parameters) { p.grad = file.tensors["grad.\(step).\(key)"]?.values }
            optimizer.step()
            for (key, p) in zip(names, parameters) {
                assertClose(p.value, try file.tensor("param.\(step).\(key)"), "\(name) step \(step) parameter \(key)")
            }
        }
    }

    private func assertOptimizerError<T>(_ body: @autoclosure () throws -> T, _ message: String,
                                         file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? OptimizerError)?.message, message, "\(error)", file: file, line: line)
        }
    }
}
