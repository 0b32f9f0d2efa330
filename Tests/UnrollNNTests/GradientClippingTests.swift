import UnrollAutograd
import UnrollNN
import UnrollTensor
import XCTest

/// Gradient clipping against `torch.nn.utils.clip_grad_norm_` and `clip_grad_value_`.
final class GradientClippingTests: XCTestCase {
    func testClipByGlobalNormMatchesPyTorch() throws {
        let file = try Fixtures.load("clip_grad")
        let (parameters, spare) = try gradients(file)
        let total = GradientClipping.clipByGlobalNorm(parameters + [spare], maxNorm: try file.tensor("max_norm")[0])
        assertClose(Tensor(shape: [1], scalars: [total]), try file.tensor("total_norm"), "total norm")
        XCTAssertGreaterThan(total, 1.5)
        assertClose(parameters[0].grad!, try file.tensor("norm_clipped.a"), "clipped a")
        assertClose(parameters[1].grad!, try file.tensor("norm_clipped.b"), "clipped b")
        XCTAssertNil(spare.grad)
        XCTAssertEqual(GradientClipping.globalNorm(of: parameters), 1.5, accuracy: 1e-5)
    }

    func testClipByGlobalNormBelowTheLimitChangesNothing() throws {
        let file = try Fixtures.load("clip_grad")
        let (parameters, _) = try gradients(file)
        let total = GradientClipping.clipByGlobalNorm(parameters, maxNorm: try file.tensor("max_norm")[1])
        assertClose(Tensor(shape: [1], scalars: [total]), try file.tensor("large.total_norm"), "total norm")
        XCTAssertEqual(parameters[0].grad, try file.tensor("grad.a"))
        XCTAssertEqual(parameters[1].grad, try file.tensor("grad.b"))
        assertClose(parameters[1].grad!, try file.tensor("large.norm_clipped.b"), "unclipped b")
    }

    func testClipByValueMatchesPyTorch() throws {
        let file = try Fixtures.load("clip_grad")
        let (parameters, spare) = try gradients(file)
        GradientClipping.clipByValue(parameters + [spare], limit: try file.tensor("clip_value")[0])
        XCTAssertEqual(parameters[0].grad, try file.tensor("value_clipped.a"))
        XCTAssertEqual(parameters[1].grad, try file.tensor("value_clipped.b"))
        XCTAssertLessThanOrEqual(parameters[1].grad!.maxAbs(), 0.8)
    }

    func testGlobalNormAndEdgeCases() {
        let p = Variable(Tensor(zeros: [2]), requiresGrad: true)
        let q = Variable(Tensor(zeros: [1]), requiresGrad: true)
        XCTAssertEqual(GradientClipping.globalNorm(of: [p, q]), 0)
        XCTAssertEqual(GradientClipping.clipByGlobalNorm([p, q], maxNorm: 1), 0)
        p.grad = Tensor(shape: [2], scalars: [3, 0])
        q.grad = Tensor(shape: [1], scalars: [4])
        XCTAssertEqual(GradientClipping.globalNorm(of: [p, q]), 5)
        XCTAssertEqual(GradientClipping.clipByGlobalNorm([p, q], maxNorm: 2.5), 5)
        XCTAssertEqual(p.grad!.scalars[0], 1.5, accuracy: 1e-6)
        XCTAssertEqual(q.grad!.scalars[0], 2, accuracy: 1e-6)
        q.grad = Tensor(shape: [1], scalars: [.infinity])
        XCTAssertEqual(GradientClipping.clipByGlobalNorm([p, q], maxNorm: 1), .infinity)
        XCTAssertEqual(q.grad!.scalars, [.infinity])
    }

    /// Parameters a and b with the fixture's gradients, and a third without gradient.
    private func gradients(_ file: Safetensors) throws -> ([Variable], Variable) {
        let parameters = try ["a", "b"].map { key -> Variable in
            let g = try file.tensor("grad." + key)
            let v = Variable(Tensor(zeros: g.shape), requiresGrad: true)
            v.grad = g
            return v
        }
        return (parameters, Variable(Tensor(zeros: [2]), requiresGrad: true))
    }
}
