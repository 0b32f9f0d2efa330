import XCTest
@testable import UnrollReport

final class SeriesSamplingTests: XCTestCase {
    func testShortSeriesAreListedWhole() {
        XCTAssertEqual(SeriesSampling.indices(count: 5), [0, 1, 2, 3, 4])
        XCTAssertEqual(SeriesSampling.indices(count: 20), Array(0..<20))
        XCTAssertEqual(SeriesSampling.indices(count: 0), [])
    }

    func testLongSeriesAreSampledEvenlyWithEnds() {
        let indices = SeriesSampling.indices(count: 1000)
        XCTAssertEqual(indices.count, 20)
        XCTAssertEqual(indices.first, 0)
        XCTAssertEqual(indices.last, 999)
        XCTAssertEqual(Set(indices).count, 20)
        XCTAssertEqual(indices, indices.sorted())
        let gaps = zip(indices, indices.dropFirst()).map { $1 - $0 }
        XCTAssertLessThanOrEqual(gaps.max()! - gaps.min()!, 1, "gaps \(gaps)")
        XCTAssertEqual(SeriesSampling.indices(count: 21), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
        XCTAssertEqual(SeriesSampling.indices(count: 7, limit: 3), [0, 3, 6])
    }
}
