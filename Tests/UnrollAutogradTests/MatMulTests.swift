import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class MatMulTests: XCTestCase {
    func testValue() {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
        XCTAssertEqual(Tensor.matmul(a, b).scalars, [58, 64, 139, 154])
        XCTAssertEqual(Tensor.matmul(a, a, transposeB: true).scalars, [14, 32, 32, 77])
        XCTAssertEqual(Tensor.matmul(a, a, transposeA: true).shape, [3, 3])
    }

    func testGradientsForEveryTransposeCombination() {
        for ta in [false, true] {
            for tb in [false, true] {
                let a = parameter(ta ? [4, 3] : [3, 4], seed: 21)
                let b = parameter(tb ? [5, 4] : [4, 5], seed: 22)
                assertGradientsMatchFiniteDifferences([a, b]) {
                    Variable.matmul(a, b, transposeA: ta, transposeB: tb)
                }
            }
        }
    }
}
