import UnrollAutograd
import UnrollTensor
import UnrollTestSupport
import XCTest

final class GatherTests: XCTestCase {
    func testLookupAndRepeatedIndexGradient() {
        let table = Variable(Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6]), requiresGrad: true)
        let rows = table.gatherRows([2, 0, 2])
        XCTAssertEqual(rows.value.scalars, [5, 6, 1, 2, 5, 6])
        rows.sum().backward()
        XCTAssertEqual(table.grad?.scalars, [1, 1, 0, 0, 2, 2])
    }

    func testGradient() {
        let table = parameter([4, 3], seed: 51)
        assertGradientsMatchFiniteDifferences([table]) { table.gatherRows([3, 1, 1, 0]) }
    }
}
