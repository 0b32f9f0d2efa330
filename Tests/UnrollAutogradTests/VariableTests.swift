import UnrollAutograd
import UnrollTensor
import XCTest

final class VariableTests: XCTestCase {
    func testTenThousandStepChainDoesNotOverflowTheStack() {
        // An unrolled recurrence h_{t+1} = tanh(h_t * w + x) over 10,000 steps.
        let w = Variable(Tensor(shape: [1], scalars: [0.5]), requiresGrad: true)
        let x = Variable(Tensor(shape: [1], scalars: [0.1]))
        var h = Variable(Tensor(shape: [1], scalars: [0]))
        for _ in 0..<10_000 { h = (h * w + x).tanh() }
        h.sum().backward()
        XCTAssertNotNil(w.grad)
        XCTAssertTrue(w.grad!.scalars[0].isFinite)
    }

    func testDroppingAnUnusedDeepGraphDoesNotOverflowTheStack() {
        let w = Variable(Tensor(shape: [1], scalars: [0.5]), requiresGrad: true)
        var h = Variable(Tensor(shape: [1], scalars: [1]))
        for _ in 0..<100_000 { h = h * w }
        XCTAssertEqual(h.value.scalar, 0, accuracy: 1e-30)
        h = Variable(Tensor(scalar: 0))  // releases the chain
    }

    func testTopologicalOrderPutsInputsFirst() {
        let a = Variable(Tensor(scalar: 1), requiresGrad: true)
        let b = a.scaled(by: 2)
        let c = a + b
        let order = c.topologicalOrder()
        XCTAssertEqual(order.count, 3)
        XCTAssertTrue(order.firstIndex { $0 === a }! < order.firstIndex { $0 === b }!)
        XCTAssertTrue(order.last === c)
    }

    func testNoRecordingWithoutGradients() {
        let a = Variable(Tensor(scalar: 1), requiresGrad: true)
        let b = withoutGradients { a.scaled(by: 3) }
        XCTAssertFalse(b.requiresGrad)
        XCTAssertTrue(b.inputs.isEmpty)
        XCTAssertEqual(b.value.scalar, 3)
        XCTAssertTrue(a.scaled(by: 3).requiresGrad, "recording resumes after the block")
    }

    func testDetachedBlocksGradient() {
        let a = Variable(Tensor(scalar: 2), requiresGrad: true)
        let y = a * a.detached()
        y.backward()
        XCTAssertEqual(a.grad?.scalar, 2)
    }

    func testAnIntermediateKeepsItsGradientOnlyWhenAskedTo() {
        let a = Variable(Tensor(scalar: 3), requiresGrad: true)
        let kept = a * a, dropped = a * a
        kept.retainsGrad = true
        (kept * dropped).backward()
        XCTAssertEqual(kept.grad?.scalar, 9, "∂(k·d)/∂k = d = 9")
        XCTAssertNil(dropped.grad)
        XCTAssertEqual(a.grad?.scalar, 108, "∂(a⁴)/∂a = 4a³")
    }
}
