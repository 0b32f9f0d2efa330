import UnrollAutograd
import UnrollTensor
import XCTest

/// Finite-difference gradient checking shared by the test targets.

/// Compares the tape's gradients of `(f() ⊙ R).sum()` (R a fixed random projection) with central finite
/// differences for every element of every input.
public func assertGradientsMatchFiniteDifferences(
    _ inputs: [Variable], epsilon: Float = 1e-2, rtol: Float = 2e-2, atol: Float = 2e-3,
    file: StaticString = #filePath, line: UInt = #line, _ f: () -> Variable
) {
    var rng = RandomGenerator(seed: 99)
    let probe = f()
    let projection = Tensor.uniform(probe.shape, low: -1, high: 1, using: &rng)
    func loss() -> Variable { f().multiplied(byConstant: projection).sum() }
    for x in inputs { x.zeroGrad() }
    loss().backward()
    for (k, x) in inputs.enumerated() {
        guard let analytic = x.grad else {
            XCTFail("input \(k) of shape \(x.shape) received no gradient", file: file, line: line)
            continue
        }
        for i in 0..<x.value.count {
            let original = x.value.storage.base[i]
            x.value.withUnsafeMutableBufferPointer { $0[i] = original + epsilon }
            let plus = withoutGradients { loss().value.scalar }
            x.value.withUnsafeMutableBufferPointer { $0[i] = original - epsilon }
            let minus = withoutGradients { loss().value.scalar }
            x.value.withUnsafeMutableBufferPointer { $0[i] = original }
            let numeric = (plus - minus) / (2 * epsilon)
            let a = analytic.storage.base[i]
            if abs(a - numeric) > atol + rtol * max(abs(a), abs(numeric)) {
                XCTFail("input \(k) element \(i): analytic \(a), finite difference \(numeric)", file: file, line: line)
                return
            }
        }
    }
}

/// A leaf of the given shape with uniform values in [low, high) that requires a gradient.
public func parameter(_ shape: [Int], seed: UInt64, low: Float = -1, high: Float = 1) -> Variable {
    var rng = RandomGenerator(seed: seed)
    return Variable(.uniform(shape, low: low, high: high, using: &rng), requiresGrad: true)
}
