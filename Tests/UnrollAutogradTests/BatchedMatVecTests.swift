import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class BatchedMatVecTests: XCTestCase {
    func testMatrixVectorValues() {
        // n = 0: [[1, 2], [3, 4], [5, 6]] · [1, -1] = [-1, -1, -1]; n = 1: [[0, 1], [2, 0], [1, 1]] · [2, 3] = [3, 4, 5].
        let m = Variable(Tensor(shape: [2, 3, 2], scalars: [1, 2, 3, 4, 5, 6, 0, 1, 2, 0, 1, 1]))
        let v = Variable(Tensor(shape: [2, 2], scalars: [1, -1, 2, 3]))
        let y = Variable.batchedMatrixVector(m, v)
        XCTAssertEqual(y.shape, [2, 3])
        XCTAssertEqual(y.value.scalars, [-1, -1, -1, 3, 4, 5])
    }

    func testVectorMatrixValues() {
        // n = 0: 1·[1, 2] + 0·[3, 4] + 2·[5, 6] = [11, 14]; n = 1: 0.5·[0, 1] + 1·[2, 0] − 1·[1, 1] = [1, -0.5].
        let m = Variable(Tensor(shape: [2, 3, 2], scalars: [1, 2, 3, 4, 5, 6, 0, 1, 2, 0, 1, 1]))
        let w = Variable(Tensor(shape: [2, 3], scalars: [1, 0, 2, 0.5, 1, -1]))
        let y = Variable.batchedVectorMatrix(w, m)
        XCTAssertEqual(y.shape, [2, 2])
        XCTAssertEqual(y.value.scalars, [11, 14, 1, -0.5])
    }

    func testMatrixVectorGradients() {
        let m = parameter([3, 4, 5], seed: 1), v = parameter([3, 5], seed: 2)
        assertGradientsMatchFiniteDifferences([m, v]) { Variable.batchedMatrixVector(m, v) }
    }

    func testVectorMatrixGradients() {
        let w = parameter([3, 4], seed: 3), m = parameter([3, 4, 2], seed: 4)
        assertGradientsMatchFiniteDifferences([w, m]) { Variable.batchedVectorMatrix(w, m) }
    }
}
