import Foundation
import UnrollNN
import UnrollTensor
import XCTest

/// Access to the PyTorch reference files in `Fixtures/` (written by `scripts/make_torch_references.py`).
enum Fixtures {
    /// The URL of the fixture file `name`.
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
    }

    /// The fixture `name` (without the `.safetensors` extension), read with the library's reader.
    static func load(_ name: String) throws -> Safetensors {
        try Safetensors(contentsOf: url(name + ".safetensors"))
    }

    /// The fields of the JSON object in a fixture's `description` metadata.
    static func description(of file: Safetensors) throws -> [String: String] {
        let text = try XCTUnwrap(file.metadata["description"], "fixture without description metadata")
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        return try XCTUnwrap(object, "fixture description is not an object of strings")
    }
}

/// Asserts `|a − b| ≤ rtol·|b| + atol` element-wise for `actual` a and `expected` b; on failure reports the
/// worst element (largest ratio of error to tolerance) with its index and both values.
func assertClose(_ actual: Tensor, _ expected: Tensor, _ what: String, rtol: Float = 1e-5, atol: Float = 1e-6,
                 file: StaticString = #filePath, line: UInt = #line) {
    guard actual.shape == expected.shape else {
        XCTFail("\(what): shape \(actual.shape), expected \(expected.shape)", file: file, line: line)
        return
    }
    let a = actual.scalars, b = expected.scalars
    var worst = -1, worstRatio: Float = 0, failures = 0
    for i in 0..<a.count {
        let error = abs(a[i] - b[i]), tolerance = rtol * abs(b[i]) + atol
        let ratio = error / tolerance
        if !(error <= tolerance) { failures += 1 }
        if !(ratio <= worstRatio) { worst = i; worstRatio = ratio }
    }
    guard failures > 0 else { return }
    var index: [Int] = [], rest = worst
    for extent in actual.shape.reversed() {
        index.insert(rest % extent, at: 0)
        rest /= extent
    }
    XCTFail("\(what): \(failures) of \(a.count) elements differ; worst at \(index): got \(a[worst]), expected "
            + "\(b[worst]), |diff| \(abs(a[worst] - b[worst])) > tolerance \(rtol * abs(b[worst]) + atol)",
            file: file, line: line)
}
